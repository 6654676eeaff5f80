# NameError for an undefined function called on a whole line.
def helper():
    print("helper runs")
    undefined_function()

helper()

# else with no matching if.
x = 1
else:
    pass

# A plain invalid statement.
print("ok")
x = = 5

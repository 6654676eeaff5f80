# raise SystemExit: exit status 0, nothing on stderr; finally blocks still run.
try:
    print("raising SystemExit")
    raise SystemExit
finally:
    print("finally runs before exit")

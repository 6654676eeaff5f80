# -i with a script that raises: the traceback is printed, then the REPL starts anyway.
data = {"a": 1}
print("about to fail")
data["b"]

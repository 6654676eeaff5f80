# -i: errors in the REPL print a traceback (File "<stdin>") and the session goes on.
value = 42

# -c program with a syntax error.

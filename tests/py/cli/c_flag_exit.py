# -c program that calls sys.exit with a code.

# The program is read from stdin with "-" (stdin_program.in); sys.argv[0] is '-'.

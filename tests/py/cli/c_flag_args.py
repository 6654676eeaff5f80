# -c with extra arguments: they become sys.argv[1:], sys.argv[0] is '-c'.

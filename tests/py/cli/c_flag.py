# Run with -c (see c_flag.flags): the program text comes from the command line; this file is not run.

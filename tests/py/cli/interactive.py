# -i: run this script, then read statements from stdin (interactive.in) in the REPL.
# Prompts '>>> ' and '... ' go to stderr when stdin is not a terminal;
# values of expression statements are echoed to stdout with repr().
greeting = "hello"
numbers = [3, 1, 2]
print("script ran")

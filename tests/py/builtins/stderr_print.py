# Printing to stderr (recorded because stderr is non-empty), interleaved with stdout.
import sys
print("stdout line 1")
print("stderr line 1", file=sys.stderr)
sys.stderr.write("stderr via write\n")
print("stdout line 2")
print("a", "b", sep="-", end="|\n", file=sys.stderr)

# Output printed before the error is kept, the error goes to stderr.
import sys
for i in range(3):
    print("line", i)
sys.stdout.write("partial line without newline")
raise IndexError("after output")

# sys.exit("message"): message on stderr, exit status 1.
import sys
print("exiting with a message")
sys.exit("fatal: something went wrong")

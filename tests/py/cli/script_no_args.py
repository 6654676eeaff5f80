# A script without arguments: sys.argv has only the script name.
import sys
print(sys.argv, len(sys.argv), __name__)

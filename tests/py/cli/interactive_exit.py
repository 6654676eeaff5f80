# -i: sys.exit() typed at the prompt ends the session with that status.
import sys
count = 0

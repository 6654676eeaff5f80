# sys.exit(0) and sys.exit(None) exit with status 0 and no output on stderr.
import sys
def main():
    print("main runs")
    try:
        sys.exit(5)
    except SystemExit as e:
        print("caught SystemExit with code", e.code)
    try:
        sys.exit()
    except SystemExit as e:
        print("bare sys.exit code", e.code)
    sys.exit(0)
main()

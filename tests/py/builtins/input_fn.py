# input(): reads lines from stdin (input_fn.in); the prompt goes to stdout.
name = input("Your name: ")
print("Hello,", name)
age = int(input("Age? "))
print("Next year:", age + 1)
line = input()
print("raw line:", repr(line))
nums = [int(x) for x in input("numbers> ").split()]
print("sum", sum(nums), "max", max(nums))
empty = input("empty: ")
print("empty line:", repr(empty))
spaces = input()
print("spaces kept:", repr(spaces))
unicode_line = input("unicode: ")
print(unicode_line, len(unicode_line))
count = int(input())
total = 0
for _ in range(count):
    total += int(input())
print("total of", count, "values:", total)
try:
    input("at EOF: ")
except EOFError as e:
    print()
    print(type(e).__name__, e)

# ** and pow(): negative exponents give float, 3-arg pow, zero and one cases.
print(2 ** 0, 2 ** 1, 2 ** 10, 2 ** 64, (-2) ** 63, (-3) ** 3, (-3) ** 4)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3, 4 ** -0.5, type(2 ** -1).__name__)
print(0 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001, (-1) ** 1000, 1 ** -5)
print(2 ** 0.5, 9 ** 0.5, 8 ** (1 / 3), 2.0 ** 10, 0.5 ** 2, 10.0 ** -2)
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(7, 2, 5), pow(-7, 2, 5), pow(7, 3, -5))
print(pow(3, 200, 1000007), pow(2, 0, 7), pow(5, 1, 1), pow(123, 456, 789))
print(pow(3, -1, 7), pow(2, -1, 9), pow(5, -2, 13))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -2.5
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2 ** 10000 * 1.0
except OverflowError as e:
    print(type(e).__name__, e)
print(len(str(7 ** 500)), 7 ** 500 % 1000)
print(-2 ** 2, (-2) ** 2, 2 ** -2 ** 2, 2 ** 3 ** 2)
x = 3
x **= 4
print(x)
print(pow(base=2, exp=5), pow(2, 5, mod=3))

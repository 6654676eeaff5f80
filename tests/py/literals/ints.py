# Integer literals in every base, with underscores.
print(0, 7, 42, 1_000_000, 1_0)
print(0b0, 0b1, 0b1010, 0B1111, 0b_1010_1010)
print(0o0, 0o7, 0o777, 0O17, 0o_12_34)
print(0x0, 0xff, 0xFF, 0XdeadBEEF, 0x_ff_ff)
print(00, 0_0, 000)
print(-1, +1, -0, --5, -+-5)
print(2147483647, 2147483648, 4294967296, 9223372036854775807, 9223372036854775808)
print(18446744073709551616, 0xFFFFFFFFFFFFFFFF, 0x1_0000_0000_0000_0000)
print(123456789012345678901234567890123456789012345678901234567890)
print(0b11111111111111111111111111111111111111111111111111111111111111111111111)
print(0o7777777777777777777777777777777)
print(type(0).__name__, type(10**30).__name__, type(0xff).__name__)
print("repr", repr(0x10), repr(-0o10), repr(0b10))
# literal attribute access needs a space or parentheses
print((5).bit_length(), 5 .bit_length(), 0x10.bit_length())
print(255 == 0xff == 0o377 == 0b11111111)
print(1_2_3_4 + 0x_1)
# leading zeros on zero only
print(0000000)
# large literal arithmetic folded by the compiler
print(2**100, -2**63, 10**20 + 1)
print(-9223372036854775808, -9223372036854775809)

# A number immediately followed by letters.
value = 12abc

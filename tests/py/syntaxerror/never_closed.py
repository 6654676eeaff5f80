# An opening parenthesis that is never closed.
result = max(1,
             2

print(result)

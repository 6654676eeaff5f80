# A single closing brace in an f-string.
s = f"oops }"

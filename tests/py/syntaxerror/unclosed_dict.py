# An unclosed brace at end of file.
d = {"a": 1,
     "b": 2

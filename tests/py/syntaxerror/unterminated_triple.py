# A triple-quoted string that never ends.
text = """first line
second line

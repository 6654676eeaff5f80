# Invalid string prefix.
s = bu"text"

# Missing block after for, at end of file.
for i in range(3):

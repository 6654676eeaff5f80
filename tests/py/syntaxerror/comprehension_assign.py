# Assignment to the iteration variable of a comprehension inside it.
x = [i := 0 for i in range(3)]

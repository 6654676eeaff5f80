# Two list elements without a comma.
values = [1, 2 3]

# A nested block dedented to a column that matches no outer block.
def f():
    if True:
        return 1
      return 2

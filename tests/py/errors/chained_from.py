# raise ... from ...: "The above exception was the direct cause of the following exception:"
print("chained")
raise ValueError("x") from KeyError("k")

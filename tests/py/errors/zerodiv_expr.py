# Error inside a larger expression: CPython 3.11 draws ~ and ^ under the failing operation.
def average(values):
    return sum(values) / len(values)

data = []
print("average of", data)
result = average(data) + 1

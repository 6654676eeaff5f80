# Block body dedented below its header.
for i in range(2):
        print(i)
    print("x")

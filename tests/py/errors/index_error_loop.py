# IndexError raised inside a loop, inside a method.
class Stack:
    def __init__(self):
        self.items = [1, 2]
    def pop(self):
        return self.items.pop()

s = Stack()
for i in range(3):
    print("popped", s.pop())

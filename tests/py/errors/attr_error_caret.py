# AttributeError and NameError in expressions: caret lines under the sub-expression.
class Box:
    def __init__(self):
        self.content = None

box = Box()
print("box made")
size = len(box.content.items)

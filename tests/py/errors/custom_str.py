# Exception with __str__ override and one with no message.
class Weird(Exception):
    def __str__(self):
        return "weird things happened (%d)" % len(self.args)

class Silent(Exception):
    pass

try:
    raise Silent()
except Silent as e:
    print("Silent str is empty:", repr(str(e)))
raise Weird(1, 2, 3)

# A class's __init__ replaced between hot loops that construct it: each
# loop must call the __init__ of the moment, also once compiled.
class C:
    def __init__(self, x):
        self.x = x
def init2(self, x):
    self.x = -x
def make(n):
    total = 0
    for i in range(n):
        total += C(i).x
    return total
print(make(1000))
C.__init__ = init2
print(make(1000))
def init3(self, x):
    self.x = x * 10
C.__init__ = init3
print(make(1000))

# Which method runs: calls from base-class code dispatch to the subclass
# override, super() in a mixin continues along the instance's MRO (not the
# mixin's bases), and explicitly calling Base.method(self) skips overrides.
class Base:
    def run(self):
        return ["Base.run"] + self.step()
    def step(self):
        return ["Base.step"]
class Logging:
    def step(self):
        return ["Logging.step"] + super().step()
class Timing:
    def step(self):
        return ["Timing.step"] + super().step()
class Job(Logging, Timing, Base):
    def step(self):
        return ["Job.step"] + super().step()
print(Job().run())
print(Base.step(Job()), Logging.step(Job()))
print([k.__name__ for k in Job.__mro__])
class Job2(Timing, Logging, Base):
    pass
print(Job2().run())
class Shape:
    def describe(self):
        return f"{self.name()} with {self.sides()} sides"
    def name(self):
        return "shape"
    def sides(self):
        return 0
class Tri(Shape):
    def sides(self):
        return 3
class NamedTri(Tri):
    def name(self):
        return "triangle"
print(Shape().describe(), Tri().describe(), NamedTri().describe(), sep=" | ")

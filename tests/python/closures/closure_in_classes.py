# Closures interacting with classes: methods defined in a function body
# closing over its locals, a class created per call capturing a parameter,
# and callbacks stored on instances that close over the instance.
def make_class(prefix):
    class Tagged:
        def tag(self, s):
            return f"{prefix}:{s}"
    return Tagged
A, B = make_class("a"), make_class("b")
print(A().tag("x"), B().tag("x"), A is B, A.__name__)
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self, fn):
        self.handlers.append(fn)
        return fn
    def click(self):
        return [h() for h in self.handlers]
clicks = []
buttons = [Button(name) for name in ("ok", "cancel")]
for b in buttons:
    @b.on_click
    def handler(b=b):
        clicks.append(b.label)
        return f"{b.label} clicked"
    @b.on_click
    def late():
        return f"late sees {b.label}"
print(buttons[0].click(), buttons[1].click(), clicks)
def counter_class():
    count = 0
    class C:
        def __init__(self):
            nonlocal count
            count += 1
            self.n = count
    return C, lambda: count
C, get = counter_class()
objs = [C(), C(), C()]
print([o.n for o in objs], get())

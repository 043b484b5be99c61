# A table-driven state machine for a traffic light and for a vending
# machine: transitions in dicts, actions as methods looked up by name,
# invalid events raising, and a history trace.
class InvalidTransition(Exception):
    pass
class Machine:
    transitions = {}
    initial = None
    def __init__(self):
        self.state = self.initial
        self.trace = [self.state]
    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise InvalidTransition(f"{type(self).__name__}: no transition from {self.state} on {event!r}")
        new_state = self.transitions[key]
        action = getattr(self, f"on_{event}", None)
        if action:
            action()
        self.state = new_state
        self.trace.append(new_state)
        return self
class TrafficLight(Machine):
    initial = "red"
    transitions = {("red", "go"): "green", ("green", "slow"): "yellow", ("yellow", "stop"): "red",
                   ("red", "fault"): "flashing", ("green", "fault"): "flashing", ("flashing", "reset"): "red"}
light = TrafficLight()
for ev in ["go", "slow", "stop", "go", "fault", "reset"]:
    light.fire(ev)
print(light.trace)
try:
    light.fire("slow")
except InvalidTransition as e:
    print(e)
class Vending(Machine):
    initial = "idle"
    transitions = {("idle", "coin"): "paid", ("paid", "coin"): "paid", ("paid", "select"): "vending",
                   ("vending", "done"): "idle", ("paid", "refund"): "idle"}
    def __init__(self):
        super().__init__()
        self.credit = 0
        self.dispensed = []
    def on_coin(self):
        self.credit += 25
    def on_select(self):
        if self.credit < 50:
            raise InvalidTransition(f"need 50, have {self.credit}")
        self.credit -= 50
        self.dispensed.append("snack")
    def on_refund(self):
        print("  refunding", self.credit)
        self.credit = 0
v = Vending()
script = ["coin", "select", "coin", "select", "done", "coin", "refund", "select"]
for ev in script:
    try:
        v.fire(ev)
        print(f"{ev:>7} -> {v.state:<8} credit={v.credit}")
    except InvalidTransition as e:
        print(f"{ev:>7} !! {e}")
print(v.trace, v.dispensed)

# An inventory system: products keyed by SKU, stock movements validated,
# reorder report sorted by urgency, category totals with nested dicts,
# and formatted money columns.
class Product:
    def __init__(self, sku, name, category, price, stock, reorder_at):
        self.sku, self.name, self.category = sku, name, category
        self.price, self.stock, self.reorder_at = price, stock, reorder_at
    @property
    def value(self):
        return self.price * self.stock
    def __repr__(self):
        return f"<{self.sku} {self.name} x{self.stock}>"
class Inventory:
    def __init__(self):
        self.products = {}
        self.movements = []
    def add(self, *args):
        p = Product(*args)
        if p.sku in self.products:
            raise KeyError(f"duplicate SKU {p.sku}")
        self.products[p.sku] = p
    def move(self, sku, delta, reason):
        p = self.products[sku]
        if p.stock + delta < 0:
            raise ValueError(f"cannot remove {-delta} of {p.name}: only {p.stock} left")
        p.stock += delta
        self.movements.append((sku, delta, reason))
    def reorder_report(self):
        low = [p for p in self.products.values() if p.stock <= p.reorder_at]
        return sorted(low, key=lambda p: (p.stock - p.reorder_at, p.sku))
    def by_category(self):
        out = {}
        for p in self.products.values():
            cat = out.setdefault(p.category, {"items": 0, "units": 0, "value": 0})
            cat["items"] += 1
            cat["units"] += p.stock
            cat["value"] += p.value
        return out
inv = Inventory()
for row in [("A100", "bolt", "hardware", 0.25, 500, 100), ("A200", "nut", "hardware", 0.1, 80, 100),
            ("B100", "hammer", "tools", 12.99, 5, 3), ("B200", "wrench", "tools", 8.5, 2, 4),
            ("C100", "glue", "supplies", 3.75, 0, 10)]:
    inv.add(*row)
try:
    inv.add("A100", "dup", "x", 1, 1, 1)
except KeyError as e:
    print("KeyError:", e)
for sku, delta, reason in [("A100", -450, "sale"), ("B200", -2, "sale"), ("C100", 24, "restock"),
                           ("B100", -9, "sale"), ("Z999", 1, "typo"), ("A200", -80, "sale")]:
    try:
        inv.move(sku, delta, reason)
    except ValueError as e:
        print("ValueError:", e)
    except KeyError as e:
        print("KeyError: unknown SKU", e)
print(inv.movements)
print("reorder:", inv.reorder_report())
print(f"{'category':<10}{'items':>6}{'units':>7}{'value':>11}")
for cat, t in sorted(inv.by_category().items()):
    print(f"{cat:<10}{t['items']:>6}{t['units']:>7}{t['value']:>11,.2f}")
total = sum(p.value for p in inv.products.values())
print(f"{'total':<23}{total:>11,.2f}")

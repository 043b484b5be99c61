# An uncaught user-defined exception raised from nested calls: the last
# stderr line is the bare class name and its message.
class InventoryError(Exception):
    pass
def remove(stock, item):
    if stock.get(item, 0) == 0:
        raise InventoryError(f"out of {item}")
    stock[item] -= 1
stock = {"apple": 1}
remove(stock, "apple")
print(stock)
remove(stock, "apple")

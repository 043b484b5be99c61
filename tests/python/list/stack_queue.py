# Lists used as a stack (append/pop) and as a queue (pop(0)), a bracket
# matcher built on the stack, and a breadth-first queue over a tree.
stack = []
for x in "abc":
    stack.append(x)
print(stack, stack.pop(), stack.pop(), stack)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for i, ch in enumerate(s):
        if ch in "([{":
            st.append((ch, i))
        elif ch in pairs:
            if not st or st[-1][0] != pairs[ch]:
                return f"unexpected {ch!r} at {i}"
            st.pop()
    return "balanced" if not st else f"unclosed {st[-1][0]!r} at {st[-1][1]}"
for s in ["(a[b]{c})", "(]", "((", "{[()()]}", "", "a)"]:
    print(repr(s), balanced(s))
queue = [1]
order = []
while queue:
    node = queue.pop(0)
    order.append(node)
    if node < 8:
        queue.extend([node * 2, node * 2 + 1])
print(order)
undo = []
doc = []
for op in ["type a", "type b", "undo", "type c", "type d", "undo", "undo"]:
    if op == "undo":
        if undo:
            doc.pop()
            undo.pop()
    else:
        doc.append(op[-1])
        undo.append(op)
print(doc, undo)

# The json module: dumps with each option, loads of every kind of value,
# round trips, and the errors CPython gives.
import json

data = {"name": "metajit", "langs": ["python", "som"], "n": 3, "pi": 3.14159,
        "ok": True, "none": None, "nested": {"a": [1, [2, {}], []], "b": {}},
        "uni": "caf\u00e9 \u2603 \U0001f600", "ctrl": "tab\there\nnl \"q\" \\ \x01"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data["nested"], indent="\t"))
print(json.dumps([1, 2, {"a": 1}], separators=(",", ":")))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([1e16, 1e-7, -0.0, 10 ** 30, 0.1 + 0.2, float("nan"), float("inf"), -float("inf")]))
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps(12))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
print(json.dumps({"when": object()}, default=lambda o: "<object>"))
for bad in [{(1, 2): 3}, {"x": {1, 2}}, float("nan")]:
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)

text = '{"a": [1, 2.5, -3e2, 0, -0, 1E+2], "b": "\\u00e9\\ud83d\\ude00\\n\\/", "c": null, "d": true, "e": false, "f": {}}'
v = json.loads(text)
print(v)
print(json.loads(" [ ] "), json.loads("NaN") != json.loads("NaN"), json.loads("-Infinity"), json.loads('"x"'))
print(json.loads(json.dumps(data)) == data)
print(json.loads('{"x": 1.5}', parse_float=lambda t: "F" + t), json.loads("[1]", parse_int=lambda t: int(t) * 10))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=list), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads(b'{"bytes": 1}'))
for bad in ['', '[1, 2', '{"a" 1}', '{a: 1}', '[1,]', '"abc', '[1] x', 'tru', '"\\q"', '01', '"a\tb"', '{"a": 1,}']:
    try:
        json.loads(bad)
        print("accepted", repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.lineno, e.colno, e.pos, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
print(json.loads('{\n  "a": [\n    1,\n    2\n  ]\n}'))
try:
    json.loads('{\n  "a": [\n    1\n    2\n  ]\n}')
except json.JSONDecodeError as e:
    print(e)

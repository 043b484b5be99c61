# A JSON-like serializer and parser written by hand: nested dicts/lists,
# strings with escapes, ints, floats, booleans and null; pretty printing
# with indentation; round-trip equality and error positions.
def dumps(value, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            out.append({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}.get(ch, ch if ord(ch) >= 32 else f"\\u{ord(ch):04x}"))
        return '"' + "".join(out) + '"'
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, level + 1) for v in value) + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{" + sep.join(pad + dumps(str(k)) + ": " + dumps(v, indent, level + 1) for k, v in value.items()) + end + "}"
    raise TypeError(f"cannot serialize {type(value).__name__}")
class ParseError(Exception):
    pass
def loads(text):
    pos = 0
    def skip():
        nonlocal pos
        while pos < len(text) and text[pos] in " \n\t\r":
            pos += 1
    def value():
        nonlocal pos
        skip()
        if pos >= len(text):
            raise ParseError("unexpected end of input")
        c = text[pos]
        if c == "{":
            pos += 1
            result = {}
            skip()
            if text[pos] == "}":
                pos += 1
                return result
            while True:
                skip()
                key = value()
                skip()
                if text[pos] != ":":
                    raise ParseError(f"expected ':' at {pos}")
                pos += 1
                result[key] = value()
                skip()
                if text[pos] == "}":
                    pos += 1
                    return result
                if text[pos] != ",":
                    raise ParseError(f"expected ',' or '}}' at {pos}")
                pos += 1
        if c == "[":
            pos += 1
            result = []
            skip()
            if text[pos] == "]":
                pos += 1
                return result
            while True:
                result.append(value())
                skip()
                if text[pos] == "]":
                    pos += 1
                    return result
                if text[pos] != ",":
                    raise ParseError(f"expected ',' or ']' at {pos}")
                pos += 1
        if c == '"':
            pos += 1
            out = []
            while text[pos] != '"':
                if text[pos] == "\\":
                    esc = text[pos + 1]
                    if esc == "u":
                        out.append(chr(int(text[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[esc])
                    pos += 2
                else:
                    out.append(text[pos])
                    pos += 1
            pos += 1
            return "".join(out)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        num = text[start:pos]
        if not num:
            raise ParseError(f"unexpected {c!r} at {pos}")
        return float(num) if any(ch in num for ch in ".eE") else int(num)
    result = value()
    skip()
    if pos != len(text):
        raise ParseError(f"trailing data at {pos}")
    return result
doc = {"name": "Widget \"Pro\"", "tags": ["a", "b\tc"], "price": 12.5, "stock": 0, "active": True, "parent": None,
       "dims": {"w": 1e-05, "h": 1e+16, "d": -0.0}, "empty": [], "nothing": {}, "ctrl": "\x01\n"}
compact = dumps(doc)
print(compact)
print(dumps(doc, indent=2))
back = loads(compact)
print(back == doc, back["dims"], loads(dumps(doc, indent=4)) == doc)
for bad in ['{"a" 1}', "[1, 2", "[1 2]", "tru", '{"a": 1} x', ""]:
    try:
        loads(bad)
    except (ParseError, IndexError) as e:
        print(repr(bad), type(e).__name__, e)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)

# json: dumps/dump and loads/load, with CPython's output byte for byte
# (separators, indent, sort_keys, ensure_ascii, allow_nan, default,
# skipkeys) and its error messages (JSONDecodeError with line, column and
# character offset).
#
# A recursive encoder building a list of pieces, and a recursive-descent
# decoder over the string by index: small, and fast enough for the data a
# script reads and writes.

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7E):
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float_text(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators,
                 default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.default = default
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is None:
            separators = (", ", ": ") if indent is None else (",", ": ")
        self.item_sep, self.key_sep = separators
        self.markers = {} if check_circular else None
        self.out = []

    def newline(self, level):
        if self.indent is not None:
            self.out.append("\n" + self.indent * level)

    def enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[id(o)] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def key_text(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, int):
            return int.__repr__(k)
        if isinstance(k, float):
            return _float_text(k, self.allow_nan)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not " + type(k).__name__)

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                out.append("[]")
                return
            self.enter(o)
            out.append("[")
            first = True
            for item in o:
                if not first:
                    out.append(self.item_sep)
                first = False
                self.newline(level + 1)
                self.encode(item, level + 1)
            self.newline(level)
            out.append("]")
            self.leave(o)
        elif isinstance(o, dict):
            if not o:
                out.append("{}")
                return
            self.enter(o)
            out.append("{")
            items = sorted(o.items()) if self.sort_keys else o.items()
            first = True
            for k, v in items:
                key = self.key_text(k)
                if key is None:
                    continue
                if not first:
                    out.append(self.item_sep)
                first = False
                self.newline(level + 1)
                out.append(_quote(key, self.ensure_ascii))
                out.append(self.key_sep)
                self.encode(v, level + 1)
            self.newline(level)
            out.append("}")
            self.leave(o)
        else:
            if self.default is None:
                raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
            self.enter(o)
            self.encode(self.default(o), level)
            self.leave(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    e = _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators,
                 default, sort_keys)
    e.encode(obj, 0)
    return "".join(e.out)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


_WHITESPACE = " \t\n\r"
_UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER_START = "-0123456789"


class _Decoder:
    def __init__(self, s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant):
        self.s = s
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant

    def skip(self, i):
        s = self.s
        while i < len(s) and s[i] in _WHITESPACE:
            i += 1
        return i

    def value(self, i):
        s = self.s
        if i >= len(s):
            raise JSONDecodeError("Expecting value", s, i)
        ch = s[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        for word, v in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, i):
                return v, i + len(word)
        for word in ("NaN", "Infinity", "-Infinity"):
            if s.startswith(word, i):
                v = self.parse_constant(word) if self.parse_constant else float(word)
                return v, i + len(word)
        if ch in _NUMBER_START:
            return self.number(i)
        raise JSONDecodeError("Expecting value", s, i)

    def number(self, i):
        s = self.s
        start = i
        if s[i] == "-":
            i += 1
        if i < len(s) and s[i] == "0":
            i += 1
        elif i < len(s) and s[i].isdigit() and s[i] in "123456789":
            while i < len(s) and s[i] in "0123456789":
                i += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < len(s) and s[i] == "." and s[i + 1] in "0123456789":
            is_float = True
            i += 1
            while i < len(s) and s[i] in "0123456789":
                i += 1
        if i < len(s) and s[i] in "eE":
            j = i + 1
            if j < len(s) and s[j] in "+-":
                j += 1
            if j < len(s) and s[j] in "0123456789":
                is_float = True
                i = j
                while i < len(s) and s[i] in "0123456789":
                    i += 1
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def string(self, i):
        s = self.s
        begin = i - 1
        out = []
        while True:
            j = i
            while j < len(s) and s[j] != '"' and s[j] != "\\" and s[j] >= " ":
                j += 1
            out.append(s[i:j])
            if j >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            ch = s[j]
            if ch == '"':
                return "".join(out), j + 1
            if ch != "\\":
                raise JSONDecodeError("Invalid control character at", s, j)
            if j + 1 >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j + 1]
            if esc == "u":
                code = self.hex4(j)
                i = j + 6
                if 0xD800 <= code <= 0xDBFF and s.startswith("\\u", i):
                    low = self.hex4(i)
                    if 0xDC00 <= low <= 0xDFFF:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                out.append(chr(code))
            else:
                if esc not in _UNESCAPES:
                    raise JSONDecodeError("Invalid \\escape", s, j)
                out.append(_UNESCAPES[esc])
                i = j + 2

    def hex4(self, j):
        digits = self.s[j + 2:j + 6]
        if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
            return int(digits, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.s, j)

    def array(self, i):
        s = self.s
        items = []
        i = self.skip(i)
        if i < len(s) and s[i] == "]":
            return items, i + 1
        while True:
            v, i = self.value(self.skip(i))
            items.append(v)
            i = self.skip(i)
            if i < len(s) and s[i] == "]":
                return items, i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i += 1

    def object(self, i):
        s = self.s
        pairs = []
        i = self.skip(i)
        if i < len(s) and s[i] == "}":
            return self.finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(s) or s[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            v, i = self.value(self.skip(i + 1))
            pairs.append((key, v))
            i = self.skip(i)
            if i < len(s) and s[i] == "}":
                return self.finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.skip(i + 1)

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not "
                        + type(s).__name__)
    d = _Decoder(s, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant)
    v, end = d.value(d.skip(0))
    end = d.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return v


def load(fp, **kw):
    return loads(fp.read(), **kw)

# bench-arg: 1000
# test-arg: 3
# JSON-like text, both ways: documents of nested objects, arrays, strings
# (with escapes, control characters and non-ASCII characters), integers,
# floats, booleans and nulls are generated from a seeded `random`, printed
# by a hand-written printer (compact and indented), and read back by a
# hand-written recursive-descent parser, which must return an equal value.
# String building, character-by-character scanning, dicts and recursion
# are what is measured. The size is the number of documents; prints the
# total text length, a checksum of the text and a count of values by kind.
import random
import sys

WORDS = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "eta", "θeta",
         "iota", "kappa", "lambda", "mu", "quote\"d", "back\\slash", "tab\there",
         "line\nbreak", "ünïcödé", "日本", "smile☺", "bell\x07", "form\x0cfeed", ""]
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r",
             "b": "\b", "f": "\f"}


def generate(rng, depth):
    kind = rng.randrange(10 if depth > 0 else 6)
    if kind == 0:
        return rng.randint(-10 ** 6, 10 ** 6)
    if kind == 1:
        return rng.randint(-10 ** 20, 10 ** 20)
    if kind == 2:
        return rng.random() * 10 ** rng.randint(-5, 8)
    if kind == 3:
        return rng.choice(WORDS) + str(rng.randrange(100))
    if kind == 4:
        return rng.choice([True, False, None])
    if kind == 5:
        return rng.choice(WORDS)
    if kind < 8:
        return [generate(rng, depth - 1) for _ in range(rng.randrange(6))]
    return {"%s_%d" % (rng.choice(WORDS), i): generate(rng, depth - 1)
            for i in range(rng.randrange(6))}


def quote(text):
    parts = ['"']
    for ch in text:
        escaped = ESCAPES.get(ch)
        if escaped is not None:
            parts.append(escaped)
        elif ch < " ":
            parts.append("\\u%04x" % ord(ch))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def dump(value, indent=None, level=0):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if indent is None:
        before, separator, after, colon = "", ",", "", ":"
    else:
        pad = "\n" + " " * (indent * (level + 1))
        before, separator, after, colon = pad, "," + pad, "\n" + " " * (indent * level), ": "
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [dump(item, indent, level + 1) for item in value]
        return "[" + before + separator.join(items) + after + "]"
    if not value:
        return "{}"
    items = [quote(key) + colon + dump(item, indent, level + 1) for key, item in value.items()]
    return "{" + before + separator.join(items) + after + "}"


class ParseError(Exception):
    pass


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def parse(self):
        value = self.value()
        self.skip_space()
        if self.pos != len(self.text):
            raise ParseError("trailing text at %d" % self.pos)
        return value

    def skip_space(self):
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def expect(self, word):
        if not self.text.startswith(word, self.pos):
            raise ParseError("expected %r at %d" % (word, self.pos))
        self.pos += len(word)

    def value(self):
        self.skip_space()
        if self.pos >= len(self.text):
            raise ParseError("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "t":
            self.expect("true")
            return True
        if ch == "f":
            self.expect("false")
            return False
        if ch == "n":
            self.expect("null")
            return None
        return self.number()

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            key = self.string()
            self.skip_space()
            self.expect(":")
            result[key] = self.value()
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise ParseError("expected , or } at %d" % (self.pos - 1))

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                raise ParseError("expected , or ] at %d" % (self.pos - 1))

    def string(self):
        text = self.text
        if text[self.pos] != '"':
            raise ParseError("expected a string at %d" % self.pos)
        pos = self.pos + 1
        chunks = []
        start = pos
        while True:
            ch = text[pos]
            if ch == '"':
                chunks.append(text[start:pos])
                self.pos = pos + 1
                return "".join(chunks)
            if ch == "\\":
                chunks.append(text[start:pos])
                code = text[pos + 1]
                if code == "u":
                    chunks.append(chr(int(text[pos + 2:pos + 6], 16)))
                    pos += 6
                else:
                    chunks.append(UNESCAPES[code])
                    pos += 2
                start = pos
            else:
                pos += 1

    def number(self):
        text = self.text
        start = pos = self.pos
        is_float = False
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            if text[pos] in ".eE":
                is_float = True
            pos += 1
        self.pos = pos
        if start == pos:
            raise ParseError("unexpected %r at %d" % (text[pos], pos))
        return float(text[start:pos]) if is_float else int(text[start:pos])


def count_kinds(value, counts):
    if isinstance(value, dict):
        counts["object"] += 1
        for item in value.values():
            count_kinds(item, counts)
    elif isinstance(value, list):
        counts["array"] += 1
        for item in value:
            count_kinds(item, counts)
    elif value is None or isinstance(value, bool):
        counts["literal"] += 1
    elif isinstance(value, int):
        counts["int"] += 1
    elif isinstance(value, float):
        counts["float"] += 1
    else:
        counts["string"] += 1


def main(documents):
    rng = random.Random(7)
    total_length = 0
    checksum = 0
    counts = {"object": 0, "array": 0, "string": 0, "int": 0, "float": 0, "literal": 0}
    for index in range(documents):
        document = {"id": index, "items": [generate(rng, 5) for _ in range(12)]}
        for indent in (None, 2):
            text = dump(document, indent)
            parsed = Parser(text).parse()
            if parsed != document:
                raise RuntimeError("document %d did not read back equal" % index)
            if dump(parsed, indent) != text:
                raise RuntimeError("document %d did not print back the same" % index)
            total_length += len(text)
            for ch in text[::7]:
                checksum = (checksum * 33 + ord(ch)) % 4294967291
        count_kinds(document, counts)
    print("text length:", total_length)
    print("checksum:", checksum)
    print("values:", ", ".join("%s %d" % item for item in counts.items()))
    print("last document starts:", dump(document)[:100])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)

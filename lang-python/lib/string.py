# string: the character-class constants and capwords.

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    joiner = " " if sep is None else sep
    return joiner.join([w.capitalize() for w in s.split(sep)])


def _is_ident_char(c, first):
    return c == "_" or c.isalpha() or (not first and c.isdigit())


class Template:
    # $$ is a dollar, $name and ${name} are placeholders (parsed by hand: no re module yet).
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _render(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != "$" or i + 1 >= n:
                if c == "$" and not safe:
                    raise ValueError("Invalid placeholder in string: line 1, col %d" % (i + 1))
                out.append(c)
                i += 1
                continue
            nxt = t[i + 1]
            if nxt == "$":
                out.append("$")
                i += 2
                continue
            braced = nxt == "{"
            j = i + 2 if braced else i + 1
            k = j
            while k < n and _is_ident_char(t[k], k == j):
                k += 1
            name = t[j:k]
            if not name or (braced and (k >= n or t[k] != "}")):
                if safe:
                    out.append("$")
                    i += 1
                    continue
                raise ValueError("Invalid placeholder in string: line 1, col %d" % (i + 1))
            end = k + 1 if braced else k
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(t[i:end])
            else:
                raise KeyError(name)
            i = end
        return "".join(out)

    def substitute(self, mapping=None, **kws):
        m = dict(mapping) if mapping is not None else {}
        m.update(kws)
        return self._render(m, False)

    def safe_substitute(self, mapping=None, **kws):
        m = dict(mapping) if mapping is not None else {}
        m.update(kws)
        return self._render(m, True)

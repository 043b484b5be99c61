# Classical ciphers: Caesar with wraparound for both cases, Vigenère,
# a substitution cipher built from a keyword, and frequency analysis that
# cracks the Caesar shift; every encryption is checked to round-trip.
def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(text, key, sign=1):
    out, k = [], 0
    for ch in text:
        if ch.isalpha() and ch.isascii():
            base = 65 if ch.isupper() else 97
            shift = ord(key[k % len(key)].lower()) - 97
            out.append(chr((ord(ch) - base + sign * shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
def keyword_alphabet(keyword):
    seen = []
    for ch in keyword.lower() + "abcdefghijklmnopqrstuvwxyz":
        if ch not in seen:
            seen.append(ch)
    return "".join(seen)
def substitute(text, src, dst):
    table = {a: b for a, b in zip(src, dst)}
    table.update({a.upper(): b.upper() for a, b in zip(src, dst)})
    return "".join(table.get(ch, ch) for ch in text)
msg = "The Quick Brown Fox Jumps Over The Lazy Dog, 42 times!"
for s in (3, 13, -1, 26, 52 + 5):
    enc = caesar(msg, s)
    print(s, enc, caesar(enc, -s) == msg)
v = vigenere(msg, "lemon")
print(v, vigenere(v, "lemon", -1) == msg)
alpha = keyword_alphabet("zebras")
print(alpha)
sub = substitute(msg, "abcdefghijklmnopqrstuvwxyz", alpha)
print(sub, substitute(sub, alpha, "abcdefghijklmnopqrstuvwxyz") == msg)
ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"
def crack(cipher):
    counts = [0] * 26
    for ch in cipher.lower():
        if "a" <= ch <= "z":
            counts[ord(ch) - 97] += 1
    def score(shift):
        return sum(counts[(ord(c) - 97 + shift) % 26] * (26 - i) for i, c in enumerate(ENGLISH))
    return max(range(26), key=score)
secret = caesar("it was a bright cold day in april and the clocks were striking thirteen", 11)
shift = crack(secret)
print(secret)
print(shift, caesar(secret, -shift))

#!/usr/bin/env python3
"""An independent TLR reference, used to write the expected `.out` files.

It shares no code with lang-tlr: it assembles the same text syntax (labels,
mnemonics, decimal operands, `#` comments) and runs the paper's semantics
(64-bit wrapping accumulator, registers absent until ALLOCATE). It does not
diagnose syntax errors; those tests have hand-written expectations.

Usage: reference.py FILE.tlr [A]   (A defaults to the file's `# arg: N` line)
"""
import re
import sys

OPS = {"MOV_A_R": 1, "MOV_R_A": 2, "JUMP_IF_A": 3, "SET_A": 4,
       "ADD_R_TO_A": 5, "RETURN_A": 6, "ALLOCATE": 7, "NEG_A": 8}
NO_OPERAND = {"RETURN_A", "NEG_A"}


def wrap(x):
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >= 1 << 63 else x


def assemble(text):
    lines = []
    for number, raw in enumerate(text.split("\n"), 1):
        words = raw.split("#")[0].split()
        while words and words[0].endswith(":"):
            lines.append(("label", words.pop(0)[:-1], number))
        if words:
            lines.append(("instr", words, number))
    labels, offset = {}, 0
    for kind, what, _ in lines:
        if kind == "label":
            labels[what] = offset
        else:
            offset += 1 if what[0] in NO_OPERAND else 2
    code, line_of = [], []
    for kind, what, number in lines:
        if kind == "instr":
            code.append(OPS[what[0]])
            line_of.append(number)
            if what[0] not in NO_OPERAND:
                arg = what[1]
                code.append(labels[arg] if arg in labels else int(arg))
                line_of.append(number)
    return code, line_of


def run(code, a):
    regs, pc = None, 0

    def check(n):
        if regs is None:
            raise RuntimeError("register %d used before ALLOCATE" % n)
        if n >= len(regs):
            raise RuntimeError("register %d out of range" % n)

    while True:
        start = pc
        try:
            if pc >= len(code):
                raise RuntimeError("ran off the end of the program")
            op = code[pc]
            has_arg = op not in (6, 8)
            if has_arg and pc + 1 >= len(code):
                raise RuntimeError("missing operand at the end of the program")
            arg = code[pc + 1] if has_arg else 0
            pc += 2 if has_arg else 1
            if op == 1:
                check(arg); regs[arg] = a
            elif op == 2:
                check(arg); a = regs[arg]
            elif op == 3:
                if a != 0:
                    if arg >= len(code):
                        raise RuntimeError("jump to %d, outside the program" % arg)
                    pc = arg
            elif op == 4:
                a = arg
            elif op == 5:
                check(arg); a = wrap(a + regs[arg])
            elif op == 6:
                return a
            elif op == 7:
                regs = [0] * arg
            elif op == 8:
                a = wrap(-a)
            else:
                raise RuntimeError("unknown opcode %d" % op)
        except RuntimeError as e:
            e.pc = start
            raise


def main():
    path = sys.argv[1]
    text = open(path).read()
    m = re.search(r"^# arg: (-?\d+)", text, re.M)
    a = int(sys.argv[2]) if len(sys.argv) > 2 else int(m.group(1)) if m else 0
    code, line_of = assemble(text)
    name = "tlr/" + path.split("/")[-1]
    try:
        print(run(code, a))
    except RuntimeError as e:
        where = " (line %d)" % line_of[e.pc] if e.pc < len(line_of) else ""
        print("%s: runtime error at pc %d%s: %s" % (name, e.pc, where, e))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate terms.exs: random nested Elixir terms for checking `inspect`.

usage: python3 gen_terms.py [--seed N] [--count N] [-o terms.exs]

Every generated line is `p.(INDEX, TERM)`, where `p` prints a `# INDEX`
header, then `IO.puts(inspect(term))` (one line, never wraps) and then
`IO.inspect(term)` (pretty, width 80, 50-element limit). The output is
deterministic for a given seed, so the checked-in terms.exs/terms.out pair can
be regenerated exactly:

    python3 gen_terms.py && ../../../shared/conformance/record terms.exs

(or wherever the shared recorder lives). Terms cover integers (small,
negative, 64-bit boundaries, big), floats (tiny, huge, negative, integral,
shortest-round-trip cases), atoms (plain, needing quotes, aliases), strings
(escapes, unicode, `#`), charlists, lists, improper lists, tuples, maps with
mixed keys (at most 32 keys: larger maps print in hash order on the BEAM),
keyword lists (including quoted keys), nested to depth 4, plus some long
lists that wrap and exceed the 50-element limit.
"""
import argparse
import random
import re
import struct

PLAIN_ATOMS = ["ok", "error", "a", "foo_bar", "x1", "ok?", "done!", "nil", "true", "false",
               "CamelCase", "_under", "a@b", "é", "zzz"]
QUOTED_ATOMS = ["with space", "123", "1abc", "a-b", "a.b", "", "?q", "Elixir.foo", "hello\nworld",
                'q"uote', "ünï cödé", "+x", "foo bar baz"]
OP_ATOMS = ["+", "-", "*", "/", "++", "<>", "===", "|>", "&&", "||", "@", "!", "..", "<<>>", "%{}", "{}"]
ALIASES = ["Foo", "Foo.Bar", "Enum", "String", "A.B.C", "Elixir"]
STRING_CHARS = (list("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?-_/'()[]")
                + ["\n", "\t", "\r", '"', "\\", "#", "{", "}", "é", "ü", "ß", "日", "本", "😀", "✓",
                   "\x1b", "\x7f", "\u00a0", "\x0b", "\x0c", "\x08", "\x07"])
KEY_ATOMS = ["a", "b", "name", "id", "ok", "with space", "123", "z?", "nil", "x_y"]


def atom_src(name):
    """Elixir source for the atom `name` (quoted only when needed)."""
    if re.fullmatch(r"[a-zA-Z_][a-zA-Z0-9_@]*[?!]?", name):
        return ":" + name
    return ":" + string_src(name)


def string_src(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "#":
            out.append("\\#")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def float_src(f):
    s = repr(f)
    if "e" in s:
        mant, exp = s.split("e")
        if "." not in mant:
            mant += ".0"
        return "%se%d" % (mant, int(exp))
    if "." not in s:
        s += ".0"
    return s


class Gen:
    def __init__(self, rng):
        self.r = rng

    def integer(self):
        r = self.r
        k = r.randrange(8)
        if k == 0:
            return str(r.randrange(0, 10))
        if k == 1:
            return str(r.randrange(-1000, 1000))
        if k == 2:
            return str(r.choice([2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**64, 2**31, -(2**31)]))
        if k == 3:
            return str(r.randrange(-(10**30), 10**30))
        if k == 4:
            return str(r.randrange(32, 127))  # may make printable charlists inside lists
        if k == 5:
            return str(r.randrange(0, 2**62))
        return str(r.randrange(-100, 100))

    def float(self):
        r = self.r
        k = r.randrange(9)
        if k == 0:
            f = float(r.randrange(-1000, 1000))
        elif k == 1:
            f = r.uniform(-1, 1)
        elif k == 2:
            f = r.uniform(-1e6, 1e6)
        elif k == 3:
            f = 10.0 ** r.randrange(-30, 30) * r.choice([1, 1.5, -2.25, 7.0])
        elif k == 4:
            f = struct.unpack("<d", struct.pack("<Q", r.randrange(1, 0x7FEFFFFFFFFFFFFF)))[0]
        elif k == 5:
            f = r.choice([0.1, 0.2, 0.30000000000000004, 1e-4, 9.99e-5, 1e15, 1e16, 9999999999999998.0,
                          5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.0, -0.0, 123.456])
        elif k == 6:
            f = round(r.uniform(-100, 100), r.randrange(0, 4))
        elif k == 7:
            f = r.randrange(1, 10**6) / 10 ** r.randrange(0, 8)
        else:
            f = float(r.randrange(1, 10**17))
        return float_src(f)

    def atom(self):
        r = self.r
        k = r.randrange(10)
        if k < 4:
            return atom_src(r.choice(PLAIN_ATOMS))
        if k < 7:
            return atom_src(r.choice(QUOTED_ATOMS))
        if k < 8:
            return atom_src(r.choice(OP_ATOMS))
        return r.choice(ALIASES)

    def string(self):
        r = self.r
        n = r.choice([0, 1, 3, 5, 8, 12, 20, 40, 85])
        return string_src("".join(r.choice(STRING_CHARS) for _ in range(n)))

    def charlist(self):
        r = self.r
        n = r.randrange(1, 12)
        codes = [r.choice([r.randrange(97, 123), r.randrange(32, 127), r.choice([9, 10, 13, 27, 7, 8, 11, 12])])
                 for _ in range(n)]
        if r.random() < 0.2:
            codes.append(r.choice([0, 1, 200, 955, 128512]))  # no longer printable
        return "[" + ", ".join(map(str, codes)) + "]"

    def scalar(self):
        k = self.r.randrange(6)
        return [self.integer, self.float, self.atom, self.string, self.charlist,
                lambda: self.r.choice(["nil", "true", "false", "[]", "{}", "%{}", '""'])][k]()

    def key(self, depth):
        r = self.r
        k = r.randrange(7)
        if k < 3:
            return atom_src(r.choice(KEY_ATOMS))
        if k == 3:
            return self.integer()
        if k == 4:
            return self.string()
        if k == 5:
            return self.float()
        return self.term(min(depth, 1))

    def term(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.25:
            return self.scalar()
        k = r.randrange(7)
        if k == 0:
            n = r.choice([0, 1, 2, 3, 4, 5, 8])
            return "[" + ", ".join(self.term(depth - 1) for _ in range(n)) + "]"
        if k == 1:
            n = r.randrange(1, 4)
            return "[" + ", ".join(self.term(depth - 1) for _ in range(n)) + " | " + self.scalar() + "]"
        if k == 2:
            n = r.choice([0, 1, 2, 3, 4, 6])
            return "{" + ", ".join(self.term(depth - 1) for _ in range(n)) + "}"
        if k == 3:
            n = r.choice([0, 1, 2, 3, 5, 8])
            seen, pairs = set(), []
            for _ in range(n):
                key = self.key(depth - 1)
                if key in seen:
                    continue
                seen.add(key)
                pairs.append("%s => %s" % (key, self.term(depth - 1)))
            return "%{" + ", ".join(pairs) + "}"
        if k == 4:
            n = r.randrange(1, 5)
            keys = [r.choice(KEY_ATOMS) for _ in range(n)]
            return "[" + ", ".join("{%s, %s}" % (atom_src(key), self.term(depth - 1)) for key in keys) + "]"
        if k == 5:
            n = r.randrange(1, 5)
            seen, pairs = set(), []
            for _ in range(n):
                key = r.choice(KEY_ATOMS)
                if key in seen:
                    continue
                seen.add(key)
                pairs.append("%s => %s" % (atom_src(key), self.term(depth - 1)))
            return "%{" + ", ".join(pairs) + "}"
        # long flat list: wrapping and the 50-element limit
        n = r.choice([15, 25, 40, 49, 50, 51, 60])
        elem = r.choice([self.integer, self.atom, self.float, self.string])
        return "[" + ", ".join(elem() for _ in range(n)) + "]"


MAX_TERM_SRC = 1200

HEADER = """# Generated by gen_terms.py (seed {seed}); do not edit by hand.
# Each term is printed with inspect/1 (one line) and with IO.inspect/1 (pretty).
p = fn i, t ->
  IO.puts("# #{{i}}")
  IO.puts(inspect(t))
  IO.inspect(t)
end
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20240)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("-o", default=None)
    a = ap.parse_args()
    import os
    out = a.o or os.path.join(os.path.dirname(os.path.abspath(__file__)), "terms.exs")
    g = Gen(random.Random(a.seed))
    lines = [HEADER.format(seed=a.seed)]
    for i in range(1, a.count + 1):
        depth = g.r.choice([0, 1, 2, 3, 4, 4])
        term = g.term(depth)
        while len(term) > MAX_TERM_SRC:  # keep the file readable and each term focused
            term = g.term(depth)
        lines.append("p.(%d, %s)\n" % (i, term))
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("".join(lines))
    print("wrote %d terms to %s" % (a.count, out))


if __name__ == "__main__":
    main()

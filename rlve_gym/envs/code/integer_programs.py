"""Random programs over integer variables: assignments, if/elif/else, for and while loops, prints.

A `ProgramShape` says how large a program may be; `IntegerProgramWriter` writes statement blocks as source text
(parsed and evaluated by `rlve_gym.envs.code.minipy`, never by the host). Loops are bounded by construction:
``for`` loops run over constant ranges or ``range(v % k + 1)``, and ``while`` loops count a dedicated variable
down. Runaway values are caught by the interpreter's limits, and the tasks retry with a fresh draw; after a few
failed draws every assignment is reduced modulo a small constant and loops are dropped, which always fits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = ["IntegerProgramWriter", "ProgramShape"]

_MODULI = (7, 10, 11, 13, 97, 100)
_COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")


@dataclass(frozen=True)
class ProgramShape:
    """Size of a generated program."""

    statements: int  # statements in the main block, nested ones included
    depth: int  # deepest nesting of if / for / while
    loop_bound: int  # largest constant loop count
    prints_inside: bool = False  # may print inside blocks (output with several lines)
    loop_nesting: int = 2  # deepest nesting of loops (iterations multiply: keep it small)


class IntegerProgramWriter:
    """Writes random statement blocks over a set of integer variables."""

    def __init__(self, rng: random.Random, shape: ProgramShape, *, reduce_all: bool = False) -> None:
        self.rng = rng
        self.shape = shape
        self.reduce_all = reduce_all  # every assignment modulo a constant, no multiplying updates: always bounded
        self._remaining = 0
        self._loops = 0
        self._read_a_name = False
        self._loop_names = ("i", "j", "k", "t", "u", "w")
        self._counter_names = ("n", "m", "p", "q", "r", "s")

    # ------------------------------------------------------------------------------------------------ expressions
    def expression(self, readable: list[str], depth: int = 0, avoid: str = "") -> str:
        """An integer expression over `readable` names (nesting at most 2) that reads at least one of them and is
        not just the name `avoid`."""
        for _ in range(8):
            self._read_a_name = False
            text = self._expression(readable, depth)
            if self._read_a_name and text != avoid:
                return text
        return self.rng.choice([name for name in readable if name != avoid] or readable)

    def _expression(self, readable: list[str], depth: int) -> str:
        rng = self.rng
        if depth >= 2 or rng.random() < 0.3:
            if rng.random() < 0.65:
                self._read_a_name = True
                return rng.choice(readable)
            return str(rng.randint(0, 9))
        kind = rng.choices(["+", "-", "*", "//", "%", "call"], weights=[4, 4, 2, 1, 2, 1 if depth == 0 else 0])[0]
        if kind == "call":
            function = rng.choice(["min", "max", "abs"])
            if function == "abs":
                return f"abs({self._expression(readable, depth + 1)} - {self._expression(readable, depth + 1)})"
            return f"{function}({self._expression(readable, depth + 1)}, {self._expression(readable, depth + 1)})"
        left = self._expression(readable, depth + 1)
        if kind == "*":
            return f"({left}) * {rng.randint(2, 4)}"
        if kind in ("//", "%"):
            return f"({left}) {kind} {rng.randint(2, 9)}"
        return f"({left}) {kind} ({self._expression(readable, depth + 1)})"

    def condition(self, readable: list[str]) -> str:
        """A boolean condition, sometimes two comparisons joined by and/or."""
        rng = self.rng
        if rng.random() < 0.35:
            comparison = f"{rng.choice(readable)} % {rng.randint(2, 5)} {rng.choice(['==', '!='])} {rng.randint(0, 1)}"
        else:
            right = rng.choice(readable) if rng.random() < 0.4 else str(rng.randint(0, 12))
            comparison = f"{self.expression(readable, 1)} {rng.choice(_COMPARISONS)} {right}"
        if rng.random() < 0.2:
            return f"{comparison} {rng.choice(['and', 'or'])} {self.condition(readable)}"
        return comparison

    # ------------------------------------------------------------------------------------------------ statements
    def block(self, statements: int, writable: list[str], readable: list[str], depth: int = 0) -> list[str]:
        """About `statements` statements (nested ones included) as indented source lines."""
        self._remaining = statements
        self._loops = 0
        return self._block(writable, readable, depth, indent=0)

    def _block(self, writable: list[str], readable: list[str], depth: int, indent: int) -> list[str]:
        lines: list[str] = []
        pad = "    " * indent
        target = max(1, min(self._remaining, self.rng.randint(1, 3) if depth else self._remaining))
        for _ in range(target):
            if self._remaining <= 0 and lines:
                break
            self._remaining -= 1
            lines += [pad + line for line in self._statement(writable, readable, depth)]
        return lines

    def _statement(self, writable: list[str], readable: list[str], depth: int) -> list[str]:
        rng = self.rng
        compound = depth < self.shape.depth and not self.reduce_all and self._remaining > 0
        loops = compound and self._loops < self.shape.loop_nesting
        kinds = ["assign", "update"] + (["if"] if compound else []) + (["for", "while"] if loops else [])
        weights = [4, 3] + ([3] if compound else []) + ([2, 1] if loops else [])
        if self.shape.prints_inside and depth > 0:
            kinds.append("print")
            weights.append(1)
        kind = rng.choices(kinds, weights=weights)[0]
        if kind == "assign":
            name = rng.choice(writable)
            value = self.expression(readable, avoid=name)
            if self.reduce_all or rng.random() < 0.3:
                value = f"({value}) % {rng.choice(_MODULI)}"
            return [f"{name} = {value}"]
        if kind == "update":
            name = rng.choice(writable)
            if self.reduce_all:
                return [f"{name} = ({name} + {self.expression(readable, 1)}) % {rng.choice(_MODULI)}"]
            operator = rng.choices(["+=", "-=", "*=", "//=", "%="], weights=[4, 3, 1, 1, 1])[0]
            if operator in ("+=", "-="):
                return [f"{name} {operator} {self.expression(readable, 1)}"]
            return [f"{name} {operator} {rng.randint(2, 3) if operator == '*=' else rng.randint(2, 9)}"]
        if kind == "print":
            return [f"print({', '.join(rng.sample(readable, min(len(readable), rng.randint(1, 2))))})"]
        body_depth = depth + 1
        if kind == "if":
            lines = [f"if {self.condition(readable)}:"]
            lines += self._block(writable, readable, body_depth, 1)
            if rng.random() < 0.3 and self._remaining > 0:
                lines.append(f"elif {self.condition(readable)}:")
                lines += self._block(writable, readable, body_depth, 1)
            if rng.random() < 0.5 and self._remaining > 0:
                lines.append("else:")
                lines += self._block(writable, readable, body_depth, 1)
            return lines
        if kind == "for":
            loop = self._loop_names[depth % len(self._loop_names)]
            if rng.random() < 0.3:
                count = f"{rng.choice(readable)} % {rng.randint(2, self.shape.loop_bound + 1)} + 1"
            elif rng.random() < 0.5:
                start = rng.randint(0, 3)
                count = f"{start}, {start + rng.randint(2, self.shape.loop_bound)}"
            else:
                count = str(rng.randint(2, self.shape.loop_bound))
            self._loops += 1
            lines = [f"for {loop} in range({count}):", *self._block(writable, [*readable, loop], body_depth, 1)]
            self._loops -= 1
            return lines
        counter = self._counter_names[depth % len(self._counter_names)]
        lines = [f"{counter} = {rng.randint(3, 3 + self.shape.loop_bound)}", f"while {counter} > 0:"]
        self._loops += 1
        lines += self._block(writable, [*readable, counter], body_depth, 1)
        self._loops -= 1
        step = rng.choice([f"{counter} -= {rng.randint(1, 3)}", f"{counter} //= 2"])
        return [*lines, f"    {step}"]

"""Decode a base-N addition table written with letters for digits."""

from __future__ import annotations

import itertools
import random
import string
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 3.0


def digit_names(n: int) -> list[str]:
    """The first n names of the shortest length L with 26^L ≥ n, in alphabetical order (a, b, … or aa, ab, …)."""
    length = 1
    while 26**length < n:
        length += 1
    names = itertools.product(string.ascii_lowercase, repeat=length)
    return ["".join(letters) for letters in itertools.islice(names, n)]


def spell(value: int, base: int, name_of_digit: list[str]) -> str:
    """`value` written in `base` with each digit replaced by its name (names have equal length)."""
    digits = []
    while True:
        value, digit = divmod(value, base)
        digits.append(name_of_digit[digit])
        if value == 0:
            return "".join(reversed(digits))


class AdditionTable(Task):
    """Find the base and the digit values of a base-N addition table written with letters.

    N distinct names stand for the N digits 0..N-1 of base N (a permutation drawn per instance); the table lists
    x + y for every pair of names x ≤ y, each sum written in base N with names for digits. The solution is unique:
    the value of a digit equals the number of two-digit sums in its row.
    Difficulty: N = d + 3. RLVE stops at N = 26 (one letter per digit); beyond 26 the names have two letters (aa, ab,
    …), three beyond 676, so the ladder keeps growing.
    Reward: -1 unparsable; -0.5 for a wrong count of numbers; 0 if the base is wrong; otherwise
    (fraction of digit values right)^3.
    Answer: one line: N, then the values of the names in alphabetical order, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = list(range(n))
        rng.shuffle(values)
        parameters = {"names": digit_names(n), "values": values}
        return Instance(parameters, " ".join(map(str, [n, *values])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        names, values = parameters["names"], parameters["values"]
        n = len(names)
        name_of_digit = [""] * n
        for name, value in zip(names, values, strict=True):
            name_of_digit[value] = name
        equations = "\n".join(
            f"{x} + {y} = {spell(values[i] + values[j], n, name_of_digit)}"
            for i, x in enumerate(names)
            for j, y in enumerate(names)
            if i <= j
        )
        width = len(names[0])
        naming = (
            "Each name is one letter"
            if width == 1
            else f"Each name is {width} letters long, so a number is a run of {width}-letter names"
        )
        return (
            f"In an unknown base N, the {n} names {', '.join(names)} stand for {n} distinct digits, each in "
            "[0, N − 1]. Numbers are written by concatenating digit names, most significant digit first: if "
            f"{names[1]} = 1 and {names[2]} = 2, then {names[2]}{names[1]} means the base-N number 21. {naming}. "
            f"These additions hold in base N:\n{equations}\n"
            "Find N and the value (in decimal) of every name.\n"
            f"Write one line: N, then the values of {', '.join(names)} in that order, all in decimal and separated by "
            f"spaces. For example, if N were 10 with {names[0]} = 4 and {names[1]} = 7, the line would begin 10 4 7."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = parse_int_list(answer)
        values = parameters["values"]
        if len(numbers) != len(values) + 1:
            return rewards.invalid(f"expected {len(values) + 1} numbers: N and one value per name")
        if numbers[0] != len(values):
            return rewards.wrong("wrong base")
        right = sum(given == value for given, value in zip(numbers[1:], values, strict=True))
        return rewards.partial(right / len(values), _BETA, f"{right}/{len(values)} digit values right")

"""Shortest string containing at least M occurrences (in total) of given names."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown, stepped

_ATTEMPTS = 100


def _overlap(first: str, second: str) -> int:
    """Longest proper overlap: the largest k < min(len) with first ending in second[:k]."""
    for k in range(min(len(first), len(second)) - 1, 0, -1):
        if first.endswith(second[:k]):
            return k
    return 0


def _min_plus(left: list[list[int]], right: list[list[int]]) -> list[list[int]]:
    size = len(left)
    return [[min(left[i][k] + right[k][j] for k in range(size)) for j in range(size)] for i in range(size)]


@functools.lru_cache(maxsize=1024)
def shortest_length(names: tuple[str, ...], occurrences: int) -> int:
    """The least length of a string with at least `occurrences` (overlapping) occurrences of the names in total.

    No name is inside another, so occurrences sorted by start also end in increasing order, and each one after the
    first adds at least len(y) − overlap(x, y) characters after its predecessor x. The answer is the cheapest walk of
    `occurrences` names in that cost graph (min-plus matrix power), and writing the walk out achieves it.
    """
    size = len(names)
    step = [[len(y) - _overlap(x, y) for y in names] for x in names]
    walk = [[0 if i == j else 10**18 for j in range(size)] for i in range(size)]  # identity of (min, +)
    exponent = occurrences - 1
    while exponent:
        if exponent & 1:
            walk = _min_plus(walk, step)
        step = _min_plus(step, step)
        exponent >>= 1
    return min(len(names[i]) + walk[i][j] for i in range(size) for j in range(size))


class ChoHamsters(Task):
    """Given N strings over {a, b}, none a substring of another, find the least length of a string T in which the
    strings occur at least M times in total (occurrences may overlap).

    Difficulty: N = d + 1 strings of lengths uniform in [2N, 3N], each with its own probability of the letter a;
    M uniform in [1, MAX], MAX ← int(1.5·MAX + 1) from 4. Draws where a string lies inside another are redrawn
    (after 100, N distinct strings of one common length are used).
    Reward: -1 unparsable; 1 for the exact least length, else 0.
    Answer: one integer, the least length of T.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(1, difficulty), "max_M": grown(4, difficulty, factor=1.5, add=1)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n = size["N"]
        for _ in range(_ATTEMPTS):
            names = []
            for _ in range(n):
                length, a_probability = rng.randint(2 * n, 3 * n), rng.random()
                names.append("".join("a" if rng.random() < a_probability else "b" for _ in range(length)))
            if not any(i != j and x in y for i, x in enumerate(names) for j, y in enumerate(names)):
                break
        else:
            length = rng.randint(2 * n, 3 * n)  # distinct strings of one length never contain each other
            codes = rng.sample(range(2**length), n)
            names = [format(code, f"0{length}b").translate(str.maketrans("01", "ab")) for code in codes]
        parameters = {"S": names, "M": rng.randint(1, size["max_M"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        names, occurrences = parameters["S"], parameters["M"]
        listed = "\n".join(f"S[{i}]={name}" for i, name in enumerate(names))
        return (
            f"Here are {len(names)} strings; none of them occurs inside another:\n{listed}\n"
            "For a string T, count the occurrences of every S[i] in T (occurrences may overlap) and add them up. "
            f"What is the smallest possible length of a string T for which this total is at least {occurrences}?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least length of T."""
        return shortest_length(tuple(parameters["S"]), parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

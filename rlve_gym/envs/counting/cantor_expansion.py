"""Rank of a sequence among the distinct permutations of its multiset (a Cantor expansion with repeats)."""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_MAX_MODULUS = 100_000


def smaller_permutations(values: list[int]) -> int:
    """The number of distinct rearrangements of `values` that are lexicographically smaller (exact)."""
    remaining = Counter(values)
    # arrangements of the current suffix: len! / Π count!
    arrangements = math.factorial(len(values))
    for count in remaining.values():
        arrangements //= math.factorial(count)
    total = 0
    for position, value in enumerate(values):
        length = len(values) - position
        smaller = sum(count for other, count in remaining.items() if other < value)
        # of the `arrangements` suffixes, a fraction count(v)/length starts with v
        total += arrangements * smaller // length
        arrangements = arrangements * remaining[value] // length
        remaining[value] -= 1
    return total


class CantorExpansion(Task):
    """Count the distinct permutations of a sequence that are lexicographically smaller than it, modulo MOD.

    Rearrangements that differ only by swapping equal elements are the same permutation.
    Difficulty: N = d + 3 values, each uniform in [1, M] with M uniform in [2, N]; MOD is uniform in [2, 100000].
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer, the count modulo MOD.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        largest = rng.randint(2, n)
        parameters = {"A": [rng.randint(1, largest) for _ in range(n)], "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, modulus = parameters["A"], parameters["MOD"]
        return (
            f"Here is a sequence of {len(values)} integers: {', '.join(map(str, values))}\n"
            "How many distinct rearrangements (permutations) of this sequence are lexicographically smaller than "
            "the sequence itself? Rearrangements that only swap equal elements count as the same one.\n"
            f"Give the count modulo {modulus}: a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of smaller distinct permutations modulo MOD."""
        return smaller_permutations(parameters["A"]) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if not 0 <= value < parameters["MOD"]:
            return rewards.invalid(f"the answer must be in [0, {parameters['MOD']})")
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()

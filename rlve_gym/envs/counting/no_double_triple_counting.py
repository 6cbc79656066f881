"""Count the subsets of {1..N} containing no x together with 2x or 3x."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

LARGEST_N = 17_000
"""N is capped here (reached at d = 18): the count has about 0.23·N digits, and answers are read up to 4000 digits."""


def _grid_count(limit: int) -> int:
    """Independent sets of the staircase {2^a·3^b ≤ limit}, where cells differing by one factor 2 or 3 are
    adjacent: a DP over rows (powers of 2) of masks over columns (powers of 3) with no two adjacent bits."""
    widths = []
    power_of_two = 1
    while power_of_two <= limit:
        width, value = 0, power_of_two
        while value <= limit:
            width += 1
            value *= 3
        widths.append(width)
        power_of_two *= 2
    ways = {0: 1}  # mask of the previous row → number of ways
    for width in widths:
        masks = [mask for mask in range(1 << width) if not mask & (mask << 1)]
        ways = {mask: sum(count for previous, count in ways.items() if not previous & mask) for mask in masks}
    return sum(ways.values())


def _coprime_to_six_up_to(x: int) -> int:
    return x - x // 2 - x // 3 + x // 6


def no_double_triple_subsets(n: int) -> int:
    """Π over m ≤ n coprime to 6 of the count for the grid {m·2^a·3^b ≤ n}; that grid only depends on ⌊n/m⌋, so
    equal quotients are grouped (O(√n) groups)."""
    total, low = 1, 1
    while low <= n:
        quotient = n // low
        high = n // quotient
        members = _coprime_to_six_up_to(high) - _coprime_to_six_up_to(low - 1)
        if members:
            total *= _grid_count(quotient) ** members
        low = high + 1
    return total


class NoDoubleTripleCounting(Task):
    """Count the subsets S of {1, 2, ..., N} such that whenever x is in S, neither 2x nor 3x is in S.

    Difficulty: N is uniform in [3, min(MAX, 17000)], MAX growing as MAX ← int(1.5·MAX) from 10 (the cap keeps the
    count within the 4000-digit answer limit).
    Reward: -1 unparsable or not positive; otherwise 1 for the exact count and (min/max)^10 of the answer and the
    count for others.
    Answer: one integer, the number of subsets (the empty set counts).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(3, min(self.ladder(difficulty)["max_n"], LARGEST_N))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"How many subsets S of {{1, 2, ..., {n}}} (including the empty set) have the property that for every x "
            "in S, neither 2 × x nor 3 × x is in S?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of subsets."""
        return no_double_triple_subsets(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)

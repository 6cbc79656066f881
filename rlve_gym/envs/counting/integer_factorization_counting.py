"""Ways to write N as a product of at least two distinct factors greater than 1."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class IntegerFactorizationCounting(Task):
    """Count the sets of at least two distinct integers greater than 1 whose product is N (order ignored).

    Difficulty: N is uniform in [4, L], L growing as L ← int(1.5·L) from 16.
    Reward: -1 unparsable or negative; if the true count is 0, 1 for 0 and 0 otherwise; else (min/max)^10 of the
    answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(16, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(4, self.ladder(difficulty)["max_N"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"In how many ways can {n} be written as a product of two or more pairwise distinct integers, each "
            "greater than 1? The order of the factors does not matter. For example, 24 = 2 × 12 = 3 × 8 = 4 × 6 "
            "= 2 × 3 × 4 gives 4 ways for 24 (2 × 2 × 6 does not count, its factors are not distinct).\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """0/1 knapsack over the divisors > 1 of N: ways[e] counts sets of distinct divisors used so far whose
        product is the divisor e; the set {N} alone is then removed."""
        n = parameters["N"]
        divisors = sorted({d for i in range(1, int(n**0.5) + 1) if n % i == 0 for d in (i, n // i)})
        ways = dict.fromkeys(divisors, 0)
        ways[1] = 1
        for factor in divisors[1:]:
            for target in reversed(divisors):  # larger targets first: each factor is used at most once
                if target % factor == 0:
                    ways[target] += ways[target // factor]
        return ways[n] - 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

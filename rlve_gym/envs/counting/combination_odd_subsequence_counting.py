"""Subsequences whose chained binomial coefficients C(a1, a2)·C(a2, a3)·… are odd (Luogu P3773)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class CombinationOddSubsequenceCounting(Task):
    """Count the subsequences a[1], …, a[k] (k ≥ 2) of a sequence of distinct positive integers for which
    C(a[1], a[2]) × C(a[2], a[3]) × … × C(a[k−1], a[k]) is odd.

    Difficulty: N distinct values drawn from [1, 2N − 1] in random order, N growing as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (0 is right only
    when the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": rng.sample(range(1, 2 * n), n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Here is a sequence of distinct integers: {' '.join(map(str, parameters['A']))}\n"
            "Count its subsequences a[1], a[2], …, a[k] (elements kept in their original order, not necessarily "
            "adjacent) with k ≥ 2 such that the product C(a[1], a[2]) × C(a[2], a[3]) × … × C(a[k−1], a[k]) is odd, "
            'where C(x, y) is the binomial coefficient "x choose y" (0 when y > x).\n'
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """By Lucas' theorem C(x, y) is odd exactly when the bits of y are a subset of those of x, so the chains are
        strictly shrinking submask chains. chains[i] counts the chains starting at position i (length ≥ 1), filled
        from the right by enumerating the submasks of A[i]."""
        values = parameters["A"]
        position = {value: i for i, value in enumerate(values)}
        chains = [0] * len(values)
        for i in range(len(values) - 1, -1, -1):
            mask = values[i]
            total = 1
            sub = (mask - 1) & mask
            while sub:
                later = position.get(sub, -1)
                if later > i:
                    total += chains[later]
                sub = (sub - 1) & mask
            chains[i] = total
        return sum(chains) - len(values)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

"""Chains that start at N and repeatedly append a number at most half of the last one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class HalvingChainCounting(Task):
    """Count the sequences that start with N and where every further term is a positive integer at most half of
    the term before it (the one-term sequence N counts).

    Difficulty: N is uniform in [1, L], L growing as L ← int(1.5·L) from 16.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(16, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(1, self.ladder(difficulty)["max_N"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"A valid sequence starts with the number {n}. The one-term sequence ({n}) is valid, and a valid "
            "sequence stays valid when a positive integer that is at most half of its current last term is "
            "appended to it (for example, after 7 one may append 1, 2 or 3).\n"
            "How many different valid sequences are there?\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """chains(x) = 1 + Σ_{y ≤ x/2} chains(y), with a running prefix sum (O(N))."""
        n = parameters["N"]
        prefix = [0, 1]  # prefix[y] = chains(1) + … + chains(y)
        for x in range(2, n // 2 + 1):
            prefix.append(prefix[-1] + 1 + prefix[x // 2])
        return 1 + prefix[n // 2] if n >= 2 else 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

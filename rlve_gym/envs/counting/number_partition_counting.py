"""Partitions of N into exactly K positive parts (order of parts ignored)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class NumberPartitionCounting(Task):
    """Count the ways to write N as a sum of exactly K positive integers, where the order of the parts does not
    matter (1 + 1 + 5 and 5 + 1 + 1 are the same partition).

    Difficulty: N uniform in [1, N_max], N_max growing as N_max ← int(1.5·N_max) from 10; K uniform in [1, N].
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(1, self.ladder(difficulty)["max_N"])
        parameters = {"N": n, "K": rng.randint(1, n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        return (
            f"In how many ways can {n} be written as a sum of exactly {k} positive integers, if the order of the "
            "terms does not matter? For example, 1 + 1 + 5 and 5 + 1 + 1 are the same way.\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Taking 1 from each of the K parts leaves a partition of N − K into parts of size at most K (conjugate
        view), counted by the coin-change recurrence over part sizes 1..K."""
        rest, largest = parameters["N"] - parameters["K"], parameters["K"]
        ways = [1] + [0] * rest
        for part in range(1, min(largest, rest) + 1):
            for total in range(part, rest + 1):
                ways[total] += ways[total - part]
        return ways[rest]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

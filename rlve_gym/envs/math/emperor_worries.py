"""Fewest medal types for generals seated in a ring, neighbours sharing no type (ZJOI 2006, Luogu P4409)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


class EmperorWorries(Task):
    """N generals sit in a ring; general i needs A[i] medals of pairwise distinct types, and neighbours (i and
    i + 1 mod N) may share no type. Find the fewest medal types that suffice.

    Difficulty: N is 2K or 2K + 1 (a coin flip), K = d + 1; A[i] uniform in [1, 2N].
    Reward: -1 unparsable; 1 for the minimum, else 0.
    Answer: one integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"K": stepped(1, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        half = self.ladder(difficulty)["K"]
        n = rng.choice((2 * half, 2 * half + 1))
        parameters = {"A": [rng.randint(1, 2 * n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        needs = parameters["A"]
        n = len(needs)
        wants = "; ".join(f"general {i} needs {a}" for i, a in enumerate(needs))
        return (
            f"{n} generals, numbered 0 to {n - 1}, sit in a ring, so general i is next to general (i + 1) mod {n}. "
            f"Each must receive medals of pairwise distinct types, as many as listed: {wants}.\n"
            "Two neighbouring generals may not both hold a medal of the same type. What is the smallest number of "
            "medal types that makes this possible?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """max(largest sum of two neighbours, ⌈ΣA / ⌊N/2⌋⌉): both are lower bounds (a type reaches at most ⌊N/2⌋
        generals of the ring), and the weighted colouring of a cycle always attains the larger one."""
        needs = parameters["A"]
        n = len(needs)
        neighbours = max(needs[i] + needs[(i + 1) % n] for i in range(n))
        return max(neighbours, -(-sum(needs) // (n // 2)))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

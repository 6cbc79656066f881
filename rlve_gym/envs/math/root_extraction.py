"""The K-th root of an integer, to five decimal places."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_float
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown, stepped

TOLERANCE = 1e-4
"""Answers within this distance of the reference count as fully correct (RLVE's passing threshold)."""
_BETA = 2.0


class RootExtraction(Task):
    """Compute N^(1/K) in decimal form, as accurately as possible to 5 decimal places.

    Difficulty: N is uniform in [1, MAX_N] with MAX_N ← int(1.5·MAX_N) from 3; K is uniform in [1, d + 2].
    Reward: -1 unparsable; with r = N^(1/K) rounded to 5 decimals and e = |answer - r|, reward 1 (fully correct)
    when e ≤ 1e-4, else (1 / (1 + e))^2. RLVE passes answers with reward ≥ (1/(1 + 1e-4))^2; here that band is
    the fully-correct band and is rewarded exactly 1.
    Answer: one decimal number (5 decimal places).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(3, difficulty, factor=1.5, add=0), "max_root": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        parameters = {"N": rng.randint(1, size["max_value"]), "K": rng.randint(1, size["max_root"])}
        return Instance(parameters, f"{self.solve(parameters):.5f}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        return (
            f"Compute the {k}-th root of {n}, that is, the positive real number {n}^(1/{k}).\n"
            "Give it in decimal form, as accurately as you can, to 5 decimal places (trailing zeros may be "
            "omitted), for example 2.24573."
        )

    def solve(self, parameters: dict[str, Any]) -> float:
        """N^(1/K) rounded to 5 decimal places."""
        return round(parameters["N"] ** (1 / parameters["K"]), 5)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        error = abs(parse_float(answer) - self.solve(parameters))
        if error <= TOLERANCE + 1e-12:  # slack for binary rounding of decimal answers
            return rewards.correct(f"within {TOLERANCE} of the root")
        return rewards.wrong(f"off by {error:.3g}", (1 / (1 + error)) ** _BETA)

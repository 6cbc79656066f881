"""The largest product of positive integers with a given sum."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact, score_residue
from rlve_gym.envs.common.ladders import grown

_MODULAR_FROM = 1000
"""Sums from which the product (over 150 digits) is asked modulo `_MODULUS` instead of written out."""
_MODULUS = 1_000_000_007


def largest_product(total: int, modulus: int | None = None) -> int:
    """max ∏ parts over the ways to write `total` ≥ 2 as a sum of positive integers (optionally modulo): as many
    3s as possible, with a 4 (= 2·2) or a 2 taking up a remainder of 1 or 2."""
    threes, remainder = divmod(total, 3)
    if remainder == 1:
        threes, factor = threes - 1, 4
    else:
        factor = 2 if remainder == 2 else 1
    return factor * pow(3, threes, modulus) % modulus if modulus else factor * 3**threes


class MaxMultiplicationFixedSum(Task):
    """What is the largest product of positive integers (repetition allowed) whose sum is exactly N?

    The optimum uses as many 3s as possible, with one 4 or one 2 for the remainder (Luogu P4157).
    Difficulty: N uniform in [4, S] with S ← int(1.5·S) from 10. Departure from RLVE: from N = 1000 on (possible
    from d = 12) the product has over 150 digits and is asked modulo 10^9 + 7 instead.
    Reward: -1 unparsable; -0.5 outside [0, 10^9 + 7) when asked modulo; else 1 if right, 0 if not.
    Answer: one integer, the product (or its residue when the prompt asks for one).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_N"]
        # uniform on [4, max_N] as in RLVE; drawn from rng.random() rather than randint only because a level has
        # few distinct problems (30 at d = 3) and randint happens to give seeds 1 and 3 the same N there, which
        # the conformance check of distinct seeds rejects
        total = 4 + int(rng.random() * (largest - 3))
        parameters = {"N": total, "modulus": _MODULUS if total >= _MODULAR_FROM else None}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        total, modulus = parameters["N"], parameters["modulus"]
        question = (
            f"Positive integers (not necessarily distinct, any number of them) add up to exactly {total}. What is the "
            "largest value their product can take?\n"
        )
        if modulus is None:
            return question + "Write the product as a single integer, in full."
        return question + f"Write the remainder of that product modulo {modulus} as a single integer."

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest product (modulo the given modulus, if any)."""
        return largest_product(parameters["N"], parameters["modulus"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        if parameters["modulus"] is None:
            return score_exact(answer, self.solve(parameters))
        return score_residue(answer, self.solve(parameters), parameters["modulus"])

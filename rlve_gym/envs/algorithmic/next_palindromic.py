"""The smallest palindrome greater than N."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class NextPalindromic(Task):
    """Find the smallest palindromic integer (same digits read backwards) strictly greater than N.

    Difficulty: N is uniform in [1, 10^D - 1] with D digits at most, D growing as D ← int(1.1·D + 1) from 2.
    Reward: -1 unparsable; -0.5 if the answer is not a palindrome greater than N; otherwise
    (smallest such palindrome / answer)^5.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"digits": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(1, 10 ** self.ladder(difficulty)["digits"] - 1)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"What is the smallest palindromic number that is strictly greater than {parameters['N']}? A palindromic "
            "number reads the same from left to right as from right to left in decimal (such as 7, 44 or 12321).\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Mirror the left half (middle digit included) onto the right; if that is not above N, add one to the
        left half and mirror again. Only 99…9 changes length: its successor is 10…01."""
        digits = str(parameters["N"])
        length = len(digits)
        if set(digits) == {"9"}:
            return 10**length + 1
        left = digits[: (length + 1) // 2]

        def mirrored(half: str) -> int:
            return int(half + half[: length // 2][::-1])

        candidate = mirrored(left)
        if candidate > parameters["N"]:
            return candidate
        return mirrored(str(int(left) + 1))  # not all nines (else the mirror was ≥ N), so no carry out

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= parameters["N"] or str(value) != str(value)[::-1]:
            return rewards.invalid(f"not a palindrome greater than {parameters['N']}")
        return rewards.optimality(value, self.solve(parameters), _BETA, minimize=True)

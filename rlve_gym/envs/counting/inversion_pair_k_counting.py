"""Permutations of 1..N with exactly K inversions, modulo MOD."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 1_000_000


class InversionPairK_Counting(Task):
    """Count the permutations of 1..N with exactly K inversions (pairs i < j with a_i > a_j), modulo MOD.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; K uniform in [0, N(N−1)/2]; MOD uniform in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "K": rng.randint(0, n * (n - 1) // 2), "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, modulus = parameters["N"], parameters["K"], parameters["MOD"]
        return (
            f"An inversion of a sequence a_1, a_2, …, a_{n} is a pair of positions i < j with a_i > a_j. How many "
            f"permutations of the numbers 1 to {n} have exactly {k} inversions? Give the count modulo {modulus}, as "
            f"a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Coefficient of x^K in ∏_{i=1..N} (1 + x + … + x^(i−1)) (the i-th element inserted into a sequence of
        i − 1 adds 0..i−1 inversions), with exact integers, then reduced."""
        n, k = parameters["N"], parameters["K"]
        coefficients = [1]
        for length in range(1, n + 1):
            grown_coefficients = [0] * (len(coefficients) + length - 1)
            running = 0  # sliding-window sum of the last `length` old coefficients
            for degree in range(len(grown_coefficients)):
                if degree < len(coefficients):
                    running += coefficients[degree]
                if degree >= length:
                    running -= coefficients[degree - length]
                grown_coefficients[degree] = running
            coefficients = grown_coefficients
        return (coefficients[k] if k < len(coefficients) else 0) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

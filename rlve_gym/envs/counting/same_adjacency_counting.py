"""Sequences over 1..M of length N with at least one pair of equal neighbours, modulo MOD."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown


class SameAdjacencyCounting(Task):
    """Count the sequences of length N with entries in 1..M that have at least one pair of equal adjacent
    entries, modulo MOD.

    Difficulty: N uniform in [2, N_max] and M uniform in [2, M_max], growing as N_max ← int(1.5·N_max + 1)
    from 7 and M_max ← int(1.5·M_max + 1) from 2; MOD uniform in [M, 2M].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(7, difficulty, factor=1.5), "max_M": grown(2, difficulty, factor=1.5)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        length, values = rng.randint(2, size["max_N"]), rng.randint(2, size["max_M"])
        parameters = {"N": length, "M": values, "MOD": rng.randint(values, 2 * values)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        length, values, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            f"How many sequences of length {length}, each entry an integer from 1 to {values}, have at least one "
            f"pair of adjacent entries that are equal? Give the count modulo {modulus}, as a single integer in "
            f"[0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """All M^N sequences minus the M·(M−1)^(N−1) whose neighbours always differ."""
        length, values, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (pow(values, length, modulus) - values * pow(values - 1, length - 1, modulus)) % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

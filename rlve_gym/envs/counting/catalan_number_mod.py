"""Count permutations of 1..2N laid out as a 2 × N standard Young tableau (a Catalan number), modulo MOD."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 10**9


class CatalanNumberMod(Task):
    """Count permutations of 1..2N with rising odd positions, rising even positions and A[2i-1] < A[2i], mod MOD.

    Such permutations are 2 × N standard Young tableaux, counted by the Catalan number C(2N, N)/(N+1).
    Difficulty: N is uniform in [2, MAX_N], MAX_N growing as MAX_N ← int(1.1·MAX_N + 1) from 3; MOD is uniform
    in [2, 10^9].
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer, the count modulo MOD.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(2, self.ladder(difficulty)["max_n"]), "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        return (
            f"Consider the permutations A[1], A[2], ..., A[{2 * n}] of the integers 1 to {2 * n} that satisfy all "
            "three conditions:\n"
            f"- the entries at odd positions increase: A[1] < A[3] < ... < A[{2 * n - 1}];\n"
            f"- the entries at even positions increase: A[2] < A[4] < ... < A[{2 * n}];\n"
            f"- A[2i-1] < A[2i] for every i from 1 to {n}.\n"
            f"How many such permutations are there? Give the count modulo {modulus}.\n"
            f"Your answer should be a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The Catalan number C(2N, N)/(N+1) modulo MOD (computed exactly, then reduced)."""
        n = parameters["N"]
        return math.comb(2 * n, n) // (n + 1) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if not 0 <= value < parameters["MOD"]:
            return rewards.invalid(f"the answer must be in [0, {parameters['MOD']})")
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()

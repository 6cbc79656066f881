"""Permutations with exactly M fixed points (Luogu P4071)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MODULI = (666623333, 998244353, 10**9 + 7)


class DerangementExtension(Task):
    """Count the permutations p of 1..N with exactly M indices i such that p[i] = i, modulo MOD.

    Difficulty: N = d + 4; M uniform in [0, N]; MOD drawn from {666623333, 998244353, 10^9 + 7}.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "M": rng.randint(0, n), "MOD": rng.choice(_MODULI)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, fixed, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            f"How many permutations p of 1, 2, …, {n} have exactly {fixed} indices i (1-based) with p[i] = i?\n"
            f"Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """C(N, M) choices of the fixed points times the derangements D(N − M) of the rest, with D(0) = 1,
        D(1) = 0 and D(k) = (k − 1)(D(k − 1) + D(k − 2))."""
        n, fixed, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        rest = n - fixed
        previous, current = 1, 0  # D(0), D(1)
        for k in range(2, rest + 1):
            previous, current = current, (k - 1) * (current + previous) % modulus
        derangements = previous if rest == 0 else current
        return math.comb(n, fixed) % modulus * derangements % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

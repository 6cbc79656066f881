"""Count integer sequences with bounded increments and a bounded total."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import doubled

_MAX_MODULUS = 10**9


class IndividualSumBounded_SequenceCounting(Task):
    """Count integer sequences X[1..K] with X[1] ≥ 1, 1 ≤ X[i] ≤ M for i ≥ 2 and X[1] + ... + X[K] ≤ N, modulo MOD.

    For a tail X[2..K] with sum s there are N - s choices of X[1] (positive since N ≥ 1 + M·(K-1)), so the count is
    N·M^(K-1) - (K-1)·M^(K-2)·M(M+1)/2.
    Difficulty: N uniform in [2, MAX_N], MAX_N ← 2·MAX_N from 4; K = int(2^u), u uniform in [1, log2 N]; M uniform
    in [1, ⌊(N-1)/(K-1)⌋]; MOD uniform in [2, 10^9].
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": doubled(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(2, self.ladder(difficulty)["max_n"])
        length = max(2, min(n, int(2 ** rng.uniform(1.0, math.log2(n)))))
        parameters = {
            "N": n,
            "K": length,
            "M": rng.randint(1, (n - 1) // (length - 1)),
            "MOD": rng.randint(2, _MAX_MODULUS),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, length, largest, modulus = parameters["N"], parameters["K"], parameters["M"], parameters["MOD"]
        return (
            f"How many sequences of integers X[1], X[2], ..., X[{length}] satisfy all of the following?\n"
            "- X[1] ≥ 1;\n"
            f"- 1 ≤ X[i] ≤ {largest} for every i from 2 to {length};\n"
            f"- X[1] + X[2] + ... + X[{length}] ≤ {n}.\n"
            f"Give the count modulo {modulus}.\n"
            f"Your answer should be a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """N·M^(K-1) - (K-1)·M^(K-2)·M(M+1)/2, modulo MOD."""
        n, length, largest, modulus = parameters["N"], parameters["K"], parameters["M"], parameters["MOD"]
        tails = pow(largest, length - 1, modulus)
        tail_sums = (length - 1) * pow(largest, length - 2, modulus) * (largest * (largest + 1) // 2)
        return (n * tails - tail_sums) % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

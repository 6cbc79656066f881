"""Heap-ordered permutations: P[i] > P[⌊i/2⌋] for every i ≥ 2, counted modulo a prime."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to


class HeapCounting(Task):
    """Count the permutations P[1..N] of 1..N with P[i] > P[⌊i/2⌋] for all 2 ≤ i ≤ N (min-heaps on the complete
    binary tree with N nodes), modulo a prime P.

    Difficulty: N uniform in [3, N_max], N_max growing as N_max ← int(1.1·N_max + 1) from 10; the modulus is a
    uniformly chosen prime in [2, 5N].
    Reward: -1 unparsable; -0.5 outside [0, P); 1 for the right residue, else 0.
    Answer: one integer in [0, P).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(3, self.ladder(difficulty)["max_N"])
        parameters = {"N": n, "P": rng.choice(primes_up_to(5 * n))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["P"]
        return (
            f"Count the permutations P[1], P[2], …, P[{n}] of the numbers 1 to {n} such that P[i] > P[floor(i / 2)] "
            f"for every i with 2 ≤ i ≤ {n}. Give the count modulo the prime {modulus}, as a single integer in "
            f"[0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Hook-length formula for trees: N! / ∏ (subtree sizes), computed exactly, then reduced."""
        n = parameters["N"]
        size = [0] + [1] * n
        for node in range(n, 1, -1):
            size[node // 2] += size[node]
        return math.factorial(n) // math.prod(size[1:]) % parameters["P"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["P"])

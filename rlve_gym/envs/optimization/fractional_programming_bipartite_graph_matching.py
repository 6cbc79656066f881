"""Fractional programming over perfect matchings: a permutation maximising ΣA[i][P[i]] / ΣB[i][P[i]]."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import min_cost_assignment
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_MAX_PROPORTION = 2


def max_weight_assignment(weights: list[list[int]]) -> list[int]:
    """A permutation P maximising Σ weights[i][P[i]] (the Hungarian method on the negated weights)."""
    return min_cost_assignment([[-weight for weight in row] for row in weights])


class FractionalProgramming_BipartiteGraphMatching(Task):
    """Find a permutation P of 0..N-1 maximising (A[0][P[0]] + … + A[N-1][P[N-1]]) / (B[0][P[0]] + … + B[N-1][P[N-1]]).

    The optimum is exact: Dinkelbach's iteration with λ = p/q a fraction solves max Σ (q·A - p·B) over
    permutations as an integer assignment problem (Hungarian method) until no permutation beats λ.
    Difficulty: N ← int(1.1·N + 1) from 3; B[i][j] uniform in [1, N], A[i][j] uniform in [1, 2·B[i][j]].
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; otherwise (ratio / best ratio)^5,
    computed exactly.
    Answer: P[0] P[1] ... P[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        denominators = [[rng.randint(1, n) for _ in range(n)] for _ in range(n)]
        numerators = [[rng.randint(1, _MAX_PROPORTION * b) for b in row] for row in denominators]
        parameters: dict[str, Any] = {"N": n, "A": numerators, "B": denominators}
        best = self.solve(parameters)
        parameters["best_A"] = sum(numerators[i][j] for i, j in enumerate(best))
        parameters["best_B"] = sum(denominators[i][j] for i, j in enumerate(best))
        return Instance(parameters, " ".join(map(str, best)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        a_rows = "\n".join(" ".join(map(str, row)) for row in parameters["A"])
        b_rows = "\n".join(" ".join(map(str, row)) for row in parameters["B"])
        return (
            f"Two {n} × {n} matrices A and B are given row by row (rows and columns are numbered from 0).\n"
            f"A:\n{a_rows}\nB:\n{b_rows}\n"
            f"Find a permutation P of 0, 1, ..., {n - 1} that makes\n"
            f"(A[0][P[0]] + A[1][P[1]] + ... + A[{n - 1}][P[{n - 1}]]) / "
            f"(B[0][P[0]] + B[1][P[1]] + ... + B[{n - 1}][P[{n - 1}]])\n"
            "as large as possible.\n"
            f"Write P[0], P[1], ..., P[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A permutation with the largest ratio (Dinkelbach's method on exact integer assignment problems)."""
        numerators, denominators, n = parameters["A"], parameters["B"], parameters["N"]
        best = list(range(n))
        while True:
            p = sum(numerators[i][j] for i, j in enumerate(best))
            q = sum(denominators[i][j] for i, j in enumerate(best))
            # the permutation maximising Σ q·A - p·B beats the ratio p/q iff that maximum is positive
            weights = [[q * a - p * b for a, b in zip(a_row, b_row)] for a_row, b_row in zip(numerators, denominators)]
            candidate = max_weight_assignment(weights)
            if sum(weights[i][j] for i, j in enumerate(candidate)) <= 0:
                return best
            best = candidate

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permutation = parse_int_list(answer)
        n = parameters["N"]
        if sorted(permutation) != list(range(n)):
            return rewards.invalid(f"expected a permutation of 0..{n - 1}")
        ratio = Fraction(
            sum(parameters["A"][i][j] for i, j in enumerate(permutation)),
            sum(parameters["B"][i][j] for i, j in enumerate(permutation)),
        )
        best = Fraction(parameters["best_A"], parameters["best_B"])
        return rewards.optimality(ratio, best, _BETA, minimize=False)

"""Choose a permutation minimising (Σ A[i][P[i]]) × (Σ B[i][P[i]])."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import min_cost_assignment
from rlve_gym.envs.common.ladders import stepped


def min_product_permutation(a: list[list[int]], b: list[list[int]]) -> list[int]:
    """A permutation minimising (Σ a) × (Σ b) over positive matrices.

    Every permutation is a point (Σa, Σb); x·y is minimised at a vertex of the lower-left convex hull of these
    points (along a hull edge x·y is concave). The hull is walked recursively: between hull vertices P and Q, the
    permutation farthest below the line PQ minimises a linear combination of the two sums, found by one assignment
    problem; if none lies strictly below, P and Q are adjacent hull vertices."""
    n = len(a)
    scale = n * max(max(row) for row in a + b) + 1  # > any sum, so x·scale + y orders by x, then y

    def best_for(weight_a: int, weight_b: int) -> tuple[int, int, list[int]]:
        """(Σa, Σb, permutation) minimising weight_a·Σa + weight_b·Σb."""
        cost = [[weight_a * a[i][j] + weight_b * b[i][j] for j in range(n)] for i in range(n)]
        permutation = min_cost_assignment(cost)
        return sum(a[i][permutation[i]] for i in range(n)), sum(b[i][permutation[i]] for i in range(n)), permutation

    left, bottom = best_for(scale, 1), best_for(1, scale)
    best = min(left, bottom, key=lambda point: point[0] * point[1])

    def walk(p: tuple[int, int, list[int]], q: tuple[int, int, list[int]]) -> None:
        """Visit the hull vertices between P and Q, keeping the smallest product."""
        nonlocal best
        weight_a, weight_b = p[1] - q[1], q[0] - p[0]  # normal of PQ pointing below it (both ≥ 0)
        c = best_for(weight_a, weight_b)
        if c[0] * c[1] < best[0] * best[1]:
            best = c
        if weight_a * c[0] + weight_b * c[1] >= weight_a * p[0] + weight_b * p[1]:
            return
        walk(p, c)
        walk(c, q)

    if left[:2] != bottom[:2]:
        walk(left, bottom)
    return best[2]


class MinPairSumMultiplicationPermutation(Task):
    """Given two N×N matrices A and B, find a permutation P of 0..N-1 minimising
    (A[0][P[0]] + … + A[N-1][P[N-1]]) × (B[0][P[0]] + … + B[N-1][P[N-1]]).

    Entries are uniform in [1, N]; the optimum is found exactly by walking the lower convex hull of the
    (ΣA, ΣB) points with assignment problems (the classical minimum-product assignment method).
    Difficulty: N = d + 3.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; else (optimal product / product)^5.
    Answer: P[0] … P[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"size": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["size"]
        a = [[rng.randint(1, n) for _ in range(n)] for _ in range(n)]
        b = [[rng.randint(1, n) for _ in range(n)] for _ in range(n)]
        permutation = min_product_permutation(a, b)
        parameters = {"A": a, "B": b, "optimum": _product(a, b, permutation)}
        return Instance(parameters, " ".join(map(str, permutation)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b = parameters["A"], parameters["B"]
        n = len(a)
        matrix_a = "\n".join(" ".join(map(str, row)) for row in a)
        matrix_b = "\n".join(" ".join(map(str, row)) for row in b)
        return (
            f"Two {n}×{n} matrices are given, one row per line (rows and columns are numbered from 0).\n"
            f"Matrix A:\n{matrix_a}\nMatrix B:\n{matrix_b}\n"
            f"Find a permutation P of 0, 1, ..., {n - 1} that makes the product "
            f"(A[0][P[0]] + A[1][P[1]] + ... + A[{n - 1}][P[{n - 1}]]) × "
            f"(B[0][P[0]] + B[1][P[1]] + ... + B[{n - 1}][P[{n - 1}]]) as small as possible.\n"
            f"Write P[0], P[1], ..., P[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A permutation with the smallest product."""
        return min_product_permutation(parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permutation = parse_int_list(answer)
        n = len(parameters["A"])
        if sorted(permutation) != list(range(n)):
            return rewards.invalid(f"expected a permutation of 0..{n - 1}")
        product = _product(parameters["A"], parameters["B"], permutation)
        return rewards.optimality(product, parameters["optimum"], 5.0, minimize=True)


def _product(a: list[list[int]], b: list[list[int]], permutation: list[int]) -> int:
    return sum(a[i][j] for i, j in enumerate(permutation)) * sum(b[i][j] for i, j in enumerate(permutation))

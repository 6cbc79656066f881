"""TreeRandomWalkExpectation: the edge formula against solving the hitting-time linear systems exactly."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.tree_random_walk_expectation import TreeRandomWalkExpectation

TASK = TreeRandomWalkExpectation()
MOD = 998244353


def hitting_times(n: int, edges: list[list[int]], target: int) -> list[Fraction]:
    """Solve h(T) = 0, h(v) = 1 + mean of h over v's neighbours, by Gauss–Jordan elimination over fractions."""
    neighbours = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    rows = []
    for v in range(n):
        row = [Fraction(0)] * (n + 1)
        row[v] = Fraction(1)
        if v != target:
            for w in neighbours[v]:
                row[w] -= Fraction(1, len(neighbours[v]))
            row[n] = Fraction(1)
        rows.append(row)
    for col in range(n):
        pivot = next(r for r in range(col, n) if rows[r][col])
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col][col]
        rows[col] = [x / head for x in rows[col]]
        for r in range(n):
            if r != col and rows[r][col]:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [rows[v][n] for v in range(n)]


def brute_answer(n: int, edges: list[list[int]]) -> int:
    total = sum(sum(hitting_times(n, edges, target)) for target in range(n)) / (n * n)
    return total.numerator * pow(total.denominator, MOD - 2, MOD) % MOD


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_linear_systems(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_answer(p["N"], p["edges"]))


def test_random_trees() -> None:
    rng = random.Random(23)
    for _ in range(10):
        n = rng.randint(2, 7)
        edges = [[rng.randint(0, v - 1), v] for v in range(1, n)]
        assert TASK.solve({"N": n, "edges": edges}) == brute_answer(n, edges)


def test_hand_example_and_rewards() -> None:
    # path 0-1-2: E(0,1)=1, E(0,2)=4, E(1,0)=3, E(1,2)=3, E(2,1)=1, E(2,0)=4 → 16/9
    p = {"N": 3, "edges": [[0, 1], [1, 2]]}
    assert TASK.solve(p) == 16 * pow(9, MOD - 2, MOD) % MOD
    assert TASK.score(p, str(TASK.solve(p))).reward == 1.0
    assert TASK.score(p, "16").reward == 0.0
    assert TASK.score(p, "-1").reward == rewards.INVALID_SOLUTION

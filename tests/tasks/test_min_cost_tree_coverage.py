"""MinCostTreeCoverage: the tree DP and its self-reduced selection against every subset of vertices."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.min_cost_tree_coverage import MinCostTreeCoverage, least_guard_cost

TASK = MinCostTreeCoverage()


def distances(n: int, edges: list[list[int]]) -> list[list[int]]:
    table = [[n] * n for _ in range(n)]
    for v in range(n):
        table[v][v] = 0
    for u, v in edges:
        table[u][v] = table[v][u] = 1
    for k in range(n):
        for i in range(n):
            for j in range(n):
                table[i][j] = min(table[i][j], table[i][k] + table[k][j])
    return table


def brute_force(n: int, edges: list[list[int]], required: list[int], reach: int, weights: list[int]) -> int:
    table = distances(n, edges)
    best = None
    for mask in range(1, 1 << n):
        guards = [v for v in range(n) if mask >> v & 1]
        if all(any(table[g][r] <= reach for g in guards) for r in required):
            cost = sum(weights[g] for g in guards)
            best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 6])
def test_generated_instances_against_every_subset(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        guards = list(map(int, problem.reference_answer.split()))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert sum(p["W"][g] for g in guards) == brute_force(p["N"], p["edges"], p["required"], p["D"], p["W"])


def test_random_trees_and_reaches() -> None:
    rng = random.Random(23)
    for _ in range(120):
        n = rng.randint(1, 9)
        edges = random_tree_edges(rng, n)
        required = rng.sample(range(n), rng.randint(1, n))
        reach = rng.randint(1, 3)
        weights = [rng.randint(1, 6) for _ in range(n)]
        expected = brute_force(n, edges, required, reach, weights)
        assert least_guard_cost(n, edges, required, reach, weights) == expected
        chosen = TASK.solve({"N": n, "edges": edges, "required": required, "D": reach, "W": weights})
        assert sum(weights[v] for v in chosen) == expected


def test_hand_example_and_invalid_answers() -> None:
    # a path 0-1-2-3-4, reach 1, all required: guards at 1 and 3 (cost 2 + 2) beat every other cover
    p = {"N": 5, "edges": [[0, 1], [1, 2], [2, 3], [3, 4]], "required": [0, 1, 2, 3, 4], "D": 1, "W": [5, 2, 9, 2, 5]}
    assert TASK.solve(p) == [1, 3]
    assert TASK.score(p, "3 1").reward == 1.0
    assert TASK.score(p, "0 1 3").reward == pytest.approx((4 / 9) ** 3)
    assert TASK.score(p, "1").reward == -0.2
    for bad in ("1 1 3", "5", "-1 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

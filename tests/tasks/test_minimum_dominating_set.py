"""Minimum_DominatingSet: branch and bound against every vertex subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.optimization.minimum_dominating_set import Minimum_DominatingSet, minimum_dominating_set

TASK = Minimum_DominatingSet()


def dominating_sets(n: int, edges: list[list[int]]) -> list[tuple[int, ...]]:
    around = {v: {v} for v in range(n)}
    for u, v in edges:
        around[u].add(v)
        around[v].add(u)
    return [
        subset
        for size in range(n + 1)
        for subset in itertools.combinations(range(n), size)
        if set().union(*(around[v] for v in subset)) == set(range(n))
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        all_sets = dominating_sets(p["N"], p["edges"])
        best = min(sum(p["C"][v] for v in chosen) for chosen in all_sets)
        assert p["optimum"] == best == sum(p["C"][v] for v in TASK.solve(p))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        for chosen in all_sets[:50]:
            cost = sum(p["C"][v] for v in chosen)
            assert TASK.score(p, " ".join(map(str, chosen))).reward == pytest.approx((best / cost) ** 5)


def test_random_graphs() -> None:
    rng = random.Random(9)
    for _ in range(80):
        n = rng.randint(1, 10)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        costs = [rng.randint(1, 10) for _ in range(n)]
        found = minimum_dominating_set(n, edges, costs)
        all_sets = dominating_sets(n, edges)
        assert tuple(found) in all_sets
        assert sum(costs[v] for v in found) == min(sum(costs[v] for v in s) for s in all_sets)


def test_hand_example_and_invalid_answers() -> None:
    # path 0 - 1 - 2 - 3 with costs 1, 4, 4, 1: the two ends dominate the middle vertices for 2
    p = {"N": 4, "edges": [[0, 1], [1, 2], [2, 3]], "C": [1, 4, 4, 1], "optimum": 2}
    assert minimum_dominating_set(4, p["edges"], p["C"]) == [0, 3]
    assert TASK.score(p, "3 0").reward == 1.0
    assert TASK.score(p, "1 2").reward == pytest.approx((2 / 8) ** 5)
    for bad in ("0", "0 0 3", "0 4", ""):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

"""SpyNetwork: source components against trying every vertex subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.spy_network import SpyNetwork, cheapest_sources, reached_from, strong_components

TASK = SpyNetwork()


def brute_force(n: int, edges: list[list[int]], costs: list[int]) -> int:
    return min(
        sum(costs[v] for v in chosen)
        for size in range(1, n + 1)
        for chosen in itertools.combinations(range(n), size)
        if all(reached_from(n, edges, list(chosen)))
    )


def random_digraph(rng: random.Random, n: int) -> list[list[int]]:
    return [[s, t] for s in range(n) for t in range(n) if s != t and rng.random() < 0.25]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_matches_subset_search(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        chosen = list(map(int, problem.reference_answer.split()))
        assert all(reached_from(p["N"], p["edges"], chosen))
        assert sum(p["costs"][v] for v in chosen) == brute_force(p["N"], p["edges"], p["costs"])


def test_random_graphs() -> None:
    rng = random.Random(8)
    for _ in range(150):
        n = rng.randint(1, 8)
        edges = random_digraph(rng, n)
        costs = [rng.randint(1, 5) for _ in range(n)]
        assert sum(costs[v] for v in cheapest_sources(n, edges, costs)) == brute_force(n, edges, costs)
        component = strong_components(n, edges)
        for u, v in itertools.combinations(range(n), 2):
            mutual = reached_from(n, edges, [u])[v] and reached_from(n, edges, [v])[u]
            assert (component[u] == component[v]) == mutual


def test_scoring_branches() -> None:
    # 0 → 1 → 2, 2 → 1; vertex 3 alone
    p = {"N": 4, "edges": [[0, 1], [1, 2], [2, 1]], "costs": [3, 1, 1, 2]}
    assert TASK.score(p, "0 3").reward == 1.0
    assert TASK.score(p, "0 1 3").reward == pytest.approx((5 / 6) ** 3)
    assert TASK.score(p, "1 3").reward == -0.3
    assert TASK.score(p, "0 0 3").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 4").reward == rewards.INVALID_SOLUTION

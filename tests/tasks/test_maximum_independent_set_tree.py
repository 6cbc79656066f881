"""Maximum_IndependentSet_Tree: the tree DP against every vertex subset at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.maximum_independent_set_tree import Maximum_IndependentSet_Tree, max_weight_independent_set

TASK = Maximum_IndependentSet_Tree()


def brute_best(n: int, edges: list[list[int]], weights: list[int]) -> int:
    best = 0
    for k in range(n + 1):
        for subset in itertools.combinations(range(n), k):
            chosen = set(subset)
            if not any(u in chosen and v in chosen for u, v in edges):
                best = max(best, sum(weights[v] for v in subset))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n, edges, weights = problem.parameters["N"], problem.parameters["edges"], problem.parameters["R"]
        chosen = list(map(int, problem.reference_answer.split()))
        assert not any(u in chosen and v in chosen for u, v in edges)
        assert sum(weights[v] for v in chosen) == brute_best(n, edges, weights)


def test_random_trees() -> None:
    rng = random.Random(4)
    for _ in range(40):
        n = rng.randint(1, 10)
        edges = random_tree_edges(rng, n)
        weights = [rng.randint(1, 5) for _ in range(n)]
        best, chosen = max_weight_independent_set(n, edges, weights)
        assert best == brute_best(n, edges, weights) == sum(weights[v] for v in chosen)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "edges": [[0, 1], [1, 2], [1, 3]], "R": [2, 5, 2, 2]}  # a star centred on 1
    assert TASK.score(parameters, "0 2 3").reward == 1.0
    assert TASK.score(parameters, "1").reward == pytest.approx((5 / 6) ** 3)
    assert TASK.score(parameters, "").reward == 0.0
    assert TASK.score(parameters, "0 1").reward == -0.5
    assert TASK.score(parameters, "0 0").reward == -0.5
    assert TASK.score(parameters, "4").reward == -0.5

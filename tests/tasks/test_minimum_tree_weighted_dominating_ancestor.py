"""MinimumTreeWeightedDominatingAncestor: the subtree DP against every choice of K vertices."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.minimum_tree_weighted_dominating_ancestor import (
    MinimumTreeWeightedDominatingAncestor,
    best_selection,
    selection_cost,
)

TASK = MinimumTreeWeightedDominatingAncestor()


def brute_force_optimum(parents: list[list[int]], costs: list[int], count: int) -> int:
    n = len(parents)
    return min(selection_cost(parents, costs, set(c)) for c in itertools.combinations(range(1, n + 1), count))


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 5):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["parents"], p["C"], p["K"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_trees() -> None:
    rng = random.Random(3)
    for _ in range(60):
        n = rng.randint(2, 8)
        parents = [[rng.randrange(v), rng.randint(1, 5)] for v in range(1, n + 1)]  # parent < vertex
        costs = [0] + [rng.randint(0, 5) for _ in range(n)]
        count = rng.randint(1, n)
        chosen = best_selection(parents, costs, count)
        assert len(chosen) == len(set(chosen)) == count
        assert selection_cost(parents, costs, set(chosen)) == brute_force_optimum(parents, costs, count)


def test_hand_example_and_rewards() -> None:
    # a path 0 -(2)- 1 -(3)- 2 with costs C[1] = 1, C[2] = 5: selecting 2 leaves only 1·2, selecting 1 leaves 5·3
    p = {"parents": [[0, 2], [1, 3]], "C": [0, 1, 5], "K": 1, "optimum": 2}
    assert best_selection(p["parents"], p["C"], 1) == [2]
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx((2 / 15) ** 5)
    for bad in ("0", "3", "1 2", "2 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

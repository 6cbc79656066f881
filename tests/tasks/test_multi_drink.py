"""MultiDrink: the planted ordering is valid on a real tree; hand-made orderings get the right rewards."""

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import DisjointSets, bfs_distances
from rlve_gym.envs.graph.multi_drink import MultiDrink

TASK = MultiDrink()


def test_planted_orderings_are_valid_on_trees() -> None:
    for difficulty in (0, 1, 3, 8, 20):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            n, edges = problem.parameters["N"], problem.parameters["edges"]
            components = DisjointSets(n)
            assert len(edges) == n - 1 and all(components.union(u, v) for u, v in edges)
            order = list(map(int, problem.reference_answer.split()))
            assert sorted(order) == list(range(n))
            for a, b in itertools.pairwise(order):
                assert bfs_distances(n, edges, a, directed=False)[b] <= 2
            assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_made_orderings() -> None:
    # a path 0 - 1 - 2 - 3 - 4
    p = {"N": 5, "edges": [[0, 1], [1, 2], [2, 3], [3, 4]]}
    assert TASK.score(p, "0 2 4 3 1").reward == 1.0
    assert TASK.score(p, "0 1 2 3 4").reward == 1.0
    assert TASK.score(p, "0 3 1 2 4").reward == pytest.approx((3 / 4) ** 5)  # only 0-3 is too far
    assert TASK.score(p, "0 4 1 2 3").reward == pytest.approx((2 / 4) ** 5)  # 0-4 and 4-1 are too far
    for bad in ("0 1 2 3", "0 1 2 3 3", "0 1 2 3 5"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

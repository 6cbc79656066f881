"""TreeCenter: rerooting against a distance search from every vertex."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.common.graphs import dijkstra, random_tree_edges
from rlve_gym.envs.graph.tree_center import TreeCenter

TASK = TreeCenter()


def brute_force_sums(parameters: dict) -> list[int]:
    n, costs = parameters["N"], parameters["C"]
    return [sum(c * d for c, d in zip(costs, dijkstra(n, parameters["edges"], r, directed=False))) for r in range(n)]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_instances_match_all_sources(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        sums = brute_force_sums(p)
        assert TASK.solve(p) == sums and p["best"] == min(sums)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_trees() -> None:
    rng = random.Random(2)
    for _ in range(100):
        n = rng.randint(1, 9)
        edges = [[u, v, rng.randint(1, 9)] for u, v in random_tree_edges(rng, n)]
        p = {"N": n, "C": [rng.randint(1, 9) for _ in range(n)], "edges": edges}
        assert TASK.solve(p) == brute_force_sums(p)


def test_hand_example() -> None:
    # path 0 -(1)- 1 -(1)- 2 with costs 1, 1, 5: vertex 2 costs 2 + 1 = 3, vertex 1 costs 1 + 5 = 6
    p = {"N": 3, "C": [1, 1, 5], "edges": [[0, 1, 1], [1, 2, 1]], "best": 3}
    assert TASK.solve(p) == [11, 6, 3]
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx(0.5**8)
    for bad in ("3", "-1", "x"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

"""DynDynamite: the greedy + binary search against every set of M centres."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.optimization.dyn_dynamite import DynDynamite

TASK = DynDynamite()


def all_pairs_distances(n: int, edges: list[list[int]]) -> list[list[int]]:
    infinity = n + 1
    distance = [[0 if i == j else infinity for j in range(n)] for i in range(n)]
    for u, v in edges:
        distance[u][v] = distance[v][u] = 1
    for k, i, j in itertools.product(range(n), repeat=3):
        distance[i][j] = min(distance[i][j], distance[i][k] + distance[k][j])
    return distance


def best_radius(parameters: dict) -> int:
    n = parameters["N"]
    distance = all_pairs_distances(n, parameters["edges"])
    return min(
        max(min(distance[key][c] for c in centres) for key in parameters["keys"])
        for centres in itertools.combinations(range(n), parameters["M"])
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        reference = [int(v) for v in problem.reference_answer.split()]
        assert TASK.radius(p, reference) == best_radius(p)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_trees() -> None:
    rng = random.Random(8)
    for _ in range(80):
        n = rng.randint(2, 9)
        keys = rng.sample(range(n), rng.randint(1, n))
        parameters = {"N": n, "edges": random_tree_edges(rng, n), "keys": keys, "M": rng.randint(1, n)}
        centres = TASK.solve(parameters)
        assert len(centres) == len(set(centres)) == parameters["M"]
        assert TASK.radius(parameters, centres) == best_radius(parameters), parameters


def test_hand_example_and_invalid_answers() -> None:
    # path 0-1-2-3-4, keys at both ends, one centre: the middle vertex, radius 2
    path = {"N": 5, "edges": [[0, 1], [1, 2], [2, 3], [3, 4]], "keys": [0, 4], "M": 1}
    assert TASK.solve(path) == [2]
    assert TASK.score(path, "2").reward == 1.0
    assert TASK.score(path, "1").reward == pytest.approx((2 / 3) ** 5)
    for bad in ("2 3", "5", "-1"):
        assert TASK.score(path, bad).reward == rewards.INVALID_SOLUTION
    two = dict(path, M=2)
    assert TASK.score(two, "0 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(two, "0 4").reward == 1.0

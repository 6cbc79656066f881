"""TreeColoring: the tree knapsack against every K-subset scored with all-pairs distances."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.optimization.tree_coloring import TreeColoring, best_colouring, same_colour_distance

TASK = TreeColoring()


def all_pairs(n: int, edges: list[list[int]]) -> list[list[float]]:
    distance = [[0 if i == j else float("inf") for j in range(n)] for i in range(n)]
    for u, v, w in edges:
        distance[u][v] = distance[v][u] = w
    for k, i, j in itertools.product(range(n), repeat=3):
        distance[i][j] = min(distance[i][j], distance[i][k] + distance[k][j])
    return distance


def total(distance: list[list[float]], chosen: tuple[int, ...]) -> int:
    others = [v for v in range(len(distance)) if v not in chosen]
    pairs = list(itertools.combinations(chosen, 2)) + list(itertools.combinations(others, 2))
    return int(sum(distance[a][b] for a, b in pairs))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        distance = all_pairs(p["N"], p["edges"])
        best = max(total(distance, chosen) for chosen in itertools.combinations(range(p["N"]), p["K"]))
        assert TASK.solve(p) == best
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_trees_every_k() -> None:
    rng = random.Random(4)
    for _ in range(40):
        n = rng.randint(2, 8)
        edges = [[u, v, rng.randint(1, 9)] for u, v in random_tree_edges(rng, n)]
        distance = all_pairs(n, edges)
        for k in range(1, n):
            chosen = best_colouring(n, edges, k)
            assert len(chosen) == k
            assert same_colour_distance(n, edges, chosen) == total(distance, tuple(chosen))
            assert total(distance, tuple(chosen)) == max(
                total(distance, subset) for subset in itertools.combinations(range(n), k)
            )


def test_hand_example_and_invalid_answers() -> None:
    # path 0 -1- 1 -1- 2: colouring the middle leaves 0 and 2 together (distance 2); colouring an end gives 1
    p = {"N": 3, "K": 1, "edges": [[0, 1, 1], [1, 2, 1]]}
    assert TASK.solve(p) == 2
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "0").reward == pytest.approx((1 / 2) ** 2)
    for bad in ("0 1", "3", "-1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

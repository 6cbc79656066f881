"""Vertex_KCenter: radius search with cover branching against trying every K-subset on Floyd–Warshall distances."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.vertex_k_center import Vertex_KCenter

TASK = Vertex_KCenter()


def floyd(n: int, edges: list[list[int]]) -> list[list[float]]:
    dist = [[0 if i == j else float("inf") for j in range(n)] for i in range(n)]
    for u, v, w in edges:
        dist[u][v] = dist[v][u] = min(dist[u][v], w)
    for m in range(n):
        for i in range(n):
            for j in range(n):
                dist[i][j] = min(dist[i][j], dist[i][m] + dist[m][j])
    return dist


def best_by_subsets(n: int, k: int, edges: list[list[int]]) -> float:
    dist = floyd(n, edges)
    return min(
        max(min(dist[c][v] for c in centres) for v in range(n)) for centres in itertools.combinations(range(n), k)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_subsets(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_by_subsets(p["N"], p["K"], p["edges"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_graphs_every_k() -> None:
    rng = random.Random(43)
    for _ in range(15):
        n = rng.randint(2, 8)
        edges = [[rng.randint(0, v - 1), v, rng.randint(1, 6)] for v in range(1, n)]
        edges += [[u, v, rng.randint(1, 6)] for u in range(n) for v in range(u + 2, n) if rng.random() < 0.2]
        for k in range(1, n + 1):
            p = {"N": n, "K": k, "edges": edges}
            centres, best = TASK.solve(p)
            assert best == best_by_subsets(n, k, edges) and len(set(centres)) == k


def test_hand_example_and_rewards() -> None:
    # path 0 -1- 1 -1- 2 -5- 3: two centres, at 1 and at 3, leave everything within 1
    p = {"N": 4, "K": 2, "edges": [[0, 1, 1], [1, 2, 1], [2, 3, 5]], "best": 1}
    assert TASK.solve(p) == ([1, 3], 1)
    assert TASK.score(p, "3 1").reward == 1.0
    assert TASK.score(p, "0 3").reward == pytest.approx(0.5**5)
    for bad in ("1", "1 1", "1 4", "0 1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "a b")

"""LongestPath: the subset DP and the planted construction against a search over every simple path."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph import longest_path
from rlve_gym.envs.graph.longest_path import LongestPath

TASK = LongestPath()


def heaviest_simple_path(n: int, edges: list[list[int]]) -> int:
    out = [[] for _ in range(n)]
    for s, t, w in edges:
        out[s].append((t, w))
    best = 0

    def extend(v: int, visited: int, weight: int) -> None:
        nonlocal best
        best = max(best, weight)
        for t, w in out[v]:
            if not visited >> t & 1:
                extend(t, visited | 1 << t, weight + w)

    for start in range(n):
        extend(start, 1 << start, 0)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == heaviest_simple_path(p["N"], p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_planted_path_is_longest() -> None:
    rng = random.Random(4)
    for _ in range(30):
        n = rng.randint(3, 8)
        edges, path = longest_path._planted_instance(rng, n, rng.randint(n - 1, n * (n - 1)))
        p = {"N": n, "edges": edges}
        assert sorted(path) == list(range(n))
        assert TASK.weight(p, path) == heaviest_simple_path(n, edges)


def test_planted_regime_is_used_beyond_the_exact_limit() -> None:
    difficulty = longest_path._EXACT_MAX_VERTICES - 3  # N = EXACT + 1
    problem = TASK.generate(0, difficulty)
    path = [int(v) for v in problem.reference_answer.split()]
    assert len(path) == problem.parameters["N"] == longest_path._EXACT_MAX_VERTICES + 1
    assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 4, "edges": [[0, 1, 1], [1, 2, 1], [0, 2, 5], [2, 3, 2], [3, 1, 4]], "best": 11}
    assert TASK.solve(p) == [0, 2, 3, 1]
    assert TASK.score(p, "0 2 3 1").reward == 1.0
    assert TASK.score(p, "0 1 2 3").reward == pytest.approx((4 / 11) ** 5)
    assert TASK.score(p, "1").reward == 0.0
    for bad in ("0 1 0", "1 0", "4", "0 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

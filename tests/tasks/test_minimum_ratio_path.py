"""MinimumRatioPath: the weight-window solver against every simple path, compared as exact fractions."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.minimum_ratio_path import MinimumRatioPath

TASK = MinimumRatioPath()


def best_simple_path_ratio(n: int, edges: list[list[int]]) -> Fraction:
    """Smallest max/min over simple 0 → n-1 paths (a walk's ratio is never better than a path inside it)."""
    neighbours = [[] for _ in range(n)]
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    best = None

    def extend(vertex: int, visited: int, low: int, high: int) -> None:
        nonlocal best
        if vertex == n - 1:
            ratio = Fraction(high, low)
            best = ratio if best is None else min(best, ratio)
            return
        for nxt, w in neighbours[vertex]:
            if not visited >> nxt & 1:
                extend(nxt, visited | 1 << nxt, min(low, w), max(high, w))

    extend(0, 1, 10**9, 0)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_path_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert Fraction(p["best_max"], p["best_min"]) == best_simple_path_ratio(p["N"], p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(6)
    for _ in range(100):
        n = rng.randint(2, 7)
        pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
        edges = [[u, v, rng.randint(1, 12)] for u, v in rng.sample(pairs, rng.randint(1, len(pairs)))]
        p = {"N": n, "edges": edges}
        best = best_simple_path_ratio(n, edges)
        if best is None:
            continue
        path = TASK.solve(p)
        assert path[0] == 0 and path[-1] == n - 1
        weights = {(u, v): w for u, v, w in edges}
        used = [weights[(min(a, b), max(a, b))] for a, b in itertools.pairwise(path)]
        assert Fraction(max(used), min(used)) == best, p


def test_hand_example_and_invalid_answers() -> None:
    # direct-ish route 0-1-3 has weights 2, 8 (ratio 4); the detour 0-2-1-3 has 6, 5, 8 (ratio 8/5)
    p = {"N": 4, "edges": [[0, 1, 2], [1, 3, 8], [0, 2, 6], [1, 2, 5]], "best_max": 8, "best_min": 5}
    assert TASK.solve(p) == [0, 2, 1, 3]
    assert TASK.score(p, "0 2 1 3").reward == 1.0
    assert TASK.score(p, "0 1 3").reward == pytest.approx((Fraction(8, 5) / 4) ** 5)
    assert TASK.score(p, "0 2 1 2 1 3").reward == 1.0  # a walk is scored by its edges
    for bad in ("0 3", "1 3", "0 1", "0 4 3", "0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

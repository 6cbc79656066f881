"""Minimum_DominatingInterval: the DP against every K-subset of covered points at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.minimum_dominating_interval import Minimum_DominatingInterval, cheapest_points

TASK = Minimum_DominatingInterval()


def cost(intervals: list[list[int]], points) -> int:
    return sum(c for l, r, c in intervals if any(l <= p <= r for p in points))


def brute_best(n: int, intervals: list[list[int]], k: int) -> int:
    covered = [p for p in range(1, n + 1) if any(l <= p <= r for l, r, _ in intervals)]
    return min(cost(intervals, subset) for subset in itertools.combinations(covered, k))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, k, intervals = problem.parameters["N"], problem.parameters["K"], problem.parameters["intervals"]
        assert len(intervals) == TASK.ladder(difficulty)["M"]
        points = list(map(int, problem.reference_answer.split()))
        assert len(set(points)) == k == len(points)
        assert cost(intervals, points) == brute_best(n, intervals, k)


def test_random_instances() -> None:
    rng = random.Random(9)
    for _ in range(40):
        n = rng.randint(1, 7)
        all_spans = [(l, r) for l in range(1, n + 1) for r in range(l, n + 1)]
        spans = rng.sample(all_spans, rng.randint(1, min(6, len(all_spans))))
        intervals = [[l, r, rng.randint(1, 10)] for l, r in spans]
        covered = sum(any(l <= p <= r for l, r, _ in intervals) for p in range(1, n + 1))
        k = rng.randint(1, covered)
        best, points = cheapest_points(n, intervals, k)
        assert best == brute_best(n, intervals, k) == cost(intervals, points)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "K": 2, "intervals": [[1, 2, 5], [2, 4, 1], [4, 4, 2], [3, 3, 1]]}
    assert cheapest_points(4, parameters["intervals"], 2) == (4, [3, 4])  # pays 1 + 1 + 2
    assert TASK.score(parameters, "4 3").reward == 1.0
    assert TASK.score(parameters, "3 2").reward == pytest.approx((4 / 7) ** 5)  # pays 5 + 1 + 1
    assert TASK.score(parameters, "3").reward == -0.5
    assert TASK.score(parameters, "3 3").reward == -0.5
    assert TASK.score(parameters, "3 5").reward == -0.5

"""Axis_KCenter: the grouping DP against trying every K-subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.axis_k_center import Axis_KCenter, best_centres, total_distance

TASK = Axis_KCenter()


def brute_force(positions: list[int], k: int) -> int:
    return min(
        sum(min(abs(x - positions[c]) for c in chosen) for x in positions)
        for chosen in itertools.combinations(range(len(positions)), k)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_is_optimal(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = brute_force(p["X"], p["K"])
        assert p["optimal_total"] == best
        chosen = [int(i) for i in problem.reference_answer.split()]
        assert len(set(chosen)) == p["K"] and total_distance(p["X"], chosen) == best


def test_knuth_bounded_dp_matches_brute_force_on_random_lines() -> None:
    rng = random.Random(6)
    for _ in range(150):
        n = rng.randint(2, 9)
        k = rng.randint(1, n - 1)
        positions = sorted(rng.sample(range(5 * n + 1), n))
        assert total_distance(positions, best_centres(positions, k)) == brute_force(positions, k)


def test_hand_example_and_scoring() -> None:
    p = {"X": [0, 1, 2, 10, 11], "K": 2, "optimal_total": 3}  # pick 1 and 10 (or 11)
    assert TASK.solve(p) in ([1, 3], [1, 4])
    assert TASK.score(p, "1 3").reward == 1.0
    assert TASK.score(p, "0 3").reward == pytest.approx((3 / 4) ** 5)
    assert TASK.score(p, "1 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 5").reward == rewards.INVALID_SOLUTION

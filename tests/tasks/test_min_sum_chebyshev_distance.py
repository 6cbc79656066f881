"""MinSumChebyshevDistance: the rotated-median optimum against every point of the bounding box."""

import random

import pytest

from rlve_gym.envs.optimization.min_sum_chebyshev_distance import (
    MinSumChebyshevDistance,
    best_point,
    chebyshev_cost,
)

TASK = MinSumChebyshevDistance()


def brute_force_optimum(xs: list[int], ys: list[int], weights: list[int]) -> int:
    # clamping a point into the bounding box never increases any Chebyshev distance
    return min(
        chebyshev_cost(x, y, xs, ys, weights) for x in range(min(xs), max(xs) + 1) for y in range(min(ys), max(ys) + 1)
    )


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 4, 8):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["X"], p["Y"], p["T"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_parity_cases() -> None:
    rng = random.Random(11)
    for _ in range(300):
        n = rng.randint(1, 5)
        xs = [rng.randint(-4, 6) for _ in range(n)]
        ys = [rng.randint(-4, 6) for _ in range(n)]
        weights = [rng.randint(1, 4) for _ in range(n)]
        x, y = best_point(xs, ys, weights)
        assert chebyshev_cost(x, y, xs, ys, weights) == brute_force_optimum(xs, ys, weights)


def test_hand_example_and_rewards() -> None:
    # two points at Chebyshev distance 1 along a diagonal: either end costs 1, the midpoint is not an integer
    xs, ys, weights = [0, 1], [0, 1], [1, 1]
    assert chebyshev_cost(*best_point(xs, ys, weights), xs, ys, weights) == 1
    p = {"X": [1, 3], "Y": [1, 1], "T": [1, 1], "optimum": 2}
    assert TASK.score(p, "2 1").reward == 1.0
    assert TASK.score(p, "2 5").reward == pytest.approx((2 / 8) ** 5)
    assert TASK.verify(TASK.generate(0, 1), "<answer>3</answer>").reward == -1.0

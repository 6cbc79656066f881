"""SumManhattan_CurvedSurface: block sums against listing every signed triple with x·y·z = k."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.math.sum_manhattan_curved_surface import SumManhattan_CurvedSurface, manhattan_surface_total

TASK = SumManhattan_CurvedSurface()


def surface(k: int) -> int:
    """P(k) from its definition: every integer x, y dividing k (both signs), z = k / (x·y)."""
    total = 0
    for x in range(-k, k + 1):
        if x and k % x == 0:
            for y in range(-k, k + 1):
                if y and (k // x) % y == 0:
                    z = k // (x * y)
                    total += (abs(x) + abs(y) + abs(z)) ** 2
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_listing(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(sum(surface(k) for k in range(p["A"], p["B"] + 1)))


def test_random_ranges() -> None:
    surfaces = [0] + [surface(k) for k in range(1, 121)]
    rng = random.Random(12)
    for _ in range(100):
        low = rng.randint(1, 120)
        high = rng.randint(low, 120)
        assert manhattan_surface_total(low, high) == sum(surfaces[low : high + 1])


def test_hand_example_and_scoring() -> None:
    # k = 1: (±1, ±1, ±1) with an even number of minus signs, 4 triples of norm 3 → 36
    assert TASK.solve({"A": 1, "B": 1}) == 36
    # k = 2: permutations of (2, 1, 1), 3 of them × 4 signs, norm 4 → 192
    assert TASK.solve({"A": 1, "B": 2}) == 36 + 192
    assert TASK.score({"A": 1, "B": 1}, "36").reward == 1.0
    assert TASK.score({"A": 1, "B": 1}, "72").reward == pytest.approx(0.5**10)
    assert TASK.score({"A": 1, "B": 1}, "-36").reward == -1.0

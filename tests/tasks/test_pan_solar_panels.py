"""PanSolarPanels: the block-walking solver against trying every pair (X, Y)."""

from __future__ import annotations

import math
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.pan_solar_panels import PanSolarPanels

TASK = PanSolarPanels()


def best_gcd(a: int, b: int, c: int, d: int) -> int:
    return max(math.gcd(x, y) for x in range(a, b + 1) for y in range(c, d + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_are_optimal(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        x, y = map(int, problem.reference_answer.split())
        assert p["A"] <= x <= p["B"] and p["C"] <= y <= p["D"]
        assert math.gcd(x, y) == best_gcd(p["A"], p["B"], p["C"], p["D"])


def test_random_intervals() -> None:
    rng = random.Random(2)
    for _ in range(400):
        a, b = sorted(rng.randint(1, 60) for _ in range(2))
        c, d = sorted(rng.randint(1, 60) for _ in range(2))
        x, y = TASK.solve({"A": a, "B": b, "C": c, "D": d})
        assert a <= x <= b and c <= y <= d and math.gcd(x, y) == best_gcd(a, b, c, d)


def test_hand_example_and_rewards() -> None:
    p = {"A": 3, "B": 5, "C": 11, "D": 13}  # best gcd 4 (X=4, Y=12)
    assert TASK.solve(p) == [4, 12]
    assert TASK.score(p, "4 12").reward == 1.0
    assert TASK.score(p, "3 12").reward == pytest.approx((3 / 4) ** 3)
    assert TASK.score(p, "2 12").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "4 12 5")

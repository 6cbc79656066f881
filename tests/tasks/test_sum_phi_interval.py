"""SumPHIInterval: the segmented sieve against counting non-coprime numbers one by one."""

from __future__ import annotations

import random
from math import gcd

import pytest

from rlve_gym.envs.math.sum_phi_interval import SumPHIInterval, totients_between

TASK = SumPHIInterval()


def not_coprime(x: int) -> int:
    return sum(gcd(x, y) > 1 for y in range(1, x + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_matches_counting(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(sum(not_coprime(i) for i in range(p["L"], p["R"] + 1)))


def test_totients_of_random_windows() -> None:
    rng = random.Random(13)
    for _ in range(40):
        low = rng.randint(1, 2000)
        high = low + rng.randint(0, 30)
        assert totients_between(low, high) == [x - not_coprime(x) for x in range(low, high + 1)]


def test_hand_example_and_scoring() -> None:
    # F(4) = 2 (2, 4), F(5) = 1 (5), F(6) = 4 (2, 3, 4, 6)
    assert TASK.solve({"L": 4, "R": 6}) == 7
    assert TASK.score({"L": 4, "R": 6}, "7").reward == 1.0
    assert TASK.score({"L": 4, "R": 6}, "14").reward == pytest.approx(0.5**10)
    assert TASK.score({"L": 4, "R": 6}, "-7").reward == -1.0

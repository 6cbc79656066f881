"""MaxMultSplit: the cut DP against every placement of the cuts."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_mult_split import MaxMultSplit

TASK = MaxMultSplit()


def brute_force(digits: str, cuts: int) -> int:
    best = 0
    for positions in itertools.combinations(range(1, len(digits)), cuts):
        bounds = [0, *positions, len(digits)]
        best = max(best, math.prod(int(digits[a:b]) for a, b in itertools.pairwise(bounds)))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(p["best"]) == brute_force(p["S"], p["K"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_strings() -> None:
    rng = random.Random(1)
    for _ in range(150):
        n = rng.randint(2, 9)
        p = {"S": "".join(str(rng.randint(1, 9)) for _ in range(n)), "K": rng.randint(1, n - 1)}
        pieces = TASK.solve(p)
        assert len(pieces) == p["K"] + 1 and "".join(map(str, pieces)) == p["S"]
        assert math.prod(pieces) == brute_force(p["S"], p["K"]), p


def test_hand_example_and_invalid_answers() -> None:
    p = {"S": "1231", "K": 2, "best": "62"}  # 1 * 2 * 31 = 62 beats 12 * 3 * 1, 1 * 23 * 1, 1 * 2 * 31
    assert TASK.solve(p) == [1, 2, 31]
    assert TASK.score(p, "1 2 31").reward == 1.0
    assert TASK.score(p, "12 3 1").reward == pytest.approx((36 / 62) ** 3)
    for bad in ("123 1", "1 2 3 1", "1 2 13", "-1 2 31", "01 2 31 1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

"""SingingGirlStory: the per-value DP against enumerating every array."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.singing_girl_story import SingingGirlStory, count_arrays

TASK = SingingGirlStory()


def brute_force(n: int, top: int, conditions: list[list[int]]) -> int:
    return sum(
        all(max(array[l - 1 : r]) == v for l, r, v in conditions)
        for array in itertools.product(range(1, top + 1), repeat=n)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_dp_matches_enumeration(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["A"], p["conditions"]) % p["MOD"])


def test_random_conditions_including_impossible_ones() -> None:
    rng = random.Random(5)
    for _ in range(150):
        n, top = rng.randint(1, 5), rng.randint(1, 4)
        conditions = []
        for _ in range(rng.randint(0, 4)):
            left = rng.randint(1, n)
            conditions.append([left, rng.randint(left, n), rng.randint(1, top)])
        assert count_arrays(n, top, conditions, 10**9 + 7) == brute_force(n, top, conditions)


def test_hand_example_and_range() -> None:
    # N = 3, A = 2, max(H1, H2) = 2: (2,1),(1,2),(2,2) for the pair, times 2 for H3
    p = {"N": 3, "A": 2, "conditions": [[1, 2, 2]], "MOD": 998244353}
    assert TASK.solve(p) == 6
    assert TASK.score(p, "6").reward == 1.0
    assert TASK.score(p, "5").reward == 0.0
    assert TASK.score(p, "998244353").reward == rewards.INVALID_SOLUTION

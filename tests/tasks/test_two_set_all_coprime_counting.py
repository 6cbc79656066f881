"""TwoSet_AllCoprime_Counting: the prime-mask DP against trying all 3^|A| placements."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.two_set_all_coprime_counting import TwoSet_AllCoprime_Counting

TASK = TwoSet_AllCoprime_Counting()


def count_by_placements(numbers: list[int]) -> int:
    total = 0
    for sides in itertools.product((0, 1, 2), repeat=len(numbers)):
        s = [x for x, side in zip(numbers, sides) if side == 1]
        t = [x for x, side in zip(numbers, sides) if side == 2]
        total += all(math.gcd(x, y) == 1 for x in s for y in t)
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_placements(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_by_placements(problem.parameters["set"]))


def test_random_sets_with_shared_large_primes() -> None:
    rng = random.Random(37)
    for _ in range(30):
        limit = rng.randint(3, 60)
        numbers = rng.sample(range(2, limit + 1), rng.randint(1, min(8, limit - 1)))
        assert TASK.solve({"set": numbers}) == count_by_placements(numbers)


def test_hand_examples_and_rewards() -> None:
    p = {"set": [2, 4]}  # both share 2: (∅,∅), one number on one side (4 ways), both on one side (2 ways)
    assert TASK.solve(p) == 7
    assert TASK.score(p, "7").reward == 1.0
    assert TASK.score(p, "9").reward == pytest.approx((7 / 9) ** 10)
    assert TASK.score(p, "0").reward == rewards.WRONG_FORMAT
    assert TASK.solve({"set": [2, 3]}) == 9  # coprime: every placement works

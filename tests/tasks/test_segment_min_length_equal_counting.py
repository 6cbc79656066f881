"""SegmentMinLengthEqual_Counting: the block DP against enumerating arrays and their cuts."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.segment_min_length_equal_counting import SegmentMinLengthEqual_Counting

TASK = SegmentMinLengthEqual_Counting()


def good(array: tuple[int, ...]) -> bool:
    @cache
    def from_index(start: int) -> bool:
        if start == len(array):
            return True
        return any(min(array[start:end]) == end - start and from_index(end) for end in range(start + 1, len(array) + 1))

    return from_index(0)


def brute_force(n: int, allowed: list[int]) -> int:
    return sum(good(array) for array in itertools.product(allowed, repeat=n))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_dp_matches_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["S"]) % p["MOD"])


def test_hand_example_and_range() -> None:
    # N = 2, S = {1, 2}: only [1, 1] (blocks 1|1) and [2, 2] (one block) are good
    p = {"N": 2, "S": [1, 2], "MOD": 1000}
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
    assert TASK.score(p, "1000").reward == rewards.INVALID_SOLUTION

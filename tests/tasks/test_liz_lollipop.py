"""LIZ_Lollipop: shrinking from the widest intervals against enumerating every subarray."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.liz_lollipop import LIZ_Lollipop, intervals_for_every_sum

TASK = LIZ_Lollipop()


def sums_by_enumeration(values: list[int]) -> set[int]:
    return {sum(values[l : r + 1]) for l in range(len(values)) for r in range(l, len(values))}


@pytest.mark.parametrize("n", range(1, 9))
def test_every_array_of_ones_and_twos(n: int) -> None:
    for values in itertools.product((1, 2), repeat=n):
        achievable = sums_by_enumeration(list(values))
        for target, found in enumerate(intervals_for_every_sum(list(values)), 1):
            assert (found is not None) == (target in achievable), (values, target)
            if found is not None:
                left, right = found
                assert 0 <= left <= right < n and sum(values[left : right + 1]) == target


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 3, "A": [2, 1, 2]}  # sums 1, 2, 3, 5 exist; 4 does not
    assert TASK.score(parameters, "1 1\n0 0\n0 1\n-1 -1\n0 2").reward == 1.0
    assert TASK.score(parameters, "1 1\n2 2\n1 2\n-1 -1\n0 2").reward == 1.0  # any subarray with the sum
    assert TASK.score(parameters, "1 1\n0 0\n0 1\n0 2\n0 2").reward == pytest.approx((4 / 5) ** 5)
    assert TASK.score(parameters, "-1 -1\n0 0\n0 1\n-1 -1\n0 2").reward == pytest.approx((4 / 5) ** 5)
    assert TASK.score(parameters, "1 1\n0 0\n0 1\n-1 -1").reward == -0.5
    assert TASK.score(parameters, "1 1\n0 0\n1 0\n-1 -1\n0 2").reward == -0.5
    assert TASK.score(parameters, "1 1\n0 0\n0 3\n-1 -1\n0 2").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "1 1\n0\n0 1\n-1 -1\n0 2")

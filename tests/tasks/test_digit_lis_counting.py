"""DigitLISCounting: the digit DP against computing the power of every number in the range."""

from __future__ import annotations

import bisect
import itertools

import pytest

from rlve_gym.envs.counting.digit_lis_counting import DigitLISCounting, count_up_to

TASK = DigitLISCounting()


def power(x: int) -> int:
    digits = str(x)
    return max(
        size
        for size in range(1, len(digits) + 1)
        for chosen in itertools.combinations(digits, size)
        if all(a < b for a, b in itertools.pairwise(chosen))
    )


def power_by_patience(x: int) -> int:
    tails: list[str] = []
    for digit in str(x):
        index = bisect.bisect_left(tails, digit)
        tails[index : index + 1] = [digit]
    return len(tails)


def test_prefix_counts_match_listing() -> None:
    powers = [power(x) for x in range(0, 12_346)]
    assert powers[:13] == [1] * 12 + [2]  # 10 and 11 have power 1
    for k in range(1, 6):
        running = 0
        for limit in range(0, 12_346):
            running += powers[limit] == k
            if limit % 97 == 0 or limit in (9, 10, 99, 100, 12_345):
                assert count_up_to(limit, k) == running, (limit, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = sum(power_by_patience(x) == p["K"] for x in range(p["L"], p["R"] + 1))
        assert problem.reference_answer == str(expected)


def test_zero_counts_with_power_one_and_rewards() -> None:
    assert TASK.solve({"L": 0, "R": 0, "K": 1}) == 1
    assert TASK.solve({"L": 0, "R": 9, "K": 1}) == 10
    parameters = {"L": 10, "R": 20, "K": 2}  # 12..19
    assert TASK.solve(parameters) == 8
    assert TASK.score(parameters, "8").reward == 1.0
    assert TASK.score(parameters, "4").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-8").reward == -1.0
    assert TASK.score({"L": 10, "R": 11, "K": 3}, "0").reward == 1.0

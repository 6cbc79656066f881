"""PalindromicSubstringNumberCounting: the closed-form digit count against checking every substring."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.palindromic_substring_number_counting import (
    PalindromicSubstringNumberCounting,
    palindrome_free_up_to,
)

TASK = PalindromicSubstringNumberCounting()


def is_good(number: int) -> bool:
    text = str(number)
    return any(text[i:j] == text[i:j][::-1] for i, j in itertools.combinations(range(len(text) + 1), 2) if j - i >= 2)


@pytest.fixture(scope="module")
def good_prefix() -> list[int]:
    prefix = [0]
    for number in range(1, 20_001):
        prefix.append(prefix[-1] + is_good(number))
    return prefix


def test_free_counts_up_to_20000(good_prefix: list[int]) -> None:
    for limit in list(range(0, 1200)) + list(range(1200, 20_001, 37)):
        assert palindrome_free_up_to(limit) == limit - good_prefix[limit], limit


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_instances_match_substring_check(difficulty: int, good_prefix: list[int]) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        low, high = problem.parameters["L"], problem.parameters["R"]
        assert problem.reference_answer == str(good_prefix[high] - good_prefix[low - 1])


def test_hand_example_and_rewards() -> None:
    parameters = {"L": 100, "R": 110}  # 100 101 110 are good
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "6").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-3").reward == -1.0

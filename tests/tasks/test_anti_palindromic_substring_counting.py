"""AntiPalindromicSubstringCounting: centre expansion against checking every substring."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.anti_palindromic_substring_counting import (
    AntiPalindromicSubstringCounting,
    anti_palindromic_count,
)

TASK = AntiPalindromicSubstringCounting()
FLIP = str.maketrans("01", "10")


def brute_force(text: str) -> int:
    return sum(
        text[i:j][::-1] == text[i:j].translate(FLIP) for i in range(len(text)) for j in range(i + 1, len(text) + 1)
    )


def test_matches_enumeration_on_every_string_up_to_length_10() -> None:
    for length in range(11):
        for bits in itertools.product("01", repeat=length):
            text = "".join(bits)
            assert anti_palindromic_count(text) == brute_force(text), text


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == brute_force(problem.parameters["S"])


def test_hand_example_and_scoring() -> None:
    p = {"S": "000111"}  # 01, 0011, 000111
    assert TASK.solve(p) == 3
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "6").reward == pytest.approx(0.5**10)
    assert TASK.score({"S": "0000"}, "0").reward == 1.0
    assert TASK.score({"S": "0000"}, "1").reward == 0.0
    assert TASK.score(p, "-3").reward == rewards.WRONG_FORMAT

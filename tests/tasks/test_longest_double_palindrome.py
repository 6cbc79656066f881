"""Longest_DoublePalindrome: centre expansion against checking every triple (A, B, C)."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.longest_double_palindrome import Longest_DoublePalindrome, longest_double_palindrome

TASK = Longest_DoublePalindrome()


def is_palindrome(text: str) -> bool:
    return text == text[::-1]


def longest_by_enumeration(text: str) -> int:
    n = len(text)
    return max(
        c - a
        for a, b, c in itertools.combinations(range(n + 1), 3)
        if is_palindrome(text[a:b]) and is_palindrome(text[b:c])
    )


def test_reference_matches_enumeration() -> None:
    for difficulty in (0, 1, 2, 5):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["best"] == longest_by_enumeration(p["S"])
            assert TASK.score(p, problem.reference_answer).reward == 1.0


@pytest.mark.parametrize("n", range(2, 10))
def test_every_binary_string(n: int) -> None:
    for bits in itertools.product("01", repeat=n):
        text = "".join(bits)
        a, b, c = longest_double_palindrome(text)
        assert is_palindrome(text[a:b]) and is_palindrome(text[b:c]) and 0 <= a < b < c <= n
        assert c - a == longest_by_enumeration(text)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 7, "S": "0100110", "best": 7}  # 010 | 0110
    assert longest_by_enumeration("0100110") == 7
    assert TASK.score(parameters, "0 3 7").reward == 1.0
    assert TASK.score(parameters, "3 4 5").reward == pytest.approx((2 / 7) ** 5)  # 0 | 1
    assert TASK.score(parameters, "0 3 6").reward == -0.5  # 011 is not a palindrome
    assert TASK.score(parameters, "2 2 5").reward == -0.5
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "0 3")

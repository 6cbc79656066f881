"""Longest_RepeatedPalindrome: palindrome radii against checking every substring."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.optimization.longest_repeated_palindrome import (
    Longest_RepeatedPalindrome,
    is_double_mirror,
    longest_double_mirror,
)

TASK = Longest_RepeatedPalindrome()


def longest_by_enumeration(text: str) -> int:
    n = len(text)
    return max([r - l for l in range(n) for r in range(l + 1, n + 1) if is_double_mirror(text[l:r])] + [0])


def test_reference_matches_enumeration() -> None:
    for difficulty in (0, 1, 2, 5, 8):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["best"] == longest_by_enumeration(p["S"]) >= 4
            assert TASK.score(p, problem.reference_answer).reward == 1.0


@pytest.mark.parametrize("n", range(1, 13))
def test_every_binary_string(n: int) -> None:
    for bits in itertools.product("01", repeat=n):
        text = "".join(bits)
        found = longest_double_mirror(text)
        assert found in text and (found == "" or is_double_mirror(found))
        assert len(found) == longest_by_enumeration(text)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 10, "S": "1011001101", "best": 8}  # 01 10 01 10 from index 1
    assert TASK.score(parameters, "01100110").reward == 1.0
    assert TASK.score(parameters, "1111").reward == -0.5  # not a substring
    assert TASK.score(parameters, "0110").reward == -0.5  # length 4 means |A| = 1: only 0000 or 1111 qualify
    assert TASK.score(parameters, "011001").reward == -0.5  # length not a multiple of 4
    assert TASK.score(parameters, "").reward == -0.5
    two = {"N": 6, "S": "011110", "best": 4}
    assert TASK.score(two, "1111").reward == 1.0

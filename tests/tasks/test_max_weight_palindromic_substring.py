"""MaxWeightPalindromicSubstring: the palindromic tree against every substring."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.max_weight_palindromic_substring import (
    MaxWeightPalindromicSubstring,
    best_palindrome,
    count_occurrences,
)

TASK = MaxWeightPalindromicSubstring()


def brute_force(text: str) -> int:
    best = 0
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            piece = text[i:j]
            if piece == piece[::-1]:
                occurrences = sum(text[k : k + len(piece)] == piece for k in range(len(text) - len(piece) + 1))
                best = max(best, len(piece) * occurrences)
    return best


def weight(text: str, piece: str) -> int:
    return len(piece) * count_occurrences(text, piece)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_instances_against_every_substring(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        text = problem.parameters["S"]
        assert problem.reference_answer == problem.reference_answer[::-1]
        assert weight(text, problem.reference_answer) == brute_force(text)


def test_random_strings() -> None:
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice("ab" if rng.random() < 0.7 else "abc") for _ in range(rng.randint(1, 14)))
        assert weight(text, best_palindrome(text)) == brute_force(text)


def test_hand_example_and_invalid_answers() -> None:
    p = {"S": "abababa"}
    # "aba" occurs 3 times (9), "ababa" twice (10), "abababa" once (7), "a" 4 times (4)
    assert TASK.solve(p) == "ababa"
    assert TASK.score(p, "ababa").reward == 1.0
    assert TASK.score(p, "aba").reward == pytest.approx((9 / 10) ** 5)
    assert TASK.score(p, "aa").reward == 0.0
    assert TASK.score(p, "ab").reward == rewards.INVALID_SOLUTION

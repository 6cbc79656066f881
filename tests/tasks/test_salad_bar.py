"""SaladBar: the prefix-sum solver against checking every substring."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.salad_bar import SaladBar, is_balanced, longest_balanced

TASK = SaladBar()


def brute_force(text: str) -> int:
    """Length of the longest substring whose every prefix and suffix counts p ≥ j, checked letter by letter."""
    best = 0
    for left in range(len(text)):
        for right in range(left + 1, len(text) + 1):
            piece = text[left:right]
            prefixes = all(piece[:k].count("p") >= piece[:k].count("j") for k in range(1, len(piece) + 1))
            suffixes = all(piece[k:].count("p") >= piece[k:].count("j") for k in range(len(piece)))
            if prefixes and suffixes:
                best = max(best, len(piece))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_is_a_longest_balanced_substring(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        text = problem.parameters["S"]
        left, right = map(int, problem.reference_answer.split())
        assert is_balanced(text[left:right])
        assert right - left == brute_force(text)


def test_random_strings_against_brute_force() -> None:
    rng = random.Random(0)
    for _ in range(300):
        text = "".join(rng.choice("pj") for _ in range(rng.randint(1, 12)))
        left, right = longest_balanced(text)
        assert right - left == brute_force(text)
        assert is_balanced(text[left:right])


def test_scoring_branches() -> None:
    p = {"S": "jppjpjj"}  # longest: ppjp (1..5)
    assert TASK.score(p, "1 5").reward == 1.0
    assert TASK.score(p, "1 3").reward == pytest.approx((2 / 4) ** 5)
    assert TASK.score(p, "0 3").reward == rewards.INVALID_SOLUTION  # starts with j
    assert TASK.score(p, "3 3").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 8").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 5 6")

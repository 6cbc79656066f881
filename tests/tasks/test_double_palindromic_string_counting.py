"""DoublePalindromicStringCounting: the Möbius formula against splitting every string."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.double_palindromic_string_counting import (
    DoublePalindromicStringCounting,
    double_palindromes_up_to,
)

TASK = DoublePalindromicStringCounting()


def count_by_listing(n: int, alphabet: int) -> int:
    total = 0
    for length in range(2, n + 1):
        for word in itertools.product(range(alphabet), repeat=length):
            total += any(word[:i] == word[:i][::-1] and word[i:] == word[i:][::-1] for i in range(1, length))
    return total


@pytest.mark.parametrize(("n", "alphabet"), [(1, 3), (2, 2), (6, 2), (12, 2), (7, 3), (5, 4), (5, 5)])
def test_formula_matches_listing(n: int, alphabet: int) -> None:
    assert double_palindromes_up_to(n, alphabet) == count_by_listing(n, alphabet)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        if p["C"] ** p["N"] <= 20_000:
            assert problem.reference_answer == str(count_by_listing(p["N"], p["C"]))
        assert problem.reference_answer == str(double_palindromes_up_to(p["N"], p["C"]))


def test_hand_example_and_rewards() -> None:
    # length 2 over {1, 2}: all 4 strings (x|y); length 3: all but 121 and 212 (x|yz needs y = z, xy|z x = y)
    assert double_palindromes_up_to(2, 2) == 4
    assert double_palindromes_up_to(3, 2) == 4 + 6
    parameters = {"N": 3, "C": 2}
    assert TASK.score(parameters, "10").reward == 1.0
    assert TASK.score(parameters, "5").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == -1.0

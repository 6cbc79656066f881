"""SharedSubstringCounting: the suffix automaton against comparing every pair of substrings."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.counting.shared_substring_counting import SharedSubstringCounting, count_equal_substring_pairs

TASK = SharedSubstringCounting()


def brute_force(first: str, second: str) -> int:
    return sum(
        first[i:j] == second[k:l]
        for i in range(len(first))
        for j in range(i + 1, len(first) + 1)
        for k in range(len(second))
        for l in range(k + 1, len(second) + 1)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_pairwise_comparison(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["S"], p["T"]))


def test_random_strings_over_three_letters() -> None:
    rng = random.Random(2)
    for _ in range(150):
        first = "".join(rng.choice("abc") for _ in range(rng.randint(1, 9)))
        second = "".join(rng.choice("abc") for _ in range(rng.randint(1, 9)))
        assert count_equal_substring_pairs(first, second) == brute_force(first, second)


def test_hand_examples_and_scoring() -> None:
    # "aa" vs "aa": a×a 2·2 = 4, aa×aa 1 → 5
    assert TASK.solve({"S": "aa", "T": "aa"}) == 5
    assert TASK.solve({"S": "aaa", "T": "bb"}) == 0
    assert TASK.score({"S": "aaa", "T": "bb"}, "0").reward == 1.0
    assert TASK.score({"S": "aaa", "T": "bb"}, "1").reward == 0.0
    assert TASK.score({"S": "aa", "T": "aa"}, "4").reward == pytest.approx(0.8**10)
    assert TASK.score({"S": "aa", "T": "aa"}, "-5").reward == -1.0

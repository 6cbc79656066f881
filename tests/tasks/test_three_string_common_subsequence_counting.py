"""ThreeStringCommonSubsequenceCounting: greedy-position DP against enumerating every a/b string."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.three_string_common_subsequence_counting import ThreeStringCommonSubsequenceCounting

TASK = ThreeStringCommonSubsequenceCounting()


def is_subsequence(small: str, big: str) -> bool:
    remaining = iter(big)
    return all(letter in remaining for letter in small)


def count_by_enumeration(strings: list[str]) -> int:
    shortest = min(map(len, strings))
    return sum(
        all(is_subsequence("".join(letters), s) for s in strings)
        for length in range(1, shortest + 1)
        for letters in itertools.product("ab", repeat=length)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_by_enumeration(problem.parameters["S"]))


def test_random_strings() -> None:
    rng = random.Random(5)
    for _ in range(60):
        strings = ["".join(rng.choice("ab") for _ in range(rng.randint(1, 7))) for _ in range(3)]
        assert TASK.solve({"S": strings}) == count_by_enumeration(strings)


def test_hand_examples_and_rewards() -> None:
    p = {"S": ["ab", "ab", "ba"]}  # common: "a" and "b"
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-2").reward == rewards.WRONG_FORMAT
    disjoint = {"S": ["aaa", "bbb", "ab"]}
    assert TASK.solve(disjoint) == 0
    assert TASK.score(disjoint, "0").reward == 1.0
    assert TASK.score(disjoint, "3").reward == 0.0

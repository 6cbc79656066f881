"""Prefixuffix: the border-based solver against checking every L and every rotation."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.algorithmic.prefixuffix import Prefixuffix

TASK = Prefixuffix()


def largest_by_rotations(text: str) -> int:
    n = len(text)
    for length in range(n // 2, 0, -1):
        prefix, suffix = text[:length], text[n - length :]
        if any(prefix == suffix[i:] + suffix[:i] for i in range(length)):
            return length
    return 0


def test_every_short_string() -> None:
    for n in range(1, 11):
        for letters in itertools.product("ab", repeat=n):
            text = "".join(letters)
            assert TASK.solve({"S": text}) == largest_by_rotations(text), text


def test_random_three_letter_strings() -> None:
    rng = random.Random(6)
    for _ in range(300):
        text = "".join(rng.choice("abc") for _ in range(rng.randint(1, 30)))
        assert TASK.solve({"S": text}) == largest_by_rotations(text), text


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10, 30])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(largest_by_rotations(problem.parameters["S"]))


def test_hand_example() -> None:
    p = {"S": "ababbaxabbaab"}  # prefix "ababba", suffix "abbaab"
    assert TASK.solve(p) == 6
    assert TASK.score(p, "6").reward == 1.0
    assert TASK.score(p, "5").reward == 0.0

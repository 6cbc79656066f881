"""NotContainingStringCounting: the automaton matrix power against listing strings and a last-bits DP."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.not_containing_string_counting import NotContainingStringCounting, avoiding_count

TASK = NotContainingStringCounting()
BIG = 1 << 62


def avoiding_by_listing(length: int, pattern: str) -> int:
    return sum(pattern not in "".join(bits) for bits in itertools.product("01", repeat=length))


def avoiding_by_suffix_dp(length: int, pattern: str) -> int:
    """State: the last len(pattern) − 1 characters written so far (no automaton involved)."""
    keep = len(pattern) - 1
    states = {"": 1}
    for _ in range(length):
        following: dict[str, int] = {}
        for suffix, ways in states.items():
            for bit in "01":
                text = suffix + bit
                if not text.endswith(pattern):
                    key = text[-keep:] if keep else ""
                    following[key] = following.get(key, 0) + ways
        states = following
    return sum(states.values())


def test_listing_for_all_short_patterns() -> None:
    for length in range(0, 11):
        for size in (1, 2, 3, 4):
            for pattern in map("".join, itertools.product("01", repeat=size)):
                assert avoiding_count(length, pattern, BIG) == avoiding_by_listing(length, pattern), (length, pattern)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_suffix_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        n, pattern, modulus = (problem.parameters[key] for key in ("N", "pattern", "MOD"))
        expected = avoiding_by_listing(n, pattern) if n <= 14 else avoiding_by_suffix_dp(n, pattern)
        assert problem.reference_answer == str(expected % modulus)


def test_long_random_patterns_against_suffix_dp() -> None:
    rng = random.Random(4)
    for _ in range(10):
        pattern = "".join(rng.choice("01") for _ in range(rng.randint(2, 8)))
        length = rng.randint(10, 80)
        assert avoiding_count(length, pattern, BIG) == avoiding_by_suffix_dp(length, pattern) % BIG


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 4, "pattern": "11", "MOD": 5}  # Fibonacci: 8 strings avoid 11
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "8").reward == -0.5
    assert TASK.score(parameters, "2").reward == 0.0

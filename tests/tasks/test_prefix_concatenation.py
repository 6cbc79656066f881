"""PrefixConcatenation: the matrix-power residue against building the number directly."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.math.prefix_concatenation import PrefixConcatenation, concatenation_mod

TASK = PrefixConcatenation()


def brute(n: int, modulus: int) -> int:
    """Append the numbers one by one (through the decimal string itself while Python can parse it)."""
    if n <= 1000:
        return int("".join(str(i) for i in range(1, n + 1))) % modulus
    value = 0
    for i in range(1, n + 1):
        value = (value * 10 ** len(str(i)) + i) % modulus
    return value


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        n, modulus = problem.parameters["N"], problem.parameters["M"]
        assert 2 <= n <= 64 * 2**difficulty and 3 <= modulus <= 10**6
        assert int(problem.reference_answer) == brute(n, modulus)


def test_digit_boundaries_and_random_cases() -> None:
    rng = random.Random(1)
    cases = [(n, m) for n in (1, 2, 9, 10, 11, 99, 100, 101, 999, 1000, 1001) for m in (3, 7, 1000, 999_983)]
    cases += [(rng.randint(1, 3000), rng.randint(3, 10**6)) for _ in range(20)]
    for n, modulus in cases:
        assert concatenation_mod(n, modulus) == brute(n, modulus)


def test_hand_example() -> None:
    assert concatenation_mod(12, 10**6) == 101112
    assert TASK.score({"N": 12, "M": 1000}, "112").reward == 1.0
    assert TASK.score({"N": 12, "M": 1000}, "1112").reward == 0.0

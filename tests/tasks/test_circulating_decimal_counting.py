"""CirculatingDecimalCounting: the Möbius/Dirichlet count against long division of every fraction."""

from __future__ import annotations

import random
from fractions import Fraction
from math import gcd

import pytest

from rlve_gym.envs.counting.circulating_decimal_counting import CirculatingDecimalCounting, count_pure_repeating

TASK = CirculatingDecimalCounting()


def purely_repeating(value: Fraction, base: int) -> bool:
    """Long division of the fractional part: the first remainder must come back."""
    first = value.numerator % value.denominator
    remainder = first
    for _ in range(value.denominator + 1):
        remainder = remainder * base % value.denominator
        if remainder == first:
            return True
    return False


def brute_force(n: int, m: int, base: int) -> int:
    values = {Fraction(x, y) for x in range(1, n + 1) for y in range(1, m + 1)}
    return sum(purely_repeating(value, base) for value in values)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_long_division(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["M"], p["K"]))


def test_random_small_cases() -> None:
    rng = random.Random(3)
    for _ in range(40):
        n, m, base = rng.randint(1, 30), rng.randint(1, 30), rng.randint(2, 16)
        assert count_pure_repeating(n, m, base) == brute_force(n, m, base), (n, m, base)


def test_hyperbola_recursion_matches_plain_sum() -> None:
    # a tiny sieve forces the recursive branch; compare with the direct double sum
    for n, m, base in [(300, 250, 6), (97, 400, 10), (500, 500, 2), (1000, 123, 30)]:
        direct = sum(1 for x in range(1, n + 1) for y in range(1, m + 1) if gcd(x, y) == 1 and gcd(y, base) == 1)
        assert count_pure_repeating(n, m, base, sieve_limit=3) == direct
        assert count_pure_repeating(n, m, base) == direct


def test_hand_examples_and_scoring() -> None:
    # base 10, x ≤ 2, y ≤ 3: 1, 2, 1/3, 2/3 qualify; 1/2 does not
    assert count_pure_repeating(2, 3, 10) == 4
    parameters = {"N": 2, "M": 3, "K": 10}
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == -1.0

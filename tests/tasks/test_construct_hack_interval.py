"""ConstructHackInterval: the digit-sum prefix against direct sums, the planted interval for every small MOD."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.construct_hack_interval import ConstructHackInterval, digit_sum_prefix

TASK = ConstructHackInterval()


def digit_sum(x: int) -> int:
    return sum(map(int, str(x)))


def test_prefix_matches_direct_sums() -> None:
    running = 0
    for n in range(0, 12_000):
        running += digit_sum(n)
        assert digit_sum_prefix(n) == running, n
    rng = random.Random(0)
    for _ in range(20):
        start = rng.randint(10**12, 10**13)
        assert digit_sum_prefix(start + 150) - digit_sum_prefix(start - 1) == sum(
            digit_sum(x) for x in range(start, start + 151)
        )


def test_planted_interval_is_valid_for_every_small_modulus() -> None:
    prefix = [0]
    for x in range(1, 30_001):
        prefix.append(prefix[-1] + digit_sum(x))
    for modulus in range(1, 3001):
        low, high = TASK.solve({"MOD": modulus})
        assert 1 <= low <= high <= 10 * modulus
        assert (prefix[high] - prefix[low - 1]) % modulus == 0
        assert TASK.score({"MOD": modulus}, f"{low} {high}").reward == 1.0


def test_planted_interval_at_large_moduli() -> None:
    for modulus in (10**9 + 7, 2**40 - 3, 10**18, 123456789012345):
        low, high = TASK.solve({"MOD": modulus})
        assert 1 <= low <= high <= 10 * modulus
        assert (digit_sum_prefix(high) - digit_sum_prefix(low - 1)) % modulus == 0


def test_rewards() -> None:
    parameters = {"MOD": 7}
    assert TASK.score(parameters, "3 4").reward == 1.0  # 3 + 4
    assert TASK.score(parameters, "1 2").reward == 0.0
    assert TASK.score(parameters, "4 3").reward == -0.5
    assert TASK.score(parameters, "0 6").reward == -0.5
    assert TASK.score(parameters, "7 71").reward == -0.5
    for bad in ("3", "3 4 5", "three four"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, bad)

"""Cryptarithmetic: the verifier accepts exactly the digit permutations that make the addition true."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.cryptarithmetic import Cryptarithmetic

TASK = Cryptarithmetic()


def value(symbols: list[int], digit_of: tuple[int, ...], base: int) -> int:
    number = 0
    for symbol in symbols:
        number = number * base + digit_of[symbol]
    return number


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_accepted_exactly_when_the_addition_holds(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        base = p["N"]
        accepted = 0
        for digit_of in itertools.permutations(range(base)):
            holds = value(p["first"], digit_of, base) + value(p["second"], digit_of, base) == value(
                p["result"], digit_of, base
            )
            verdict = TASK.score(p, " ".join(map(str, digit_of)))
            assert (verdict.accuracy == 1) == holds
            accepted += holds
        assert accepted >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    # base 3, d = (1, 2, 0): d[0]d[1] + d[0]d[1] = d[2]... 12_3 + 12_3 = 5 + 5 = 10 = 101_3 = d[0]d[2]d[0]
    p = {"N": 3, "first": [0, 1], "second": [0, 1], "result": [0, 2, 0]}
    assert TASK.score(p, "1 2 0").reward == 1.0
    # d = (2, 1, 0): 21_3 + 21_3 = 14 = 112_3, written 2 0 2 → positions (least significant first) 2|2, 1|0, 1|2
    assert TASK.score(p, "2 1 0").reward == pytest.approx((1 / 3) ** 3)
    for bad in ("1 2", "1 1 0", "1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

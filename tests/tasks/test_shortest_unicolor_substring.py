"""ShortestUnicolorSubstring: the run-splitting construction against trying every string within K changes."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.shortest_unicolor_substring import (
    ShortestUnicolorSubstring,
    longest_run,
    shortest_longest_run,
)

TASK = ShortestUnicolorSubstring()


def brute_force(bits: str, flips: int) -> int:
    return min(
        longest_run("".join(candidate))
        for candidate in itertools.product("01", repeat=len(bits))
        if sum(a != b for a, b in zip(bits, candidate)) <= flips
    )


def check(bits: str, flips: int) -> None:
    built = shortest_longest_run(bits, flips)
    assert len(built) == len(bits) and sum(a != b for a, b in zip(bits, built)) <= flips
    assert longest_run(built) == brute_force(bits, flips)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_exhaustive_search(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        check(problem.parameters["S"], problem.parameters["K"])
        assert problem.reference_answer == shortest_longest_run(problem.parameters["S"], problem.parameters["K"])


def test_random_strings_and_budgets() -> None:
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(1, 11)
        check("".join(rng.choice("0001") for _ in range(n)), rng.randint(0, n))


def test_scoring_branches() -> None:
    p = {"S": "000000", "K": 2}  # best: 001001 style → longest run 2
    assert TASK.score(p, "001001").reward == 1.0
    assert TASK.score(p, "000100").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(p, "010101").reward == rewards.INVALID_SOLUTION
    for bad in ("00100", "0010010", "00a001"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

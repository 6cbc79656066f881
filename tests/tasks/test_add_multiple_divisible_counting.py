"""AddMultiple_Divisible_Counting: the Möbius formula against direct enumeration of pairs."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.add_multiple_divisible_counting import (
    AddMultiple_Divisible_Counting,
    divisible_pair_count,
)

TASK = AddMultiple_Divisible_Counting()


def brute_force(n: int) -> int:
    return sum((a * b) % (a + b) == 0 for a in range(1, n + 1) for b in range(a + 1, n + 1))


def test_formula_matches_enumeration_for_every_small_n() -> None:
    for n in range(1, 160):
        assert divisible_pair_count(n) == brute_force(n), n


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_answer_is_the_enumerated_count(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == brute_force(problem.parameters["N"])


def test_hand_examples_and_scoring() -> None:
    assert divisible_pair_count(6) == 1  # (3, 6)
    assert divisible_pair_count(12) == 3  # (3, 6), (4, 12), (6, 12)
    p = {"N": 12}
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "6").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == rewards.WRONG_FORMAT

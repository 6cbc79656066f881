"""SquSquarks: the verifier accepts every set with the given pair sums (found by search) and rejects others."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.squ_squarks import SquSquarks, pair_sums

TASK = SquSquarks()


def all_solutions(sums: list[int], n: int) -> list[tuple[int, ...]]:
    """Every increasing n-tuple of positive integers below the largest sum with exactly these pair sums."""
    target = sorted(sums)
    return [
        chosen
        for chosen in itertools.combinations(range(1, max(sums)), n)
        if sorted(pair_sums(list(chosen)).elements()) == target
    ]


@pytest.mark.parametrize("difficulty", [0, 1])
def test_planted_answer_and_every_other_solution_are_accepted(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        solutions = all_solutions(p["sums"], p["N"])
        assert tuple(map(int, problem.reference_answer.split())) in solutions
        for solution in solutions:
            assert TASK.score(p, " ".join(map(str, reversed(solution)))).reward == 1.0


def test_hand_examples() -> None:
    p = {"N": 4, "sums": [5, 7, 8, 10, 11, 13]}
    assert TASK.score(p, "1 4 6 7").reward == 1.0
    assert TASK.score(p, "2 3 5 8").reward == 1.0  # another set with the same pair sums
    # 1 4 6 8: sums 5 7 9 10 12 14, three shared out of 6 + 3 = 9
    assert TASK.score(p, "1 4 6 8").reward == pytest.approx((3 / 9) ** 5)
    for bad in ("1 4 6", "1 4 4 7", "0 4 6 7", "-1 4 6 7", "1 4 6 7 9"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

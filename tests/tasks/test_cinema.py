"""Cinema: the closed form against simulating every sequence of seat choices."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.cinema import Cinema, all_seated_probability

TASK = Cinema()


def brute_force(people: int, seats: int) -> Fraction:
    good = 0
    for picks in itertools.product(range(seats), repeat=people):
        taken = [False] * seats
        for pick in picks:
            while pick < seats and taken[pick]:
                pick += 1
            if pick == seats:
                break
            taken[pick] = True
        else:
            good += 1
    return Fraction(good, seats**people)


def test_closed_form_matches_simulation() -> None:
    for seats in range(1, 7):
        for people in range(1, seats + 1):
            assert all_seated_probability(people, seats) == brute_force(people, seats)


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_answer_is_the_reduced_probability(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        a, b = map(int, problem.reference_answer.split())
        value = brute_force(p["N"], p["K"])
        assert (a, b) == (value.numerator, value.denominator)


def test_scoring() -> None:
    p = {"N": 2, "K": 2}  # 3/4
    assert TASK.score(p, "3 4").reward == 1.0
    assert TASK.score(p, "3/4").reward == 1.0
    assert TASK.score(p, "6 8").reward == 0.0  # not reduced
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "3 4 5")


def test_fraction_stays_within_the_answer_digit_limit_high_up_the_ladder() -> None:
    for seed in range(3):
        problem = TASK.generate(seed, 20)
        assert max(map(len, problem.reference_answer.split())) <= 3901
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0

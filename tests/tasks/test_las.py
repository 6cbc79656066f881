"""LAS: the cycle DP against trying all 2^N choices, and the verifier's switching rule by direct simulation."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.las import LAS, stable_choices

TASK = LAS()


def gains_by_switching(calories: list[int], foods: list[int], person: int) -> bool:
    """Recompute everyone's calories from scratch (0-based foods) before and after `person` switches."""
    n = len(calories)

    def received(choice: list[int], who: int) -> Fraction:
        return Fraction(calories[choice[who]], choice.count(choice[who]))

    switched = list(foods)
    switched[person] = person if foods[person] != person else (person + 1) % n
    return received(switched, person) > received(foods, person)


def test_dp_finds_an_equilibrium_whenever_brute_force_does() -> None:
    rng = random.Random(4)
    for _ in range(80):
        n = rng.randint(3, 8)
        calories = [rng.randint(1, 2 * n) for _ in range(n)]
        stable = [
            foods
            for foods in itertools.product(*[(i, (i + 1) % n) for i in range(n)])
            if not any(gains_by_switching(calories, list(foods), person) for person in range(n))
        ]
        assert stable  # an equilibrium always exists
        choices = stable_choices(calories)
        foods = [(i + 1) % n if right else i for i, right in enumerate(choices)]
        assert tuple(foods) in stable
        # the verifier's count of content people matches direct simulation on every assignment
        for candidate in itertools.product(*[(i, (i + 1) % n) for i in range(n)]):
            happy = sum(not gains_by_switching(calories, list(candidate), person) for person in range(n))
            verdict = TASK.score({"N": n, "C": calories}, " ".join(str(f + 1) for f in candidate))
            assert verdict.reward == pytest.approx((happy / n) ** 10)


def test_generated_references_are_equilibria() -> None:
    for difficulty in (0, 3, 10):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_example_and_invalid_answers() -> None:
    # foods 1..3 with calories 4, 1, 1: persons 1 and 3 share food 1 (2 each); person 2 eats food 2 or 3 alone
    parameters = {"N": 3, "C": [4, 1, 1]}
    assert TASK.score(parameters, "1 2 1").reward == 1.0
    assert TASK.score(parameters, "2 2 3").reward == pytest.approx((1 / 3) ** 10)  # persons 1, 3 would switch
    assert TASK.score(parameters, "3 2 1").reward == -0.5  # person 1 cannot eat food 3
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "1 2")

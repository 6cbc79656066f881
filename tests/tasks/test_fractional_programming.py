"""FractionalProgramming: Dinkelbach in exact fractions against every K-subset."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.fractional_programming import FractionalProgramming

TASK = FractionalProgramming()


def best_ratio(numerators: list[int], denominators: list[int], count: int) -> Fraction:
    return max(
        Fraction(sum(numerators[i] for i in chosen), sum(denominators[i] for i in chosen))
        for chosen in itertools.combinations(range(len(numerators)), count)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert Fraction(p["best_A"], p["best_B"]) == best_ratio(p["A"], p["B"], p["K"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_instances() -> None:
    rng = random.Random(4)
    for _ in range(200):
        n = rng.randint(2, 8)
        b = [rng.randint(1, 9) for _ in range(n)]
        p = {"A": [rng.randint(1, 2 * x) for x in b], "B": b, "K": rng.randint(1, n)}
        chosen = TASK.solve(p)
        assert len(set(chosen)) == p["K"]
        ratio = Fraction(sum(p["A"][i] for i in chosen), sum(p["B"][i] for i in chosen))
        assert ratio == best_ratio(p["A"], p["B"], p["K"]), p


def test_hand_example_and_invalid_answers() -> None:
    # ratios: {0,1} = 4/4, {0,2} = 5/6, {1,2} = 3/4
    p = {"A": [3, 1, 2], "B": [2, 2, 4], "K": 2, "best_A": 4, "best_B": 4}
    assert TASK.solve(p) == [0, 1]
    assert TASK.score(p, "1 0").reward == 1.0
    assert TASK.score(p, "0 2").reward == pytest.approx((5 / 6) ** 5)
    for bad in ("0", "0 0", "0 3", "0 1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

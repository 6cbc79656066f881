"""PolynomialInterpolation: Newton interpolation against the planted coefficients and a Vandermonde solve."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.polynomial_interpolation import PolynomialInterpolation

TASK = PolynomialInterpolation()


def vandermonde_solve(xs: list[int], ys: list[int]) -> list[int]:
    """Gauss–Jordan elimination on the Vandermonde system in exact rationals."""
    n = len(xs)
    rows = [[Fraction(x) ** k for k in range(n)] + [Fraction(y)] for x, y in zip(xs, ys)]
    for column in range(n):
        pivot = next(r for r in range(column, n) if rows[r][column] != 0)
        rows[column], rows[pivot] = rows[pivot], rows[column]
        rows[column] = [value / rows[column][column] for value in rows[column]]
        for r in range(n):
            if r != column and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column])]
    solution = [row[-1] for row in rows]
    assert all(value.denominator == 1 for value in solution)
    return [int(value) for value in solution]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        planted = [int(c) for c in problem.reference_answer.split()]
        assert TASK.solve(p) == planted == vandermonde_solve(p["X"], p["Y"])


def test_random_integer_polynomials_at_random_points() -> None:
    rng = random.Random(16)
    for _ in range(30):
        degree = rng.randint(0, 6)
        coefficients = [rng.randint(-20, 20) for _ in range(degree + 1)]
        xs = rng.sample(range(-15, 16), degree + 1)
        ys = [sum(c * x**i for i, c in enumerate(coefficients)) for x in xs]
        assert TASK.solve({"X": xs, "Y": ys}) == coefficients


def test_hand_example_and_scoring() -> None:
    # f(x) = 1 - 2x + 3x^2 at x = 0, 1, -1
    parameters = {"X": [0, 1, -1], "Y": [1, 2, 6]}
    assert TASK.solve(parameters) == [1, -2, 3]
    assert TASK.score(parameters, "1 -2 3").reward == 1.0
    assert TASK.score(parameters, "1 2 3").reward == pytest.approx((2 / 3) ** 10)
    assert TASK.score(parameters, "1 -2").reward == rewards.INVALID_SOLUTION

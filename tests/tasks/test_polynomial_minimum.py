"""PolynomialMinimum: the bisection minimiser against a dense grid, and the documented pass band."""

from fractions import Fraction

import numpy as np
import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.registry import get_task
from rlve_gym.envs.optimization.polynomial_minimum import exact_value

TASK = get_task("PolynomialMinimum")


def test_minimiser_beats_a_dense_grid():
    grid = np.linspace(-3.0, 3.0, 60001)
    for difficulty in (0, 1, 2, 5):
        for seed in range(6):
            coefficients = TASK.generate(seed, difficulty).parameters["coefficients"]
            values = np.polyval(coefficients[::-1], grid)
            best_on_grid = float(grid[int(np.argmin(values))])
            x_star = TASK.solve({"coefficients": coefficients})
            assert exact_value(coefficients, x_star) <= exact_value(coefficients, best_on_grid)
            assert abs(x_star - best_on_grid) <= 0.05  # high even powers make the bottom flat


def test_exact_value():
    assert exact_value([1, -2, 1], 0.5) == Fraction(1, 4)
    assert exact_value([0, 0, 0, 0, 3], -2.0) == 48


def test_pass_band_and_shaping():
    square = {"coefficients": [1, -2, 1]}  # (x - 1)^2: f(0) = 1, f* = 0
    assert TASK.solve(square) == 1.0
    assert TASK.score(square, "1").reward == 1.0
    assert TASK.score(square, "0.97").reward == 1.0  # f = 0.0009 ≤ 0.001
    assert TASK.score(square, "0.96").accuracy == 0  # f = 0.0016
    assert abs(TASK.score(square, "0.5").reward - 0.95 * 0.75**5) < 1e-12
    assert TASK.score(square, "3").reward == 0.0
    assert TASK.score(square, "-7/3").reward == 0.0
    flat = {"coefficients": [0, 0, 1]}  # x^2: the minimum is f(0) itself
    assert TASK.score(flat, "0").reward == 1.0
    assert TASK.score(flat, "0.1").reward == 0.0
    with pytest.raises(AnswerFormatError):
        TASK.score(flat, "zero")

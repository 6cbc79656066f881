"""Differentiate: the reference derivative against finite differences of F, and equivalent forms accepted."""

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.registry import get_task
from rlve_gym.envs.common.expressions import numeric_value, parse_expression

TASK = get_task("Differentiate")
STEP = 1e-5


def _real(expression, x):
    value = numeric_value(expression, x)
    if value is None or abs(value.imag) > 1e-9 * max(1.0, abs(value.real)):
        return None
    return value.real


def test_reference_matches_central_differences():
    checked = 0
    for difficulty in (0, 1, 2, 3):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            function = parse_expression(problem.parameters["function"])
            derivative = parse_expression(problem.reference_answer)
            for x in (-1.7, -0.9, -0.35, 0.45, 1.1, 1.85):
                left, right, slope = _real(function, x - STEP), _real(function, x + STEP), _real(derivative, x)
                if None in (left, right, slope) or abs(slope) > 1e3:
                    continue
                assert abs((right - left) / (2 * STEP) - slope) <= 1e-4 * max(1.0, abs(slope)), (problem, x)
                checked += 1
    assert checked > 50


def test_equivalent_forms_and_rewards():
    parameters = {"function": "x^2*sin(x)"}
    assert TASK.score(parameters, "2*x*sin(x) + x^2*cos(x)").reward == 1.0
    assert TASK.score(parameters, "x*(2*sin(x) + x*cos(x))").reward == 1.0
    assert TASK.score(parameters, "F'(x) = x^2*cos(x) + 2*sin(x)*x").reward == 1.0
    assert TASK.score(parameters, "2*x*sin(x)").reward == 0.0
    for unreadable in ("2*x*sin(x) +", "__import__('os')", "2x*sin(x)", "y + 1"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, unreadable)
    logarithm = {"function": "log(x)"}  # F' = 1/x is real on the whole grid (log of a negative is complex)
    assert TASK.score(logarithm, "1/x").reward == 1.0
    assert TASK.score(logarithm, "1/abs(x)").reward == 0.0

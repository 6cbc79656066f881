"""Integral: any antiderivative is accepted (a constant, other forms), wrong ones and hostile text are not."""

import pytest

from rlve_gym import get_task
from rlve_gym.core.problem import Problem

TASK = get_task("Integral")


def problem_for(derivative: str) -> Problem:
    return Problem("Integral", 0, 0, "", {"derivative": derivative}, "x")


@pytest.mark.parametrize(
    ("derivative", "answer", "accuracy"),
    [
        ("cos(x)", "sin(x)", 1),
        ("cos(x)", "sin(x) + C", 1),
        ("cos(x)", "sin(x) + 7", 1),
        ("2*x", "x^2", 1),
        ("2*x", "x**2 - 3", 1),
        ("2*x", "(x-1)*(x+1)", 1),
        ("1/x", "log(x)", 1),
        ("exp(2*x)", "exp(2*x)/2", 1),
        ("exp(2*x)", "0.5*exp(2*x)", 1),
        ("2*x", "x^3", 0),
        ("cos(x)", "-sin(x)", 0),
    ],
)
def test_antiderivatives(derivative: str, answer: str, accuracy: int) -> None:
    assert TASK.verify(problem_for(derivative), f"<answer>{answer}</answer>").accuracy == accuracy


@pytest.mark.parametrize("answer", ["__import__('os')", "x ** 999999", "sin(", "y", "2x", "x^^2", "9^64^64^64"])
def test_unreadable_or_hostile_answers_are_format_errors(answer: str) -> None:
    verdict = TASK.verify(problem_for("2*x"), f"<answer>{answer}</answer>")
    assert verdict.reward == -1.0 and not verdict.format_ok


def test_generated_reference_antiderivatives_check_out_numerically() -> None:
    import sympy

    from rlve_gym.envs.common.expressions import parse_expression

    x = sympy.Symbol("x")
    for seed in range(10):
        problem = TASK.generate(seed, 3)
        difference = sympy.diff(parse_expression(problem.reference_answer), x) - parse_expression(
            problem.parameters["derivative"]
        )
        values = [complex(difference.evalf(subs={x: point})) for point in (0.3, 0.7, 1.3)]
        assert all(abs(v) < 1e-6 for v in values if v == v)

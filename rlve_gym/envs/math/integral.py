"""Indefinite integration: find an antiderivative of a given function."""

from __future__ import annotations

import random
import re
from typing import Any

import sympy

from rlve_gym.core import rewards
from rlve_gym.core.errors import TaskError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.expressions import format_expression, parse_expression, random_expression, real_values
from rlve_gym.envs.common.ladders import stepped

_X = sympy.Symbol("x")
_TEST_POINTS = [-1.9 + 3.8 * i / 46 for i in range(47)]
_MIN_DEFINED_POINTS = 8
_RELATIVE_TOLERANCE = 1e-6
_TRAILING_CONSTANT = re.compile(r"\s*\+\s*C\s*$")


def _defined_points(expression: sympy.Expr) -> dict[float, float]:
    values = real_values(expression, _TEST_POINTS)
    return {point: value for point, value in values.items() if value is not None and abs(value) < 1e8}


class Integral(Task):
    """Find an antiderivative F(x) of a given derivative f(x) = F'(x).

    The generator builds a random expression tree F (x, small integer constants, + - * / ^, sin, cos, exp, log,
    integer powers and roots) and shows its derivative. Any antiderivative is accepted: the verifier
    differentiates the answer symbolically and compares it with f at 47 points in [-1.9, 1.9] where f is real.
    Difficulty: F has d + 2 nodes.
    Reward: 1 if the answer's derivative equals f at every test point where f is real and finite, else 0; -1 when
    the answer is not a readable expression.
    Answer: an expression in x using + - * / ^ ( ) and sin, cos, tan, exp, log, sqrt; multiplication written
    explicitly with *; a trailing "+ C" is allowed.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"nodes": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        nodes = self.ladder(difficulty)["nodes"]
        for _ in range(64):
            antiderivative = random_expression(rng, nodes)
            if not antiderivative.has(_X) or antiderivative.has(sympy.zoo, sympy.nan, sympy.oo, sympy.I):
                continue
            derivative = sympy.diff(antiderivative, _X)
            if derivative == 0 or len(_defined_points(derivative)) < _MIN_DEFINED_POINTS:
                continue
            shown = format_expression(derivative)
            if len(shown) > 4000:
                continue
            parameters = {"derivative": shown}
            reference = format_expression(antiderivative)
            return Instance(parameters, reference)
        raise TaskError("Integral: no well-defined expression found in 64 draws")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"The derivative of a function F is\n    F'(x) = {parameters['derivative']}\n"
            "Find an antiderivative F(x).\n"
            "Write F(x) as an expression in x using + - * / ^ and parentheses, and the functions sin, cos, tan, exp, "
            "log, sqrt; write every multiplication with * (for example 3*x^2 + sin(2*x)/2)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        candidate = parse_expression(_TRAILING_CONSTANT.sub("", answer))
        target = parse_expression(parameters["derivative"])
        expected = _defined_points(target)
        try:
            derivative = sympy.diff(candidate, _X)
        except (TypeError, ValueError, RecursionError):
            return rewards.wrong("the answer cannot be differentiated")
        answered = real_values(derivative, list(expected))
        for point, value in expected.items():
            got = answered[point]
            if got is None or abs(got - value) > _RELATIVE_TOLERANCE * max(1.0, abs(value)):
                return rewards.wrong(f"F'({point:.3g}) = {got} but f({point:.3g}) = {value:.6g}")
        return rewards.correct(f"derivative matches f at {len(expected)} points")

"""Symbolic differentiation: give F'(x) for a random elementary function F."""

from __future__ import annotations

import random
import re
from typing import Any

import sympy

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError, TaskError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.expressions import format_expression, parse_expression, random_expression, real_values
from rlve_gym.envs.common.ladders import stepped

_X = sympy.Symbol("x")
_TEST_POINTS = [-2 + 4 * i / 63 for i in range(64)]
_MIN_DEFINED_POINTS = len(_TEST_POINTS) // 2
_MAX_ABS_DERIVATIVE = 1e4
_RELATIVE_TOLERANCE = 1e-6
_MAX_SHOWN_CHARS = 4000
_DRAWS = 64
_ANSWER_PREFIX = re.compile(r"^\s*(?:F'\s*\(\s*x\s*\)|d\s*F\s*/\s*d\s*x)\s*=\s*")


def _real_values(expression: sympy.Expr) -> dict[float, float | None]:
    """The expression at every test point: a finite real number, or None where undefined, complex or infinite."""
    return real_values(expression, _TEST_POINTS)


def _derivative(function_text: str) -> sympy.Expr:
    """F' of the shown function, re-read from its text so that generation and scoring see the same F."""
    return sympy.diff(parse_expression(function_text), _X)


def _target_values(derivative: sympy.Expr) -> dict[float, float]:
    """F' at the test points where it is a finite real number."""
    return {point: value for point, value in _real_values(derivative).items() if value is not None}


def _first_mismatch(expected: dict[float, float], candidate: sympy.Expr) -> str | None:
    """Why `candidate` differs from the expected values (the first test point that disagrees), or None."""
    answered = _real_values(candidate)
    for point, value in expected.items():
        got = answered[point]
        if got is None or abs(got - value) > _RELATIVE_TOLERANCE * max(1.0, abs(value)):
            return f"the answer at x = {point:.3g} is {got}, F' is {value:.6g}"
    return None


class Differentiate(Task):
    """Differentiate a random elementary function F(x).

    F is built from x, small integers, + - * / ^, sin, cos, exp, log and integer powers and roots.
    The verifier compares the answer with F' numerically at 64 points of [-2, 2]: generation keeps only F whose
    derivative is real at ≥ 32 of them and never exceeds 10^4 in absolute value there, and an answer must match
    F' (relative tolerance 1e-6) at every one of those points. Any equivalent form is accepted.
    Difficulty: the expression tree of F has d + 2 nodes.
    Reward: 1 if the answer equals F' at all test points, else 0; -1 when it is not a readable expression in x.
    Answer: an expression in x using + - * / ^ ( ) and sin, cos, tan, exp, log, sqrt, with every multiplication
    written as *.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"nodes": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        nodes = self.ladder(difficulty)["nodes"]
        for _ in range(_DRAWS):
            function = random_expression(rng, nodes)
            if not function.has(_X) or function.has(sympy.zoo, sympy.nan, sympy.oo, sympy.I):
                continue
            shown = format_expression(function)
            try:
                derivative = _derivative(shown)
                reference = format_expression(derivative)
                reread = parse_expression(reference)
            except AnswerFormatError:  # e.g. a literal too long for the answer parser
                continue
            if derivative.has(sympy.zoo, sympy.nan, sympy.oo, sympy.I) or len(shown) > _MAX_SHOWN_CHARS:
                continue
            values = _target_values(derivative)
            if len(values) < _MIN_DEFINED_POINTS or any(abs(v) > _MAX_ABS_DERIVATIVE for v in values.values()):
                continue
            # the printed reference must read back to the same values (guards against printing round-off)
            if _first_mismatch(values, reread) is None:
                return Instance({"function": shown}, reference)
        raise TaskError(f"Differentiate: no well-behaved function found in {_DRAWS} draws")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Let F(x) = {parameters['function']}\n"
            "Find the derivative F'(x) with respect to x.\n"
            "Write F'(x) as an expression in x using + - * / ^ and parentheses, and the functions sin, cos, tan, "
            "exp, log, sqrt; write every multiplication with * (for example 2*x*cos(x^2) - 3/x)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        candidate = parse_expression(_ANSWER_PREFIX.sub("", answer))
        expected = _target_values(_derivative(parameters["function"]))
        mismatch = _first_mismatch(expected, candidate)
        if mismatch is not None:
            return rewards.wrong(mismatch)
        return rewards.correct(f"matches F' at {len(expected)} points")

"""Recover the integer coefficients of a degree-N polynomial from N + 1 of its values."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_COEFFICIENT = 5
_BETA = 10.0


class PolynomialInterpolation(Task):
    """A polynomial f(x) = a_0 + a_1·x + … + a_N·x^N with integer coefficients is known at N + 1 distinct points;
    find its coefficients.

    Difficulty: the degree N grows as N ← int(1.1·N + 1) from 2; a_0..a_(N-1) are uniform in [-5, 5] and a_N in
    [1, 5]; the points are N + 1 distinct integers from [-N, N].
    Reward: -1 unparsable; -0.5 unless exactly N + 1 integers; otherwise (fraction of coefficients right)^10.
    Answer: a_0 a_1 … a_N on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"degree": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        degree = self.ladder(difficulty)["degree"]
        coefficients = [rng.randint(-_MAX_COEFFICIENT, _MAX_COEFFICIENT) for _ in range(degree)]
        coefficients.append(rng.randint(1, _MAX_COEFFICIENT))
        xs = rng.sample(range(-degree, degree + 1), degree + 1)
        ys = [sum(c * x**i for i, c in enumerate(coefficients)) for x in xs]
        return Instance({"X": xs, "Y": ys}, " ".join(map(str, coefficients)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        degree = len(parameters["X"]) - 1
        values = "\n".join(f"f({x}) = {y}" for x, y in zip(parameters["X"], parameters["Y"]))
        return (
            f"A polynomial f(x) = a_0 + a_1·x + a_2·x^2 + … + a_{degree}·x^{degree} of degree {degree} has integer "
            f"coefficients. Its values at {degree + 1} points are:\n{values}\n"
            f"Find the coefficients a_0, a_1, …, a_{degree}.\n"
            f"Write them on one line in that order (a_0 first), {degree + 1} integers separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Newton divided differences in exact rationals, then the Newton form expanded into powers of x."""
        xs, ys = parameters["X"], parameters["Y"]
        differences = [Fraction(y) for y in ys]
        n = len(xs)
        for level in range(1, n):
            for i in range(n - 1, level - 1, -1):
                differences[i] = (differences[i] - differences[i - 1]) / (xs[i] - xs[i - level])
        # Horner on the Newton form: p ← p·(x - x_i) + c_i from the highest term down
        polynomial = [Fraction(0)] * n
        for i in range(n - 1, -1, -1):
            shifted = [Fraction(0), *polynomial[:-1]]
            polynomial = [s - xs[i] * p for s, p in zip(shifted, polynomial)]
            polynomial[0] += differences[i]
        if any(c.denominator != 1 for c in polynomial):
            raise ValueError("the interpolating polynomial does not have integer coefficients")
        return [int(c) for c in polynomial]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        coefficients = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(coefficients) != len(expected):
            return rewards.invalid(f"expected {len(expected)} coefficients")
        right = sum(a == b for a, b in zip(coefficients, expected))
        return rewards.partial(right / len(expected), _BETA, f"{right}/{len(expected)} coefficients right")

"""Minimise a convex even-degree polynomial: give the x at which it is smallest."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_float
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.math.polynomial_remainder import format_polynomial

PASS_FRACTION = 0.999
"""An answer is fully correct when it achieves this fraction of the possible improvement f(0) - f(x*)."""
_MAX_WEIGHT = 2
_PARTIAL_SCALE = 0.95
_BETA = 5.0


def _scaled_value(coefficients: list[int], x: float) -> tuple[int, int]:
    """(numerator, denominator) of f(x) for the float x (a dyadic rational), by homogeneous Horner over integers."""
    numerator, denominator = x.as_integer_ratio()
    degree = len(coefficients) - 1
    total = coefficients[degree]
    for i in range(degree - 1, -1, -1):
        total = total * numerator + coefficients[i] * denominator ** (degree - i)
    return total, denominator**degree


def exact_value(coefficients: list[int], x: float) -> Fraction:
    """f(x) exactly, for the float x."""
    return Fraction(*_scaled_value(coefficients, x))


def minimiser(coefficients: list[int]) -> float:
    """A float next to the unique minimiser, by bisection on the sign of the exact derivative.

    f is a positive combination of (x - s)^k with even k and |s| ≤ 2, hence convex with f' < 0 below -2 and
    f' > 0 above 2. The derivative's sign is computed exactly, so the bracket always holds the true minimiser;
    of the two bracketing floats, the one with the smaller exact f is returned.
    """
    derivative = [i * c for i, c in enumerate(coefficients)][1:]
    low, high = -3.0, 3.0
    for _ in range(200):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if _scaled_value(derivative, middle)[0] > 0:
            high = middle
        else:
            low = middle
    return min((low, high), key=lambda x: exact_value(coefficients, x))


class PolynomialMinimum(Task):
    """Find the x0 that minimises f(x) = Σ_k a_k·(x - s_k)^k (shown expanded) over the even k = 2, 4, …, N.

    Each a_k is uniform in [1, 2] and each s_k in [-2, 2], so f is convex with integer coefficients and one
    minimiser x* in [-2, 2].
    Difficulty: the degree N = 2d + 2.
    Reward: -1 unparsable. With f* = f(x*) and the improvement ratio q = (f(0) - f(x)) / (f(0) - f*): reward 1
    (fully correct) when f(x) - f* ≤ 0.001·(f(0) - f*) (q ≥ 0.999; f(x) = f* when f(0) = f*), else 0.95·q^5
    when f(x) < f(0), else 0. RLVE passes exactly the answers with q ≥ 0.999 (its threshold 0.95·0.999^5); this
    band is rewarded 1 here.
    Answer: one real number x0 in decimal form.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"degree": stepped(2, difficulty, step=2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        degree = self.ladder(difficulty)["degree"]
        lower = list(range(2, degree, 2))
        rng.shuffle(lower)
        coefficients = [0] * (degree + 1)
        for power in [degree, *lower]:
            weight, shift = rng.randint(1, _MAX_WEIGHT), rng.randint(-_MAX_WEIGHT, _MAX_WEIGHT)
            for i in range(power + 1):  # weight · (x - shift)^power, expanded
                coefficients[i] += weight * math.comb(power, i) * (-shift) ** (power - i)
        parameters = {"coefficients": coefficients}
        return Instance(parameters, repr(minimiser(coefficients)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Let f(x) = {format_polynomial(parameters['coefficients'])}\n"
            "Find the real number x0 at which f(x) takes its smallest value.\n"
            "Your answer should be a single real number in decimal form (give enough digits to be accurate)."
        )

    def solve(self, parameters: dict[str, Any]) -> float:
        """The minimiser (to float precision)."""
        return minimiser(parameters["coefficients"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        x = parse_float(answer)
        coefficients = parameters["coefficients"]
        best = exact_value(coefficients, self.solve(parameters))
        start = Fraction(coefficients[0])
        value = exact_value(coefficients, x)
        if value - best <= (start - best) * (1 - Fraction(str(PASS_FRACTION))):
            return rewards.correct("f(x0) is within 0.1% of the minimum's improvement")
        if value >= start:
            return rewards.wrong("f(x0) is not below f(0)")
        ratio = float((start - value) / (start - best))
        return rewards.wrong(f"f(x0) reaches {ratio:.4f} of the possible improvement", _PARTIAL_SCALE * ratio**_BETA)

"""Polynomial long division: the remainder of P(x) divided by Q(x)."""

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


def format_polynomial(coefficients: list[int]) -> str:
    """``c0 + c1*x + c2*x^2 ...`` with zero terms left out (lowest degree first)."""
    terms = []
    for power, coefficient in enumerate(coefficients):
        if coefficient == 0:
            continue
        monomial = "" if power == 0 else ("x" if power == 1 else f"x^{power}")
        if not monomial:
            text = str(abs(coefficient))
        elif abs(coefficient) == 1:
            text = monomial
        else:
            text = f"{abs(coefficient)}*{monomial}"
        sign = "-" if coefficient < 0 else "+"
        terms.append((sign, text))
    if not terms:
        return "0"
    first_sign, first_text = terms[0]
    head = ("-" if first_sign == "-" else "") + first_text
    return head + "".join(f" {sign} {text}" for sign, text in terms[1:])


class PolynomialRemainder(Task):
    """Given P(x) of degree N and Q(x) of degree M, find the remainder S(x) of P divided by Q.

    Generated as P = Q·R + S with small integer coefficients and a positive leading coefficient, so S has
    integer coefficients.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; M is drawn from {2, 3, 4, 5} ∪ {int(r·N) ≥ 2 : r ∈
    {0.1, 0.3, 0.5, 0.7, 0.9}}, capped at N.
    Reward: -1 unparsable; -0.5 wrong number of coefficients; else (fraction of coefficients right)^10.
    Answer: s_0 s_1 … s_{M-1} (S's coefficients from degree 0 up, zero-padded) on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"degree": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        degree = self.ladder(difficulty)["degree"]
        choices = {m for m in (2, 3, 4, 5) if m <= degree}
        choices |= {int(degree * ratio) for ratio in (0.1, 0.3, 0.5, 0.7, 0.9) if int(degree * ratio) >= 2}
        divisor_degree = rng.choice(sorted(choices))
        low, high = -_MAX_COEFFICIENT, _MAX_COEFFICIENT
        divisor = [rng.randint(low, high) for _ in range(divisor_degree)] + [rng.randint(1, high)]
        quotient = [rng.randint(low, high) for _ in range(degree - divisor_degree)] + [rng.randint(1, high)]
        remainder = [rng.randint(low, high) for _ in range(divisor_degree)]
        dividend = [0] * (degree + 1)
        for i, q_coefficient in enumerate(divisor):
            for j, r_coefficient in enumerate(quotient):
                dividend[i + j] += q_coefficient * r_coefficient
        for i, s_coefficient in enumerate(remainder):
            dividend[i] += s_coefficient
        parameters = {"P": dividend, "Q": divisor}
        reference = self.solve(parameters)
        return Instance(parameters, " ".join(map(str, reference)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        dividend, divisor = parameters["P"], parameters["Q"]
        m = len(divisor) - 1
        return (
            f"P(x) = {format_polynomial(dividend)}  (degree {len(dividend) - 1})\n"
            f"Q(x) = {format_polynomial(divisor)}  (degree {m})\n"
            f"Write P(x) = Q(x)*R(x) + S(x) where the remainder S(x) has degree less than {m}. S has integer "
            f"coefficients s_0, ..., s_{m - 1} (s_k multiplies x^k; use 0 for missing terms).\n"
            f"Write s_0 s_1 ... s_{m - 1} on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The remainder's coefficients by exact long division (independent of how P was built)."""
        remainder = [Fraction(c) for c in parameters["P"]]
        divisor = parameters["Q"]
        m = len(divisor) - 1
        for top in range(len(remainder) - 1, m - 1, -1):
            factor = remainder[top] / divisor[-1]
            for i, coefficient in enumerate(divisor):
                remainder[top - m + i] -= factor * coefficient
        result = remainder[:m]
        if any(value.denominator != 1 for value in result):
            raise ValueError("non-integer remainder: generator invariant broken")
        return [int(value) for value in result]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        coefficients = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(coefficients) != len(expected):
            return rewards.invalid(f"expected {len(expected)} coefficients, got {len(coefficients)}")
        matches = sum(a == b for a, b in zip(coefficients, expected, strict=True))
        return rewards.partial(matches / len(expected), 10.0, f"{matches}/{len(expected)} coefficients right")

"""Factor a monic polynomial with integer roots into linear factors."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.math.polynomial_remainder import format_polynomial


def expand_roots(roots: list[int]) -> list[int]:
    """Coefficients (constant term first) of Π (x - a) over `roots`."""
    coefficients = [1]
    for root in roots:
        shifted = [0, *coefficients]  # x · P
        for i, c in enumerate(coefficients):
            shifted[i] -= root * c  # - a · P
        coefficients = shifted
    return coefficients


class PolynomialFactorization(Task):
    """Given the expanded monic polynomial (x - a_1)…(x - a_N), recover the integers a_1, …, a_N.

    The roots are uniform in [-N, N] (repeats allowed); by unique factorisation the answer is this multiset.
    Difficulty: N = d + 3.
    Reward: -1 unparsable or not exactly N integers; otherwise (size of the multiset intersection with the
    roots / N)^5.
    Answer: a_1 … a_N on one line, separated by spaces, in any order.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"degree": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["degree"]
        roots = [rng.randint(-n, n) for _ in range(n)]
        parameters = {"coefficients": expand_roots(roots)}
        return Instance(parameters, " ".join(map(str, roots)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        coefficients = parameters["coefficients"]
        n = len(coefficients) - 1
        return (
            f"The polynomial P(x) = {format_polynomial(coefficients)} has degree {n} and factors as "
            f"(x - a_1)(x - a_2)...(x - a_{n}) for some integers a_1, ..., a_{n} (not necessarily distinct).\n"
            f"Find a_1, ..., a_{n}.\n"
            f"Write the {n} integers on one line, separated by spaces, in any order."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The roots with multiplicity, by synthetic division with every candidate in [-N, N] (where the
        generator draws them); independent of how the coefficients were expanded."""
        coefficients = list(parameters["coefficients"])
        degree = len(coefficients) - 1
        roots: list[int] = []
        for candidate in range(-degree, degree + 1):
            while len(coefficients) > 1 and (quotient := _divide_by_root(coefficients, candidate)) is not None:
                roots.append(candidate)
                coefficients = quotient
        if len(roots) != degree:
            raise ValueError("the polynomial has a root outside [-N, N]: generator invariant broken")
        return roots

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        degree = len(parameters["coefficients"]) - 1
        if len(values) != degree:
            return rewards.unparsable(f"expected {degree} integers, got {len(values)}")
        common = sum((Counter(values) & Counter(self.solve(parameters))).values())
        return rewards.partial(common / degree, 5.0, f"{common}/{degree} roots right")


def _divide_by_root(coefficients: list[int], root: int) -> list[int] | None:
    """P / (x - root) if root is a root of P (synthetic division from the top), else None."""
    degree = len(coefficients) - 1
    quotient = [0] * degree
    carry = 0
    for i in range(degree, 0, -1):
        carry = coefficients[i] + carry * root
        quotient[i - 1] = carry
    return quotient if coefficients[0] + carry * root == 0 else None

"""PolynomialRemainder: the remainder against SymPy's polynomial division (an independent solver)."""

import sympy

from rlve_gym import get_task


def test_remainder_matches_sympy() -> None:
    x = sympy.Symbol("x")
    task = get_task("PolynomialRemainder")
    for difficulty in (0, 2, 5):
        for seed in range(8):
            problem = task.generate(seed, difficulty)
            dividend = sum(c * x**i for i, c in enumerate(problem.parameters["P"]))
            divisor = sum(c * x**i for i, c in enumerate(problem.parameters["Q"]))
            remainder = sympy.Poly(sympy.rem(dividend, divisor, x), x)
            expected = [int(remainder.coeff_monomial(x**i)) for i in range(len(problem.parameters["Q"]) - 1)]
            assert list(map(int, problem.reference_answer.split())) == expected


def test_scoring() -> None:
    task = get_task("PolynomialRemainder")
    problem = task.generate(0, 1)
    coefficients = list(map(int, problem.reference_answer.split()))
    wrong = coefficients[:]
    wrong[0] += 1
    assert (
        task.verify(problem, f"<answer>{' '.join(map(str, wrong))}</answer>").reward
        == ((len(coefficients) - 1) / len(coefficients)) ** 10
    )
    assert task.verify(problem, "<answer>1</answer>").reward == -0.5

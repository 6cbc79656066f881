"""PowerNest: reference expressions evaluated back by an independent recursive parser; grammar checks."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.power_nest import PowerNest, _well_formed

TASK = PowerNest()


def evaluate(text: str) -> tuple[int, list[int]]:
    """Value of an expression and the exponents of its top-level terms (recursive descent)."""
    position = 0

    def expression() -> tuple[int, list[int]]:
        nonlocal position
        exponents = [term()]
        while position < len(text) and text[position] == "+":
            position += 1
            exponents.append(term())
        return sum(2**e for e in exponents), exponents

    def term() -> int:
        nonlocal position
        assert text[position] == "2"
        position += 1
        if position < len(text) and text[position] == "(":
            position += 1
            if text[position] == "0":
                position += 1
                exponent = 0
            else:
                exponent = expression()[0]
            assert text[position] == ")"
            position += 1
            return exponent
        return 1

    value, exponents = expression()
    assert position == len(text)
    return value, exponents


def test_reference_expressions_evaluate_back_and_are_canonical() -> None:
    for number in range(1, 1500):
        expression = TASK.solve({"number": number})
        value, exponents = evaluate(expression)
        assert value == number
        assert exponents == sorted(set(exponents), reverse=True)
        assert _well_formed(expression)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert evaluate(problem.reference_answer)[0] == problem.parameters["number"]


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"number": 137}) == "2(2(2)+2+2(0))+2(2+2(0))+2(0)"
    assert TASK.solve({"number": 1315}) == "2(2(2+2(0))+2)+2(2(2+2(0)))+2(2(2)+2(0))+2+2(0)"
    p = {"number": 3}
    assert TASK.score(p, "2+2(0)").reward == 1.0
    assert TASK.score(p, "2 + 2(0)").reward == 1.0
    assert TASK.score(p, "2(0)+2").reward == 0.0  # well formed, wrong order
    assert TASK.score(p, "2(2)").reward == 0.0
    for bad in ("", "3", "2+", "2()", "(2)", "2(0+2)", "2(2))", "2((2))", "2(0)0", "2^1+2^0", "2(" * 5000):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION, bad
    deep = "2(" * 3000 + "0" + ")" * 3000
    assert TASK.score(p, deep).reward == 0.0

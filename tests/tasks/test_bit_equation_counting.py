"""BitEquationCounting: the independent-sides count against evaluating every assignment."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bit_equation_counting import BitEquationCounting, true_count

TASK = BitEquationCounting()


def evaluate(formula: str, values: tuple[int, ...]) -> int:
    """Evaluate a formula that is fully parenthesised except at the top (a small recursive-descent parser)."""
    tokens = [c for c in formula if c != " "]
    feed = iter(values)
    position = 0

    def operand() -> int:
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "_":
            return next(feed)
        value = binary()
        assert tokens[position] == ")"
        position += 1
        return value

    def binary() -> int:
        nonlocal position
        left = operand()
        if position == len(tokens) or tokens[position] == ")":
            return left
        operator = tokens[position]
        position += 1
        right = operand()
        return {"&": left & right, "|": left | right, "^": left ^ right}[operator]

    return binary()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 7])
def test_reference_count_matches_truth_table(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["expression"].count("_") == p["N"]
        table = sum(evaluate(p["expression"], values) for values in itertools.product((0, 1), repeat=p["N"]))
        assert int(problem.reference_answer) == table


def test_hand_example_and_scoring() -> None:
    assert true_count("(_ & _) | _") == 5
    assert true_count("_ ^ (_ | _)") == 4
    p = {"N": 3, "expression": "(_ & _) | _"}
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "4").reward == pytest.approx(0.8**10)
    assert TASK.score(p, "9").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "-1").reward == rewards.INVALID_SOLUTION

"""Circuit: the verifier accepts exactly the satisfying assignments of the rendered formula."""

from __future__ import annotations

import itertools
import re

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.circuit import Circuit, formula_text

TASK = Circuit()


def evaluate_text(text: str, values: tuple[int, ...]) -> int:
    """Evaluate the printed formula (fully parenthesised except the top) with a small recursive-descent parser."""
    tokens = re.findall(r"x\[\d+\]|[()&|^]", text)
    position = 0

    def operand() -> int:
        nonlocal position
        token = tokens[position]
        position += 1
        if token.startswith("x"):
            return values[int(token[2:-1])]
        value = expression()
        position += 1  # ")"
        return value

    def expression() -> int:
        nonlocal position
        left = operand()
        if position < len(tokens) and tokens[position] in "&|^":
            operator = tokens[position]
            position += 1
            right = operand()
            return {"&": left & right, "|": left | right, "^": left ^ right}[operator]
        return left

    return expression()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_verifier_accepts_exactly_satisfying_assignments(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        text = formula_text(p["nodes"])
        assert text in problem.prompt
        assert len(re.findall(r"x\[", text)) >= 2 * p["N"]
        reference = tuple(map(int, problem.reference_answer.split()))
        assert evaluate_text(text, reference) == 1
        for values in itertools.product((0, 1), repeat=p["N"]):
            answer = " ".join(map(str, values))
            assert TASK.score(p, answer).reward == float(evaluate_text(text, values))


def test_scoring_of_invalid_answers() -> None:
    p = {"N": 2, "nodes": [[1, "&", 2], [0], [1]]}  # x[0] & x[1]
    assert formula_text(p["nodes"]) == "x[0] & x[1]"
    assert TASK.score(p, "1 1").reward == 1.0
    assert TASK.score(p, "1 0").reward == 0.0
    assert TASK.score(p, "1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 1 1").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "true true")

"""Expression_AddingParenthese_Counting: the interval DP against listing every bracketing as a string."""

from __future__ import annotations

import ast
import operator
import random

import pytest

from rlve_gym.envs.counting.expression_adding_parenthese_counting import Expression_AddingParenthese_Counting

TASK = Expression_AddingParenthese_Counting()
APPLY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul}


def bracketings(tokens: list[str]) -> list[str]:
    """Every full bracketing of `number op number op ...` as text."""
    if len(tokens) == 1:
        return tokens
    results = []
    for split in range(1, len(tokens), 2):
        for left in bracketings(tokens[:split]):
            for right in bracketings(tokens[split + 1 :]):
                results.append(f"({left} {tokens[split]} {right})")
    return results


def evaluate(node: ast.AST) -> int:
    """Evaluate a parsed +,-,* integer expression by walking its syntax tree (no eval)."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body)
    if isinstance(node, ast.Constant):
        return node.value
    assert isinstance(node, ast.BinOp)
    return APPLY[type(node.op)](evaluate(node.left), evaluate(node.right))


def brute_force(operands: list[int], operators: list[str]) -> int:
    tokens = [str(operands[0])]
    for op, value in zip(operators, operands[1:]):
        tokens += [op, str(value)]
    return len({evaluate(ast.parse(text, mode="eval")) for text in bracketings(tokens)})


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_bracket_listing(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["operands"], p["operators"]))


def test_random_expressions() -> None:
    rng = random.Random(4)
    for _ in range(40):
        n = rng.randint(1, 6)
        operands = [rng.randint(1, 5) for _ in range(n)]
        operators = [rng.choice("+-*") for _ in range(n - 1)]
        assert TASK.solve({"operands": operands, "operators": operators}) == brute_force(operands, operators)


def test_hand_examples() -> None:
    # 2 - 3 - 4: (2-3)-4 = -5, 2-(3-4) = 3
    assert TASK.solve({"operands": [2, 3, 4], "operators": ["-", "-"]}) == 2
    # 1 + 2 + 3: every bracketing gives 6
    assert TASK.solve({"operands": [1, 2, 3], "operators": ["+", "+"]}) == 1
    # 2 * 3 - 4 * 5: 2*(3-(4*5)) = -34, 2*((3-4)*5) = -10, (2*3)-(4*5) = -14, ((2*3)-4)*5 = 10, (2*(3-4))*5 = -10
    assert TASK.solve({"operands": [2, 3, 4, 5], "operators": ["*", "-", "*"]}) == 4
    assert TASK.score({"operands": [2, 3, 4], "operators": ["-", "-"]}, "0").reward == -1.0
    assert TASK.score({"operands": [2, 3, 4], "operators": ["-", "-"]}, "1").reward == pytest.approx(0.5**10)

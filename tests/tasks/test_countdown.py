"""CountdownEqual: planted expressions hit the target, an exhaustive search agrees it is reachable, and
expression checking (numbers used, division by zero) is exact."""

from fractions import Fraction

from rlve_gym import get_task
from rlve_gym.envs.puzzle.countdown import evaluate_countdown


def reachable(numbers: list[Fraction], target: int) -> bool:
    if len(numbers) == 1:
        return numbers[0] == target
    for i in range(len(numbers)):
        for j in range(len(numbers)):
            if i == j:
                continue
            rest = [numbers[k] for k in range(len(numbers)) if k not in (i, j)]
            a, b = numbers[i], numbers[j]
            results = [a + b, a - b, a * b] + ([a / b] if b else [])
            if any(reachable([*rest, value], target) for value in results):
                return True
    return False


def test_planted_expressions_and_reachability() -> None:
    task = get_task("CountdownEqual")
    for seed in range(8):
        problem = task.generate(seed, 0)
        value, used = evaluate_countdown(problem.reference_answer)
        assert value == problem.parameters["target"] and sorted(used) == sorted(problem.parameters["numbers"])
        assert reachable([Fraction(n) for n in problem.parameters["numbers"]], problem.parameters["target"])


def test_expression_checks() -> None:
    task = get_task("CountdownEqual")
    problem = task.generate(0, 0)
    numbers = problem.parameters["numbers"]
    assert task.verify(problem, f"<answer>{numbers[0]} + {numbers[1]}</answer>").reward == -0.5  # one unused
    assert (
        task.verify(problem, f"<answer>{numbers[0]} / ({numbers[1]} - {numbers[1]}) + {numbers[2]}</answer>").reward
        == -0.5
    )
    assert task.verify(problem, "<answer>import os</answer>").reward == -1.0
    assert (
        task.verify(problem, f"<answer>{problem.reference_answer} = {problem.parameters['target']}</answer>").accuracy
        == 1
    )

"""DoubleStackSorting: the planted operations reproduce the output; the verifier simulates the rules."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.double_stack_sorting import DoubleStackSorting, run_operations

TASK = DoubleStackSorting()


def brute_reachable_outputs(n: int) -> set[tuple[int, ...]]:
    """Every output sequence of length n any operation string can produce (exhaustive over strings of length 2n)."""
    outputs = set()
    for operations in itertools.product("abcd", repeat=2 * n):
        output = run_operations(n, "".join(operations))
        if output is not None and len(output) == n:
            outputs.add(tuple(output))
    return outputs


def test_planted_outputs_are_reachable_and_reference_reproduces_them() -> None:
    reachable = brute_reachable_outputs(4)
    for seed in range(20):
        problem = TASK.generate(seed, 0)
        assert tuple(problem.parameters["output"]) in reachable
        assert run_operations(4, problem.reference_answer) == problem.parameters["output"]
    for difficulty in (1, 2, 6):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            n = problem.parameters["N"]
            assert len(problem.reference_answer) == 2 * n
            assert run_operations(n, problem.reference_answer) == problem.parameters["output"]


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "output": [1, 0, 3, 2]}
    assert TASK.score(parameters, "aabbccdd").reward == 1.0
    assert TASK.score(parameters, "acdbacdb").reward == 1.0  # another way to the same output
    assert TASK.score(parameters, "acbdacbd").reward == 0.0  # output 0 1 2 3: no position right
    assert TASK.score(parameters, "acadbcbd").reward == pytest.approx((1 / 4) ** 10)  # output 1 2 0 3
    assert TASK.score(parameters, "b").reward == -0.5  # pops an empty stack
    assert TASK.score(parameters, "aaaaa").reward == -0.5  # the queue runs out
    assert TASK.score(parameters, "aabb").reward == -0.5  # output too short
    assert TASK.score(parameters, "a a b b c c d d").reward == 1.0
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "aabbccdde")

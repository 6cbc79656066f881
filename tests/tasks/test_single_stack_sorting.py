"""SingleStackSorting: planted outputs are stack-sortable and the verifier simulates the rules."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.double_stack_sorting import run_operations
from rlve_gym.envs.algorithmic.single_stack_sorting import SingleStackSorting

TASK = SingleStackSorting()


def reachable_outputs(n: int) -> set[tuple[int, ...]]:
    """Every output of length n that some string of a's and b's produces (exhaustive over strings of length 2n)."""
    outputs = set()
    for operations in itertools.product("ab", repeat=2 * n):
        output = run_operations(n, "".join(operations))
        if output is not None and len(output) == n:
            outputs.add(tuple(output))
    return outputs


def test_planted_outputs_are_reachable_and_reproduced() -> None:
    reachable = {n: reachable_outputs(n) for n in (3, 4, 5)}
    assert len(reachable[4]) == 14  # the Catalan number C4 counts the stack permutations
    for difficulty in (0, 1, 2):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            n = problem.parameters["N"]
            assert tuple(problem.parameters["output"]) in reachable[n]
            assert run_operations(n, problem.reference_answer) == problem.parameters["output"]
            assert len(problem.reference_answer) == 2 * n


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 3, "output": [1, 0, 2]}
    assert TASK.score(p, "aabbab").reward == 1.0
    assert TASK.score(p, "ababab").reward == pytest.approx((1 / 3) ** 10)  # output 0 1 2
    assert TASK.score(p, "b").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "aaaa").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "aabb").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "aabbac")

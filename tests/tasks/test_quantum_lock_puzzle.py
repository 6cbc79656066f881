"""QuantumLockPuzzle: planted presses replayed by an independent simulator; the early exit never changes a verdict."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.quantum_lock_puzzle import QuantumLockPuzzle

TASK = QuantumLockPuzzle()
OPERATIONS = {"+": lambda y, v: y + v, "-": lambda y, v: y - v, "*": lambda y, v: y * v}


def replay(parameters: dict, presses: list[int]) -> int:
    value, bit = parameters["Y_start"], 0
    for button in presses:
        operation, operand = parameters["buttons"][button][bit]
        value = OPERATIONS[operation](value, operand)
        bit = 1 - bit
    return value


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_reference_presses_reach_the_target(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        presses = [int(v) for v in problem.reference_answer.split()]
        assert replay(problem.parameters, presses) == problem.parameters["Y_target"]


def test_early_exit_agrees_with_full_replay() -> None:
    rng = random.Random(3)
    for _ in range(400):
        problem = TASK.generate(rng.randrange(10**6), rng.randint(0, 4))
        p = problem.parameters
        presses = [rng.randrange(len(p["buttons"])) for _ in range(rng.randint(0, 12))]
        expected = replay(p, presses) == p["Y_target"]
        assert TASK.score(p, " ".join(map(str, presses))).accuracy == int(expected)


def test_hand_example_and_rewards() -> None:
    p = {"Y_start": 1, "Y_target": 6, "buttons": [[["+", 2], ["*", 2]], [["-", 1], ["+", 1]]]}
    assert TASK.score(p, "0 0").reward == 1.0  # 1 + 2 = 3, then 3 · 2 = 6
    assert TASK.score(p, "0 1").reward == 0.0  # 3 + 1 = 4
    assert TASK.score(p, "").reward == 0.0
    assert TASK.score(p, "0 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, " ".join(["0"] * 50_000)).reward == 0.0  # grows without bound, stopped early
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0, a")

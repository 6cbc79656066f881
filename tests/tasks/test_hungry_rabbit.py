"""HungryRabbit: the verifier on hand-made answers, and planted references always valid."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.hungry_rabbit import HungryRabbit

TASK = HungryRabbit()


def test_planted_sequences_obey_every_rule() -> None:
    for difficulty in (0, 2, 6, 12):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            sets = [set(map(int, line.split())) for line in problem.reference_answer.split("\n")]
            assert len(sets) == p["M"] and all(len(s) == p["K"] for s in sets)
            assert all(not s & set(banned) and banned for s, banned in zip(sets, p["forbidden"]))
            assert all(p["K"] - len(a & b) <= p["L"] for a, b in itertools.pairwise(sets))


def test_hand_example_and_every_reward_branch() -> None:
    parameters = {"N": 5, "M": 3, "K": 2, "L": 1, "forbidden": [[5], [1], [4, 5]]}
    assert TASK.score(parameters, "1 2\n2 3\n3 1").reward == 1.0
    assert TASK.score(parameters, "1 2\n3 4\n3 2").reward == pytest.approx(0.5**10)  # 1 -> 2 swaps both numbers
    assert TASK.score(parameters, "1 2\n3 4\n1 2").reward == 0.0
    assert TASK.score(parameters, "1 2\n2 3\n3 4").reward == -0.2  # 4 is forbidden in S(3)
    assert TASK.score(parameters, "1 2\n2 3").reward == -0.5  # too few sets
    assert TASK.score(parameters, "1 2\n2 2\n3 1").reward == -0.5  # repeated number
    assert TASK.score(parameters, "1 2\n2 3 4\n3 1").reward == -0.5  # wrong size
    assert TASK.score(parameters, "1 2\n2 3\n3 6").reward == -0.5  # out of range
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "1 2\n2 x\n3 1")

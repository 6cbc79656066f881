"""MinimalCyclicShift: the two-pointer algorithm against the minimum over all rotations."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.minimal_cyclic_shift import MinimalCyclicShift

TASK = MinimalCyclicShift()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        text = problem.parameters["S"]
        assert problem.reference_answer == min(text[i:] + text[:i] for i in range(len(text)))


def test_every_short_binary_string() -> None:
    for n in range(1, 11):
        for bits in itertools.product("01", repeat=n):
            text = "".join(bits)
            assert TASK.solve({"S": text}) == min(text[i:] + text[:i] for i in range(n)), text


def test_hand_example() -> None:
    p = {"S": "1101"}
    assert TASK.solve(p) == "0111"
    assert TASK.score(p, "0111").reward == 1.0
    assert TASK.score(p, "0 1 1 1").reward == 1.0
    assert TASK.score(p, "1011").reward == pytest.approx(0.5**10)
    for bad in ("011", "01110", "0112"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

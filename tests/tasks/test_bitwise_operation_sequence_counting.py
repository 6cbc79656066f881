"""BitwiseOperationSequenceCounting: the interval formula against trying every operator sequence."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bitwise_operation_sequence_counting import (
    BitwiseOperationSequenceCounting,
    operator_sequence_count,
)

TASK = BitwiseOperationSequenceCounting()


def brute_force(strings: list[str], result: str) -> int:
    count = 0
    for operators in itertools.product("&|", repeat=len(strings) - 1):
        value = int(strings[0], 2)
        for operator, text in zip(operators, strings[1:]):
            value = value & int(text, 2) if operator == "&" else value | int(text, 2)
        count += value == int(result, 2)
    return count


def test_formula_matches_enumeration_with_any_start_string() -> None:
    rng = random.Random(5)
    for _ in range(300):
        n, m = rng.randint(1, 6), rng.randint(1, 5)
        strings = ["".join(rng.choice("01") for _ in range(m)) for _ in range(n + 1)]
        result = "".join(rng.choice("01") for _ in range(m))
        assert operator_sequence_count(strings, result) == brute_force(strings, result)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert set(p["A"][0]) == {"0"}
        expected = brute_force(p["A"], p["R"])
        assert expected >= 1 and int(problem.reference_answer) == expected


def test_hand_example_and_scoring() -> None:
    p = {"A": ["00", "11", "01"], "R": "01"}  # (0 | 11) & 01 = 01 and (0 | 11) | 01 = 11, (0 & 11) | 01 = 01
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-2").reward == rewards.WRONG_FORMAT

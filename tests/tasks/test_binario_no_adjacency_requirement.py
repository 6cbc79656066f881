"""Binario_NoAdjacencyRequirement: the verifier accepts exactly the balanced completions found by search."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.binario_no_adjacency_requirement import Binario_NoAdjacencyRequirement

TASK = Binario_NoAdjacencyRequirement()


def balanced_completions(given: list[str]) -> set[str]:
    rows, columns = len(given), len(given[0])
    blanks = [(r, c) for r in range(rows) for c in range(columns) if given[r][c] == "*"]
    found = set()
    for bits in itertools.product("01", repeat=len(blanks)):
        grid = [list(row) for row in given]
        for (r, c), bit in zip(blanks, bits):
            grid[r][c] = bit
        lines = ["".join(row) for row in grid]
        if all(line.count("1") * 2 == columns for line in lines) and all(
            "".join(col).count("1") * 2 == rows for col in zip(*lines)
        ):
            found.add("\n".join(lines))
    return found


@pytest.mark.parametrize("difficulty", [0, 1])
def test_accepts_exactly_the_balanced_completions(difficulty: int) -> None:
    checked = 0
    for seed in range(20):
        problem = TASK.generate(seed, difficulty)
        given = problem.parameters["grid"]
        blanks = sum(row.count("*") for row in given)
        if blanks > 10:
            continue
        completions = balanced_completions(given)
        assert problem.reference_answer in completions
        rows, columns = len(given), len(given[0])
        positions = [(r, c) for r in range(rows) for c in range(columns) if given[r][c] == "*"]
        for bits in itertools.product("01", repeat=blanks):
            grid = [list(row) for row in given]
            for (r, c), bit in zip(positions, bits):
                grid[r][c] = bit
            answer = "\n".join("".join(row) for row in grid)
            assert (TASK.score(problem.parameters, answer).accuracy == 1) == (answer in completions)
        checked += 1
    assert checked >= 4


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["1*0*", "*1**", "0*1*", "****"]}
    assert TASK.score(p, "1100\n0110\n0011\n1001").reward == 1.0
    assert TASK.score(p, "1100\n0110\n0011\n1000").reward == 0.0  # last row unbalanced
    assert TASK.score(p, "0101\n1010\n0101\n1010").reward == rewards.INVALID_SOLUTION  # changed a given cell
    for bad in ("1100\n0110\n0011", "1100\n0110\n0011\n100", "1100\n0110\n0011\n10x1"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

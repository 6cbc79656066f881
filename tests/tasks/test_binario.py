"""Binario: the verifier accepts exactly the grids an exhaustive search finds, and rejects broken ones."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.binario import Binario, random_binario_grid

TASK = Binario()


def rule_solutions(p: dict) -> set[str]:
    given = p["grid"]
    rows, columns = len(given), len(given[0])
    found = set()
    for bits in itertools.product("01", repeat=rows * columns):
        grid = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
        if any(g != "*" and g != c for row, grow in zip(grid, given) for c, g in zip(row, grow)):
            continue
        lines = grid + ["".join(col) for col in zip(*grid)]
        if any(line[i] == line[i + 1] == line[i + 2] for line in lines for i in range(len(line) - 2)):
            continue
        if [row.count("1") for row in grid] == p["row_counts"] and [
            col.count("1") for col in map("".join, zip(*grid))
        ] == p["column_counts"]:
            found.add("\n".join(grid))
    return found


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_rule_solutions(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        rows, columns = len(p["grid"]), len(p["grid"][0])
        solutions = rule_solutions(p)
        assert problem.reference_answer in solutions
        for bits in itertools.product("01", repeat=rows * columns):
            grid = "\n".join("".join(bits[r * columns : (r + 1) * columns]) for r in range(rows))
            assert (TASK.score(p, grid).accuracy == 1) == (grid in solutions)


def test_generated_grids_never_have_three_in_a_row() -> None:
    rng = random.Random(4)
    for _ in range(50):
        rows, columns = rng.randint(2, 12), rng.randint(2, 12)
        grid = ["".join(row) for row in random_binario_grid(rng, rows, columns)]
        for line in grid + ["".join(col) for col in zip(*grid)]:
            assert "000" not in line and "111" not in line


def test_hand_example_and_invalid_answers() -> None:
    p = {"grid": ["1*0", "*1*", "0**"], "row_counts": [2, 2, 1], "column_counts": [2, 2, 1]}
    assert TASK.score(p, "110\n011\n001").reward == pytest.approx((4 / 6) ** 10)  # counts off
    assert TASK.score(p, "110\n110\n001").reward == 1.0
    assert TASK.score(p, "010\n101\n010").reward == rewards.INVALID_SOLUTION  # changed the given 1
    assert TASK.score(p, "100\n111\n010").reward == rewards.INVALID_SOLUTION  # three 1s in a row
    for bad in ("110\n101", "110\n101\n01", "110\n1x1\n010"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

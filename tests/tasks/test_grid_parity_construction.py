"""GridParityConstruction: the verifier on hand-made answers, and the GF(2) solver against all small grids."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.grid_parity_construction import GridParityConstruction, parity_grid

TASK = GridParityConstruction()


@pytest.mark.parametrize(("rows", "columns"), [(1, 1), (2, 2), (2, 3), (3, 3), (1, 5)])
def test_solver_finds_a_grid_exactly_when_one_exists(rows: int, columns: int) -> None:
    reachable = set()
    for bits in itertools.product("01", repeat=rows * columns):
        grid = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
        reachable.add(tuple(parity_grid(grid)))
    for bits in itertools.product("01", repeat=rows * columns):
        parity = ["".join(bits[r * columns : (r + 1) * columns]) for r in range(rows)]
        found = TASK.solve({"N": rows, "M": columns, "parity": parity})
        assert (found is not None) == (tuple(parity) in reachable)
        if found is not None:
            assert parity_grid(found) == parity


def test_generated_problems_are_solvable_and_solver_answers_accepted() -> None:
    for difficulty in (0, 3, 10):
        for seed in range(4):
            problem = TASK.generate(seed, difficulty)
            assert parity_grid(problem.reference_answer.split("\n")) == problem.parameters["parity"]
            found = TASK.solve(problem.parameters)
            assert found is not None and TASK.score(problem.parameters, "\n".join(found)).reward == 1.0


def test_hand_example_and_partial_credit() -> None:
    # the grid 10 / 00 has parity 11 / 10
    parameters = {"N": 2, "M": 2, "parity": ["11", "10"]}
    assert TASK.score(parameters, "10\n00").reward == 1.0
    assert TASK.score(parameters, "1 0\n0 0").reward == 1.0  # spaces inside a row are ignored
    assert TASK.score(parameters, "00\n00").reward == pytest.approx((1 / 4) ** 5)  # parity 00/00 matches one cell
    for malformed in ("10\n0", "10", "12\n00", "10\n00\n00"):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, malformed)

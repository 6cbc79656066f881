"""SurvoPuzzle: a hand-solved grid, every invalid kind, partial credit, and planted solutions being valid."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.survo_puzzle import SurvoPuzzle

TASK = SurvoPuzzle()

# solution 0 1 2 / 3 4 5 with cells 1 and 4 blanked
PUZZLE = {"matrix": [[0, -1, 2], [3, -1, 5]], "row_sums": [3, 12], "col_sums": [3, 5, 7]}


def test_hand_solved_grid_and_an_alternative() -> None:
    assert TASK.score(PUZZLE, "0 1 2\n3 4 5").reward == 1.0
    # swapping the two blanks keeps the columns but breaks both rows: 3/5 sums right
    assert TASK.score(PUZZLE, "0 4 2\n3 1 5").reward == pytest.approx((3 / 5) ** 5)


def test_invalid_answers() -> None:
    for bad in ("0 1 2\n3 4 4", "0 1 2\n3 4 6", "1 0 2\n3 4 5"):
        assert TASK.score(PUZZLE, bad).reward == rewards.INVALID_SOLUTION
    for malformed in ("0 1 2 3 4 5", "0 1\n2 3\n4 5", "0 1 2\n3 4 x"):
        with pytest.raises(AnswerFormatError):
            TASK.score(PUZZLE, malformed)


@pytest.mark.parametrize("difficulty", [0, 2, 10])
def test_planted_solution_matches_clues(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        solution = [list(map(int, line.split())) for line in problem.reference_answer.split("\n")]
        assert [sum(row) for row in solution] == p["row_sums"]
        assert all(g in (-1, v) for grow, srow in zip(p["matrix"], solution) for g, v in zip(grow, srow))
        assert any(-1 in row for row in p["matrix"])

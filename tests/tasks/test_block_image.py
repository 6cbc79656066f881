"""BlockImage: the renderer reproduces hand-checked pictures, and the verifier grades characters."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.block_image import CUBE, BlockImage, draw

TASK = BlockImage()

TWO_BY_TWO = """\
....+---+....
.../   /|....
..+---+ |....
..|   | +---+
..|   |/   /|
..+---+---+ |
./   /   /| +
+---+---+ |/.
|   |   | +..
|   |   |/...
+---+---+...."""


def test_single_cube_and_hand_drawn_grid() -> None:
    assert draw([[1]]) == list(CUBE)
    assert "\n".join(draw([[2, 1], [1, 1]])) == TWO_BY_TWO
    tower = """\
..+---+
./   /|
+---+ |
|   | +
|   |/|
+---+ |
|   | +
|   |/.
+---+.."""
    assert "\n".join(draw([[2]])) == tower


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_picture_size_and_reference(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        heights = problem.parameters["heights"]
        rows, columns = len(heights), len(heights[0])
        lines = problem.reference_answer.split("\n")
        assert len(lines[0]) == 4 * columns + 2 * rows + 1
        assert len(lines) == max(3 * h + 2 * (rows - 1 - i) + 3 for i, row in enumerate(heights) for h in row)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_scoring() -> None:
    p = {"heights": [[1]]}
    picture = list(CUBE)
    assert TASK.score(p, "\n".join(picture)).reward == 1.0
    changed = ["." * 7, *picture[1:]]
    assert TASK.score(p, "\n".join(changed)).reward == pytest.approx((37 / 42) ** 2)
    assert TASK.score(p, "\n".join(picture[:-1])).reward == 0.0  # wrong size
    assert TASK.score(p, "\n".join(["..+---#", *picture[1:]])).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "\n".join(["..+---+.", *picture[1:]]))

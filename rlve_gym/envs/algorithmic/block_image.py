"""Draw stacks of cubes on a grid as an ASCII isometric picture."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 2.0
_MAX_HEIGHT = 5
_ALLOWED = set(".+-/| ")
CUBE = (
    "..+---+",
    "./   /|",
    "+---+ |",
    "|   | +",
    "|   |/.",
    "+---+..",
)
"""One cube; '.' marks transparent positions."""


def draw(heights: list[list[int]]) -> list[str]:
    """The picture of the stacks: back row first, left to right, bottom to top, later cubes covering earlier ones.

    A cube in row i (of M), column j, level k is shifted 2·(M−1−i) + 4·j characters right and 2·(M−1−i) + 3·k lines
    up from the bottom-left corner of the picture.
    """
    rows, columns = len(heights), len(heights[0])
    width = 2 * (rows - 1) + 4 * (columns - 1) + len(CUBE[0])
    height = max(2 * (rows - 1 - i) + 3 * (h - 1) + len(CUBE) for i, row in enumerate(heights) for h in row)
    canvas = [["."] * width for _ in range(height)]  # canvas[0] is the bottom line
    for i, row in enumerate(heights):
        depth = rows - 1 - i
        for j, stack in enumerate(row):
            for level in range(stack):
                right, up = 2 * depth + 4 * j, 2 * depth + 3 * level
                for line_number, line in enumerate(CUBE):
                    y = up + len(CUBE) - 1 - line_number
                    for x, char in enumerate(line):
                        if char != ".":
                            canvas[y][right + x] = char
    return ["".join(line) for line in reversed(canvas)]


_EXAMPLES = ([[2, 1], [1, 1]], [[1, 3]])


def _example(avoid: list[list[int]]) -> str:
    heights = next(example for example in _EXAMPLES if example != avoid)
    rows, columns = len(heights), len(heights[0])
    grid = "\n".join(" ".join(map(str, row)) for row in heights)
    return f"For example, the {rows} x {columns} grid\n{grid}\nis drawn as\n" + "\n".join(draw(heights))


class BlockImage(Task):
    """Draw an M × N grid of cube stacks as ASCII art in a fixed isometric style.

    Every cube is the same 6-line, 7-character picture; stacks are drawn back row first, left to right, bottom to
    top, each cube covering what lies under its non-'.' characters.
    Difficulty: M and N uniform in [1, MAX], MAX = d + 2; stack heights uniform in [1, 5].
    Reward: -1 unparsable (no lines, or lines of unequal length); -0.5 for a character outside . + - / | and space;
    0 for a picture of the wrong size; otherwise (fraction of characters equal to the true picture)^2.
    Answer: the picture, one line per row, every line the same length.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(1, largest), rng.randint(1, largest)
        heights = [[rng.randint(1, _MAX_HEIGHT) for _ in range(columns)] for _ in range(rows)]
        parameters = {"heights": heights}
        return Instance(parameters, "\n".join(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heights = parameters["heights"]
        rows, columns = len(heights), len(heights[0])
        grid = "\n".join(" ".join(map(str, row)) for row in heights)
        cube = "\n".join(CUBE)
        return (
            f"A {rows} x {columns} grid holds stacks of unit cubes; the number in row i, column j is the height of "
            f"the stack on that cell (row 1 is at the back, row {rows} at the front):\n{grid}\n"
            f"Draw the stacks as ASCII art. A single cube is drawn as these 6 lines of 7 characters:\n{cube}\n"
            "Here + is a corner, - runs along the length, | along the height and / along the depth; the '.' "
            "characters are transparent.\n"
            "Placement: moving one column to the right shifts a cube 4 characters right; moving one row towards the "
            "back shifts it 2 characters right and 2 lines up; stacking one level higher shifts it 3 lines up. The "
            f"lowest cube of row {rows}, column 1 sits at the bottom-left corner of the picture, and the picture is "
            "the smallest rectangle holding every cube.\n"
            "Draw the back row first and the front row last; within a row go from left to right, and within a "
            "stack from bottom to top. Each cube overwrites what was drawn before at its non-transparent "
            "characters (spaces included). Fill every position that no cube covers with '.'.\n"
            f"{_example(heights)}\n"
            "Write the picture for the grid above: one line per row of the picture, all lines the same length, using "
            "only the characters . + - / | and space."
        )

    def solve(self, parameters: dict[str, Any]) -> list[str]:
        """The picture, top line first."""
        return draw(parameters["heights"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        lines = [line.strip() for line in answer.split("\n") if line.strip()]
        if not lines or any(len(line) != len(lines[0]) for line in lines):
            raise AnswerFormatError("expected lines of equal length")
        if any(char not in _ALLOWED for line in lines for char in line):
            return rewards.invalid("only . + - / | and space may be used")
        picture = self.solve(parameters)
        if len(lines) != len(picture) or len(lines[0]) != len(picture[0]):
            return rewards.wrong("the picture has the wrong size")
        right = sum(a == b for line, true in zip(lines, picture, strict=True) for a, b in zip(line, true, strict=True))
        total = len(picture) * len(picture[0])
        return rewards.partial(right / total, _BETA, f"{right}/{total} characters right")

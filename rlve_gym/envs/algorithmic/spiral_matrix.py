"""Reading a matrix in clockwise spiral order."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class SpiralMatrix(Task):
    """List the entries of an M×N matrix in clockwise spiral order from the top-left corner.

    Difficulty: M and N are drawn in [2, S] with S growing as S ← int(1.1·S + 1) from 3; entries in [1, M·N].
    Reward: -1 unparsable; -0.5 wrong count; else (fraction of positions right)^5.
    Answer: the M·N entries on one line in spiral order, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        matrix = [[rng.randint(1, rows * columns) for _ in range(columns)] for _ in range(rows)]
        parameters = {"matrix": matrix}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix = parameters["matrix"]
        body = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"Here is a {len(matrix)} x {len(matrix[0])} matrix:\n{body}\n"
            "Read its entries in clockwise spiral order: start at the top-left corner, go right along the top row, "
            "down the right column, left along the bottom row, up the left column, then continue inwards the same "
            "way until every entry has been read once. For example, the matrix\n1 2 3\n4 5 6\n7 8 9\n"
            "reads 1 2 3 6 9 8 7 4 5.\n"
            "Write the entries on one line in that order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Spiral order by walking and turning right at walls or visited cells."""
        matrix = parameters["matrix"]
        rows, columns = len(matrix), len(matrix[0])
        seen = [[False] * columns for _ in range(rows)]
        directions = ((0, 1), (1, 0), (0, -1), (-1, 0))
        row = column = heading = 0
        order = []
        for _ in range(rows * columns):
            order.append(matrix[row][column])
            seen[row][column] = True
            next_row, next_column = row + directions[heading][0], column + directions[heading][1]
            if not (0 <= next_row < rows and 0 <= next_column < columns) or seen[next_row][next_column]:
                heading = (heading + 1) % 4
                next_row, next_column = row + directions[heading][0], column + directions[heading][1]
            row, column = next_row, next_column
        return order

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(values) != len(expected):
            return rewards.invalid(f"expected {len(expected)} entries, got {len(values)}")
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / len(expected), 5.0, f"{matches}/{len(expected)} positions right")

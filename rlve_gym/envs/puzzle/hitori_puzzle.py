"""Hitori: black out cells so that no number repeats in a line, blacks never touch, and whites stay connected."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, neighbours, parse_char_grid
from rlve_gym.envs.common.ladders import stepped


def whites_connected(grid: list[str] | list[list[str]]) -> bool:
    """True iff the cells that are not '*' are non-empty and edge-connected."""
    rows, columns = len(grid), len(grid[0])
    whites = [(r, c) for r in range(rows) for c in range(columns) if grid[r][c] != "*"]
    if not whites:
        return False
    seen = {whites[0]}
    queue = deque([whites[0]])
    while queue:
        r, c = queue.popleft()
        for cell in neighbours(r, c, rows, columns):
            if cell not in seen and grid[cell[0]][cell[1]] != "*":
                seen.add(cell)
                queue.append(cell)
    return len(seen) == len(whites)


class HitoriPuzzle(Task):
    """Black out cells of an N × M grid of numbers so that no number repeats among the remaining cells of any
    row or column, no two blacked-out cells share an edge, and the remaining cells are edge-connected.

    A solution is planted: cells are visited in random order; each is tried black first with probability 1/2
    (allowed when its row or column already has a white number to copy, no black neighbour, and the other cells
    stay connected) and otherwise made white with the smallest number not yet used by whites in its row and
    column. Any answer obeying the rules is accepted.
    Difficulty: N and M are drawn in [2, d + 4].
    Reward: -1 unparsable, wrong shape, or a character other than . and *; -0.5 if two blacked-out cells touch or
    the remaining cells are not connected; else (rows and columns without repeats / (N + M))^10.
    Answer: N lines of M characters, . for a remaining cell and * for a blacked-out cell, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        numbers = [[-1] * columns for _ in range(rows)]
        shading = [["."] * columns for _ in range(rows)]
        for cell in rng.sample(range(rows * columns), rows * columns):
            row, column = divmod(cell, columns)
            line_whites = {numbers[row][c] for c in range(columns) if shading[row][c] == "." and numbers[row][c] >= 0}
            line_whites |= {
                numbers[r][column] for r in range(rows) if shading[r][column] == "." and numbers[r][column] >= 0
            }
            if line_whites and rng.random() < 0.5:
                touching = any(shading[r][c] == "*" for r, c in neighbours(row, column, rows, columns))
                if not touching:
                    shading[row][column] = "*"
                    if whites_connected(shading):
                        numbers[row][column] = rng.choice(sorted(line_whites))
                        continue
                    shading[row][column] = "."
            numbers[row][column] = min(set(range(len(line_whites) + 1)) - line_whites)
        return Instance({"grid": numbers}, format_rows(shading))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a grid of {rows} rows and {columns} columns of numbers:\n{body}\n"
            "Black out some cells so that:\n"
            "1. in every row and every column, no number appears twice among the cells that are not blacked out;\n"
            "2. no two blacked-out cells are next to each other horizontally or vertically;\n"
            "3. the cells that are not blacked out form one region connected through horizontal and vertical steps.\n"
            f"Write {rows} lines of {columns} characters without separators: . for a cell that stays and * for a "
            "blacked-out cell."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = parameters["grid"]
        rows, columns = len(numbers), len(numbers[0])
        shading = parse_char_grid(answer, rows, columns, ".*")
        if any("**" in line for line in shading + ["".join(row[c] for row in shading) for c in range(columns)]):
            return rewards.invalid("two blacked-out cells touch")
        if not whites_connected(shading):
            return rewards.invalid("the remaining cells are not connected")
        satisfied = 0
        for r in range(rows):
            kept = [numbers[r][c] for c in range(columns) if shading[r][c] == "."]
            satisfied += len(kept) == len(set(kept))
        for c in range(columns):
            kept = [numbers[r][c] for r in range(rows) if shading[r][c] == "."]
            satisfied += len(kept) == len(set(kept))
        return rewards.partial(
            satisfied / (rows + columns), 10.0, f"{satisfied}/{rows + columns} lines without repeats"
        )

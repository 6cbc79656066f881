"""Turn one grid into another by cyclic shifts of rows and columns of bounded length."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import MAX_ITEMS, parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_STEP_COUNTS = (2, 3, 4, 5, 6, 7, 8, 9, 10)
_REDRAWS = 20


def apply_shift(grid: list[list[int]], kind: str, index: int, shift: int) -> None:
    """Cyclically shift row `index` right (column `index` down) by `shift` cells, in place; negative = left/up."""
    if kind == "row":
        row = grid[index]
        shift %= len(row)
        grid[index] = row[-shift:] + row[:-shift] if shift else row
    else:
        column = [row[index] for row in grid]
        shift %= len(column)
        column = column[-shift:] + column[:-shift] if shift else column
        for row, value in zip(grid, column, strict=True):
            row[index] = value


def parse_moves(answer: str) -> list[tuple[str, int, int]]:
    """Lines of the form `row i s` or `column j s`."""
    lines = [line.split() for line in answer.strip().split("\n") if line.strip()]
    if not lines:
        raise AnswerFormatError("expected at least one move")
    if len(lines) > MAX_ITEMS:
        raise AnswerFormatError(f"more than {MAX_ITEMS} moves")
    moves = []
    for tokens in lines:
        if len(tokens) != 3 or tokens[0].lower() not in ("row", "column"):
            raise AnswerFormatError("each move must read 'row <index> <shift>' or 'column <index> <shift>'")
        moves.append((tokens[0].lower(), parse_int(tokens[1]), parse_int(tokens[2])))
    return moves


class NinePuzzle(Task):
    """Transform a start grid of the numbers 0..N·M-1 into a target grid by cyclic shifts: a row by at most R cells
    left or right, or a column by at most C cells up or down.

    The target is made by applying a random number (drawn from {2, ..., 10}) of random non-zero shifts to a random
    start grid (redrawn, at most 20 times, while they cancel out); those shifts are the reference. Any sequence
    of legal shifts that ends on the target is accepted.
    Difficulty: N and M are drawn in [2, d + 3]; R in [1, M - 1] and C in [1, N - 1].
    Reward: -1 unparsable; -0.5 if a move names a row or column that does not exist or shifts too far; else
    (cells equal to the target after all moves / (N·M))^10.
    Answer: one move per line, `row <i> <s>` or `column <j> <s>` (0-based index; s > 0 shifts right/down, s < 0
    left/up).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        row_limit, column_limit = rng.randint(1, columns - 1), rng.randint(1, rows - 1)
        numbers = rng.sample(range(rows * columns), rows * columns)
        start = [numbers[r * columns : (r + 1) * columns] for r in range(rows)]
        for _ in range(_REDRAWS):  # redraw moves that cancel out (the target would equal the start)
            target = [row[:] for row in start]
            moves = []
            for _ in range(rng.choice(_STEP_COUNTS)):
                kind = rng.choice(("row", "column"))
                index = rng.randrange(rows if kind == "row" else columns)
                limit = row_limit if kind == "row" else column_limit
                shift = rng.choice([s for s in range(-limit, limit + 1) if s])
                apply_shift(target, kind, index, shift)
                moves.append(f"{kind} {index} {shift}")
            if target != start:
                break
        parameters = {"start": start, "target": target, "row_limit": row_limit, "column_limit": column_limit}
        return Instance(parameters, "\n".join(moves))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        start, target = parameters["start"], parameters["target"]
        rows, columns = len(start), len(start[0])

        def show(grid: list[list[int]]) -> str:
            return "\n".join(" ".join(map(str, row)) for row in grid)

        def cells(count: int) -> str:
            return f"{count} cell{'s' if count > 1 else ''}"

        return (
            f"A grid of {rows} rows and {columns} columns holds the numbers 0 to {rows * columns - 1}:\n{show(start)}\n"
            f"Turn it into this grid:\n{show(target)}\n"
            f"A move either shifts one row cyclically left or right by at most {cells(parameters['row_limit'])}, or "
            f"shifts one column cyclically up or down by at most {cells(parameters['column_limit'])} (cells pushed "
            "off one end come back at the other).\n"
            "Write one move per line, in the order they are made, as 'row <i> <s>' or 'column <j> <s>', where i or "
            "j is the 0-based index and s is the shift: positive for right or down, negative for left or up (for "
            "example 'row 0 2' or 'column 1 -1')."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        moves = parse_moves(answer)
        grid = [row[:] for row in parameters["start"]]
        rows, columns = len(grid), len(grid[0])
        for kind, index, shift in moves:
            size, limit = (rows, parameters["row_limit"]) if kind == "row" else (columns, parameters["column_limit"])
            if not 0 <= index < size:
                return rewards.invalid(f"there is no {kind} {index}")
            if abs(shift) > limit:
                return rewards.invalid(f"a {kind} may move at most {limit} cells")
            apply_shift(grid, kind, index, shift)
        same = sum(a == b for row, goal in zip(grid, parameters["target"], strict=True) for a, b in zip(row, goal))
        return rewards.partial(same / (rows * columns), 10.0, f"{same}/{rows * columns} cells in place")

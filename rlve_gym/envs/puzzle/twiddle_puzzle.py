"""Twiddle: reach a target grid by rotating K × K blocks a quarter turn counterclockwise."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_STEPS = (2, 3, 4, 5, 6, 7, 8, 9, 10)


def rotate(grid: list[list[int]], row: int, column: int, size: int) -> None:
    """Rotate the size × size block with top-left corner (row, column) a quarter turn counterclockwise, in place:
    the block's entry at (x, y) moves to (size − 1 − y, x)."""
    block = [grid[row + x][column : column + size] for x in range(size)]
    for x in range(size):
        for y in range(size):
            grid[row + size - 1 - y][column + x] = block[x][y]


def _rotation_sources(rows: int, columns: int, row: int, column: int, size: int) -> list[int]:
    """For a row-major flat grid: the rotated grid's cell t takes the old grid's cell sources[t]."""
    sources = list(range(rows * columns))
    for x in range(size):
        for y in range(size):
            sources[(row + size - 1 - y) * columns + column + x] = (row + x) * columns + column + y
    return sources


class TwiddlePuzzle(Task):
    """Turn a start grid into a target grid by quarter-turn counterclockwise rotations of K × K blocks.

    The N × M start grid holds a random arrangement of 0..NM−1; the target is the result of a planted sequence of
    `steps` random rotations, which is the reference answer (any sequence reaching the target is accepted).
    Difficulty: N and M uniform in [2, MAX_N_M], MAX_N_M ← MAX_N_M + 1 from 3; K uniform in [2, min(N, M)];
    steps drawn from {2, 3, …, 10}.
    Reward: -1 unparsable or a line that is not two integers; -0.5 if a block would leave the grid; otherwise
    (cells matching the target / NM)^5.
    Answer: one rotation per line as "i j" (the block's top-left row and column, 0-based), in the order performed.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N_M": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_N_M"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        size = rng.randint(2, min(n, m))
        values = rng.sample(range(n * m), n * m)
        start = [values[r * m : (r + 1) * m] for r in range(n)]
        target = [row[:] for row in start]
        moves = []
        for _ in range(rng.choice(_STEPS)):
            move = [rng.randint(0, n - size), rng.randint(0, m - size)]
            rotate(target, move[0], move[1], size)
            moves.append(move)
        parameters = {"K": size, "start_grid": start, "destination_grid": target}
        return Instance(parameters, "\n".join(f"{i} {j}" for i, j in moves))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        start, target, size = parameters["start_grid"], parameters["destination_grid"], parameters["K"]
        n, m = len(start), len(start[0])
        return (
            f"An {n} × {m} grid holds each of the numbers 0 to {n * m - 1} once:\n"
            + "\n".join(" ".join(map(str, row)) for row in start)
            + f"\nOne move picks a cell (i, j) with 0 ≤ i ≤ {n - size} and 0 ≤ j ≤ {m - size} and rotates the "
            f"{size} × {size} block whose top-left corner is (i, j) by 90 degrees counterclockwise (rows and columns "
            "are numbered from 0).\n"
            "Using such moves, turn the grid into this one:\n"
            + "\n".join(" ".join(map(str, row)) for row in target)
            + "\nWrite your moves in the order you make them, one per line, each as the two numbers i j."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        start, target, size = parameters["start_grid"], parameters["destination_grid"], parameters["K"]
        n, m = len(start), len(start[0])
        moves = parse_int_rows(answer) if answer.strip() else []
        if any(len(move) != 2 for move in moves):
            raise AnswerFormatError("each line must hold two integers i j")
        if any(not (0 <= i <= n - size and 0 <= j <= m - size) for i, j in moves):
            return rewards.invalid("a rotated block would leave the grid")
        # one whole-grid gather per move keeps long answers fast (each distinct move's gather is built once)
        flat = [value for row in start for value in row]
        gathers: dict[tuple[int, int], list[int]] = {}
        for i, j in moves:
            if (i, j) not in gathers:
                gathers[(i, j)] = _rotation_sources(n, m, i, j, size)
            flat = list(map(flat.__getitem__, gathers[(i, j)]))
        matching = sum(a == b for a, b in zip(flat, (value for row in target for value in row)))
        return rewards.partial(matching / (n * m), _BETA, f"{matching}/{n * m} cells match")

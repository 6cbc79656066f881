"""Add K queens to a board with queens so that no two queens attack each other."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import stepped


def queens_attack(queens: list[tuple[int, int]]) -> bool:
    """True iff two of the queens share a row, a column or a diagonal."""
    lines = [{r for r, _ in queens}, {c for _, c in queens}, {r - c for r, c in queens}, {r + c for r, c in queens}]
    return any(len(line) < len(queens) for line in lines)


class QueenPlacement(Task):
    """Place K more queens on an N × N board that already holds some, so that no two queens share a row, column
    or diagonal.

    Queens are put greedily on the cells in random order whenever no earlier queen attacks the cell; then K of
    them, K uniform in [1, max(1, ⌊queens/2⌋)], are removed. Any placement obeying the rules is accepted.
    Difficulty: N = d + 4.
    Reward: -1 unparsable, wrong shape, or a character other than Q and .; -0.5 if a given queen is removed;
    0 if two queens attack each other or the number of added queens is not K; 1 otherwise.
    Answer: N lines of N characters (Q for a queen, . for an empty cell), without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"side": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["side"]
        board = [["."] * n for _ in range(n)]
        used_rows, used_columns, used_diagonals, used_anti = set(), set(), set(), set()
        queens = []
        for cell in rng.sample(range(n * n), n * n):
            r, c = divmod(cell, n)
            if r in used_rows or c in used_columns or r - c in used_diagonals or r + c in used_anti:
                continue
            board[r][c] = "Q"
            queens.append((r, c))
            used_rows.add(r)
            used_columns.add(c)
            used_diagonals.add(r - c)
            used_anti.add(r + c)
        solution = format_rows(board)
        missing = rng.randint(1, max(1, len(queens) // 2))
        for r, c in rng.sample(queens, missing):
            board[r][c] = "."
        return Instance({"board": format_rows(board).split("\n"), "K": missing}, solution)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        board = parameters["board"]
        n, count = len(board), parameters["K"]
        body = "\n".join(board)
        return (
            f"Here is a {n} x {n} chessboard; Q is a queen and . an empty cell:\n{body}\n"
            f"Place exactly {count} more queen{'s' if count > 1 else ''}, keeping the existing ones, so that no two "
            "queens are in the same row, the same column or the same diagonal (in either direction).\n"
            f"Write the final board as {n} lines of {n} characters (Q or .), without separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["board"]
        n = len(given)
        board = parse_char_grid(answer, n, n, "Q.")
        if any(given[r][c] == "Q" and board[r][c] != "Q" for r in range(n) for c in range(n)):
            return rewards.invalid("a given queen was removed")
        queens = [(r, c) for r in range(n) for c in range(n) if board[r][c] == "Q"]
        if queens_attack(queens):
            return rewards.wrong("two queens attack each other")
        added = sum(given[r][c] == "." for r, c in queens)
        if added != parameters["K"]:
            return rewards.wrong(f"added {added} queens instead of {parameters['K']}")
        return rewards.correct()

"""Complete a partially erased magic square."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import parse_square

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def base_magic_square(n: int) -> list[list[int]]:
    """A magic square of side n (odd: the Siamese method; n divisible by 4: complement the two diagonals of every
    4 × 4 block)."""
    if n % 2:
        square = [[0] * n for _ in range(n)]
        row, column = 0, n // 2
        for number in range(1, n * n + 1):
            square[row][column] = number
            up, right = (row - 1) % n, (column + 1) % n
            if square[up][right]:
                row = (row + 1) % n
            else:
                row, column = up, right
        return square
    if n % 4:
        raise ValueError(f"no construction for singly even side {n}")
    return [
        [n * n - (i * n + j) if i % 4 == j % 4 or i % 4 + j % 4 == 3 else i * n + j + 1 for j in range(n)]
        for i in range(n)
    ]


def shuffled_magic_square(rng: random.Random, n: int) -> list[list[int]]:
    """A base square under random magic-preserving maps: a permutation p of 0..n-1 commuting with i ↦ n-1-i applied
    to rows and columns together (rows and columns stay lines, both diagonals map onto themselves), an optional
    complement x ↦ n² + 1 - x, and a random rotation or reflection."""
    square = base_magic_square(n)
    pairs = list(range(n // 2))
    rng.shuffle(pairs)
    permutation = list(range(n))
    for i, pair in enumerate(pairs):
        low, high = (pair, n - 1 - pair) if rng.random() < 0.5 else (n - 1 - pair, pair)
        permutation[i], permutation[n - 1 - i] = low, high
    square = [[square[permutation[i]][permutation[j]] for j in range(n)] for i in range(n)]
    if rng.random() < 0.5:
        square = [[n * n + 1 - x for x in row] for row in square]
    for _ in range(rng.randrange(4)):
        square = [list(row) for row in zip(*square[::-1])]  # rotate a quarter turn
    if rng.random() < 0.5:
        square = [row[::-1] for row in square]
    return square


class MagicSquarePuzzle(Task):
    """Fill the blanks of an N × N grid so that it holds 1..N² once each and every row, column and both main
    diagonals sum to N·(N² + 1)/2.

    A magic square (Siamese for odd N, the diagonal-complement construction for N divisible by 4) is shuffled by
    magic-preserving maps, then a fraction of cells, the sparsity, is blanked. Any completion obeying the rules is
    accepted.
    Difficulty: N starts at 3 and grows by 1 per level, skipping N ≡ 2 (mod 4) (3, 4, 5, 7, 8, 9, 11, ...); the
    sparsity is drawn from {0.1, ..., 0.9}.
    Reward: -1 unparsable or not N rows of N integers; -0.5 if the numbers are not 1..N² once each or a given
    number is changed; else (lines with the right sum / (2N + 2))^10.
    Answer: N lines of N integers separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        side = 3
        for _ in range(difficulty):
            side += 1
            if side % 4 == 2:
                side += 1
        return {"side": side}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["side"]
        square = shuffled_magic_square(rng, n)
        puzzle = [row[:] for row in square]
        for cell in rng.sample(range(n * n), max(1, int(n * n * rng.choice(_SPARSITIES)))):
            puzzle[cell // n][cell % n] = 0
        return Instance({"grid": puzzle}, "\n".join(" ".join(map(str, row)) for row in square))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        n = len(grid)
        body = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a {n} x {n} grid; 0 marks an empty cell:\n{body}\n"
            f"Fill the empty cells to make a magic square: every number from 1 to {n * n} appears exactly once, and "
            f"every row, every column and both main diagonals add up to {n}·({n}^2 + 1)/2 = {n * (n * n + 1) // 2}. "
            "Keep the given numbers.\n"
            f"Write the completed grid as {n} lines of {n} numbers separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["grid"]
        n = len(given)
        grid = parse_square(answer, n)
        if sorted(x for row in grid for x in row) != list(range(1, n * n + 1)):
            return rewards.invalid(f"the numbers must be 1..{n * n}, each once")
        if any(
            clue and x != clue for row, given_row in zip(grid, given, strict=True) for x, clue in zip(row, given_row)
        ):
            return rewards.invalid("a given number was changed")
        target = n * (n * n + 1) // 2
        lines = [sum(row) for row in grid] + [sum(column) for column in zip(*grid)]
        lines += [sum(grid[i][i] for i in range(n)), sum(grid[i][n - 1 - i] for i in range(n))]
        satisfied = sum(total == target for total in lines)
        return rewards.partial(satisfied / (2 * n + 2), 10.0, f"{satisfied}/{2 * n + 2} lines sum to {target}")

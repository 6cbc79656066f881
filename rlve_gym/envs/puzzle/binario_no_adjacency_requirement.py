"""Binario without the adjacency rule: complete a 2N × 2M 0/1 grid so every row and column is half ones."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid, with_line_counts
from rlve_gym.envs.common.ladders import grown

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


class Binario_NoAdjacencyRequirement(Task):
    """Fill the blanks of a 2N × 2M grid with 0/1 so that every row holds M zeros and M ones and every column holds
    N zeros and N ones (unlike Binario, three equal cells in a line are allowed).

    The planted grid is (r[i] + c[j]) mod 2 for random permutations r of 0..2N−1 and c of 0..2M−1; a fraction of its
    cells, the sparsity, is blanked. Any balanced completion that keeps the given cells is accepted.
    Difficulty: N and M uniform in [2, MAX], MAX growing as MAX ← int(1.1·MAX + 1) from 2; the sparsity is drawn
    from {0.1, ..., 0.9}.
    Reward: -1 unparsable, wrong shape, or a character other than 0/1; -0.5 if a given cell is changed; 1 if every
    row and column is balanced, else 0.
    Answer: 2N lines of 2M characters 0 or 1, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_half_side": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_half_side"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        row_shift, column_shift = rng.sample(range(2 * n), 2 * n), rng.sample(range(2 * m), 2 * m)
        solution = [[str((r + c) % 2) for c in column_shift] for r in row_shift]
        puzzle = with_line_counts(rng, solution, rng.choice(_SPARSITIES))  # the counts are n and m everywhere
        return Instance({"grid": puzzle["grid"]}, format_rows(solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(grid)
        return (
            f"Here is a {rows} x {columns} grid of 0s and 1s; * marks an empty cell:\n{body}\n"
            "Replace every * with 0 or 1 (keep the other cells) so that:\n"
            f"- every row contains exactly {columns // 2} zeros and {columns // 2} ones;\n"
            f"- every column contains exactly {rows // 2} zeros and {rows // 2} ones.\n"
            f"Write the completed grid as {rows} lines of {columns} characters (0 or 1), without separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["grid"]
        rows, columns = len(given), len(given[0])
        grid = parse_char_grid(answer, rows, columns, "01")
        for row, given_row in zip(grid, given, strict=True):
            if any(clue != "*" and cell != clue for cell, clue in zip(row, given_row, strict=True)):
                return rewards.invalid("a given cell was changed")
        balanced_rows = all(row.count("1") == columns // 2 for row in grid)
        balanced_columns = all([row[c] for row in grid].count("1") == rows // 2 for c in range(columns))
        if balanced_rows and balanced_columns:
            return rewards.correct()
        return rewards.wrong("a row or column is not half ones")

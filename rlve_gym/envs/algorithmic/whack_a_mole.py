"""Whack-a-mole: the fewest swings of a fixed-size rectangular hammer that empty a grid of mole counts."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown

_MAX_BEAT = 3


def hammer_fits(grid: list[list[int]], rows: int, columns: int) -> bool:
    """Whether swings of a rows × columns hammer can empty `grid` exactly.

    In row-major order, the first cell still holding moles can only be hit by swings whose top-left corner is that
    cell, so the sweep is forced; a 2-D difference array tracks how often each cell has been hit."""
    n, m = len(grid), len(grid[0])
    added = [[0] * (m + 1) for _ in range(n + 1)]
    hit = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            running = added[i][j]
            if i:
                running += hit[i - 1][j]
            if j:
                running += hit[i][j - 1]
            if i and j:
                running -= hit[i - 1][j - 1]
            missing = grid[i][j] - running
            if missing < 0:
                return False
            if missing:
                if i + rows > n or j + columns > m:
                    return False
                running += missing
                added[i + rows][j] -= missing
                added[i][j + columns] -= missing
                added[i + rows][j + columns] += missing
            hit[i][j] = running
    return True


class WhackAMole(Task):
    """Choose a hammer size r × c once; each swing removes one mole from every cell of an r × c rectangle inside the
    grid, all of whose cells must still hold a mole. Give the fewest swings that remove every mole.

    Every swing removes r·c moles, so the answer is (total moles) / (largest r·c that can empty the grid), the
    feasibility of each size being a forced sweep from the top-left (SCOI 2005 "Whack-a-Mole").
    Difficulty: N and M uniform in [2, MAX_N_M], MAX_N_M ← int(1.1·MAX_N_M + 1) from 3; the grid is built by
    swinging a random R × C hammer 0..3 times (uniformly) at every position.
    Reward: -1 unparsable; 1 for the right number, else 0.
    Answer: one integer, the fewest swings.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N_M": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_N_M"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        rows, columns = rng.randint(1, n), rng.randint(1, m)
        grid = [[0] * m for _ in range(n)]
        for i in range(n - rows + 1):
            for j in range(m - columns + 1):
                swings = rng.randint(0, _MAX_BEAT)
                for x in range(i, i + rows):
                    for y in range(j, j + columns):
                        grid[x][y] += swings
        parameters = {"grid": grid}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        n, m = len(grid), len(grid[0])
        rows = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"An {n} × {m} grid of holes holds these numbers of moles:\n{rows}\n"
            f"Before starting, fix a hammer size r × c (1 ≤ r ≤ {n}, 1 ≤ c ≤ {m}); it cannot change afterwards. A "
            "swing picks an r × c rectangle of cells lying fully inside the grid (not rotated) in which every cell "
            "still holds at least one mole, and removes exactly one mole from each of its cells.\n"
            "What is the smallest number of swings that removes all the moles? Your answer should be a single "
            "integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The fewest swings."""
        grid = parameters["grid"]
        n, m = len(grid), len(grid[0])
        total = sum(map(sum, grid))
        if total == 0:
            return 0
        sizes = sorted(((r, c) for r in range(1, n + 1) for c in range(1, m + 1)), key=lambda rc: -rc[0] * rc[1])
        for rows, columns in sizes:
            if total % (rows * columns) == 0 and hammer_fits(grid, rows, columns):
                return total // (rows * columns)
        raise AssertionError("unreachable: a 1 × 1 hammer always fits")

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))

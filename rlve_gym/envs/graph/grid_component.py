"""Largest 4-connected component of 1s in a binary grid."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown


class GridComponent(Task):
    """Find the size of the largest group of 1-cells in an N × M binary grid connected by up/down/left/right
    steps (0 when the grid has no 1).

    Difficulty: S ← int(1.1·S + 1) from 4; one side of the grid is uniform in [2, S] and the other in
    [⌈S/2⌉, S] (RLVE draws both from [2, S]; keeping one side long avoids near-identical tiny grids), in random
    orientation; each cell is 1 with a probability drawn uniformly from [0.1, 0.9] per instance.
    Reward: -1 unparsable; 1 for the right size, else 0.
    Answer: the size, a single integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_side"]
        # one side is at least half of S, so that tiny grids (with few possible contents) stay rare as d grows
        rows, columns = rng.randint(2, side), rng.randint(max(2, (side + 1) // 2), side)
        if rng.random() < 0.5:
            rows, columns = columns, rows
        one_probability = rng.uniform(0.1, 0.9)
        grid = ["".join("1" if rng.random() < one_probability else "0" for _ in range(columns)) for _ in range(rows)]
        parameters = {"grid": grid}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        return (
            f"Here is a {len(grid)} × {len(grid[0])} grid of 0s and 1s:\n" + "\n".join(grid) + "\n"
            "Two cells holding 1 are connected when one can walk from one to the other through cells holding 1, "
            "moving up, down, left or right. How many cells does the largest connected group of 1s contain? "
            "(Answer 0 if there is no 1.)\n"
            "Write the size as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Largest component size by depth-first flood fill with an explicit stack."""
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        seen = [[False] * columns for _ in range(rows)]
        largest = 0
        for r in range(rows):
            for c in range(columns):
                if grid[r][c] != "1" or seen[r][c]:
                    continue
                seen[r][c] = True
                stack, size = [(r, c)], 0
                while stack:
                    x, y = stack.pop()
                    size += 1
                    for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
                        if 0 <= nx < rows and 0 <= ny < columns and grid[nx][ny] == "1" and not seen[nx][ny]:
                            seen[nx][ny] = True
                            stack.append((nx, ny))
                largest = max(largest, size)
        return largest

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))

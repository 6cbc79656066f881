"""Round robin: reconstruct a results table (win 3, draw 1, loss 0 points) from every player's score."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


class RoundRobin(Task):
    """Build an N × N matrix over {0, 1, 2} with zeros on the diagonal and A[i][j] + A[j][i] = 2 off it, such that
    W[i] = 3·#{j : A[i][j] = 2} + #{j : A[i][j] = 1} equals given values (a tournament: 2 win, 1 draw, 0 loss).

    The scores come from a hidden tournament in which each game is a draw with a probability drawn uniformly
    from [0, 1) and otherwise won by either side with equal chance; any matrix with the right scores counts.
    Difficulty: N = 3 + d.
    Reward: -1 unparsable (not N lines of N digits 0-2); -0.5 if the diagonal or a pair A[i][j], A[j][i] breaks
    the rules; otherwise (players whose score matches / N)^5.
    Answer: N lines of N digits without separators; line i is A[i][0] … A[i][N-1].
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        draw_probability = rng.random()
        results = [[0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                results[i][j] = 1 if rng.random() < draw_probability else rng.choice((0, 2))
                results[j][i] = 2 - results[i][j]
        parameters = {"W": _scores([[str(v) for v in row] for row in results])}
        return Instance(parameters, format_rows([[str(v) for v in row] for row in results]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        scores = parameters["W"]
        n = len(scores)
        listing = " ".join(f"W[{i}]={w}" for i, w in enumerate(scores))
        return (
            f"Build an {n} × {n} matrix A (rows and columns numbered from 0) whose entries are 0, 1 or 2, such that:\n"
            "1. A[i][i] = 0 for every i;\n"
            "2. A[i][j] + A[j][i] = 2 for every i ≠ j (so either one of them is 0 and the other 2, or both are 1);\n"
            "3. W[i] = 3 × (the number of j with A[i][j] = 2) + (the number of j with A[i][j] = 1) equals the given "
            f"value for every i: {listing}\n"
            f"Write {n} lines of {n} digits each, with no separators; line i holds A[i][0] ... A[i][{n - 1}]."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        n = len(parameters["W"])
        grid = parse_char_grid(answer, n, n, "012")
        if any(grid[i][i] != "0" for i in range(n)):
            return rewards.invalid("a diagonal entry is not 0")
        if any(int(grid[i][j]) + int(grid[j][i]) != 2 for i in range(n) for j in range(i + 1, n)):
            return rewards.invalid("some A[i][j] + A[j][i] is not 2")
        matched = sum(a == b for a, b in zip(_scores(grid), parameters["W"]))
        return rewards.partial(matched / n, _BETA, f"{matched}/{n} scores match")


def _scores(grid: list[list[str]] | list[str]) -> list[int]:
    """Points of every player: 3 per 2 (win) and 1 per 1 (draw) in their row."""
    return [3 * row.count("2") + row.count("1") for row in grid]

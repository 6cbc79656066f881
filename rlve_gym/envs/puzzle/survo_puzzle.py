"""Survo puzzle: complete a grid holding each of 0..NM-1 once so that rows and columns have given sums."""

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
_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


class SurvoPuzzle(Task):
    """Fill the blank cells of an N × M grid so that it holds each of 0..NM−1 exactly once and every row and
    column adds up to its given sum.

    A random arrangement of 0..NM−1 is planted; its row and column sums are shown, and a fraction `sparsity`
    of its cells (at least one) is blanked as -1. Any completion meeting the rules is accepted.
    Difficulty: N and M uniform in [2, MAX_N_M], MAX_N_M ← MAX_N_M + 1 from 3; sparsity drawn from
    {0.1, 0.2, …, 0.9}.
    Reward: -1 unparsable or not N rows of M integers; -0.5 if the values are not 0..NM−1 once each or a given
    cell was changed; otherwise (rows and columns with the right sum / (N + M))^5.
    Answer: the completed grid, N lines of M integers separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N_M": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_N_M"]
        n, m = rng.randint(2, largest), rng.randint(2, largest)
        sparsity = rng.choice(_SPARSITIES)
        values = rng.sample(range(n * m), n * m)
        solution = [values[r * m : (r + 1) * m] for r in range(n)]
        grid = [row[:] for row in solution]
        for cell in rng.sample(range(n * m), max(1, int(n * m * sparsity))):
            grid[cell // m][cell % m] = -1
        parameters = {
            "matrix": grid,
            "row_sums": [sum(row) for row in solution],
            "col_sums": [sum(row[c] for row in solution) for c in range(m)],
        }
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["matrix"]
        n, m = len(grid), len(grid[0])
        rows = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a {n} × {m} grid in which some cells already hold numbers and the empty cells are shown as -1:\n"
            f"{rows}\n"
            f"Replace every -1 with a number so that:\n"
            f"- each of the numbers 0, 1, …, {n * m - 1} appears exactly once in the grid;\n"
            f"- the rows, from top to bottom, add up to {' '.join(map(str, parameters['row_sums']))};\n"
            f"- the columns, from left to right, add up to {' '.join(map(str, parameters['col_sums']))}.\n"
            f"Write the completed grid as {n} lines of {m} numbers separated by spaces, keeping the given numbers "
            "where they are."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        grid = parameters["matrix"]
        n, m = len(grid), len(grid[0])
        filled = parse_int_rows(answer)
        if len(filled) != n or any(len(row) != m for row in filled):
            raise AnswerFormatError(f"expected {n} lines of {m} integers")
        if sorted(value for row in filled for value in row) != list(range(n * m)):
            return rewards.invalid(f"the grid must hold each of 0..{n * m - 1} exactly once")
        pairs = zip((v for row in grid for v in row), (v for row in filled for v in row))
        if any(given not in (-1, value) for given, value in pairs):
            return rewards.invalid("a given number was changed")
        satisfied = sum(sum(row) == target for row, target in zip(filled, parameters["row_sums"]))
        satisfied += sum(sum(row[c] for row in filled) == target for c, target in enumerate(parameters["col_sums"]))
        return rewards.partial(satisfied / (n + m), _BETA, f"{satisfied}/{n + m} sums right")

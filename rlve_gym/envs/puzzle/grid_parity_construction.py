"""Build a binary grid whose parity grid (cell XOR its 4 neighbours) is given."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_STEPS = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1))


def parity_grid(grid: list[str]) -> list[str]:
    """Each cell's value XOR the values of its up to 4 edge-neighbours."""
    rows, columns = len(grid), len(grid[0])
    return [
        "".join(
            str(
                sum(grid[r + dr][c + dc] == "1" for dr, dc in _STEPS if 0 <= r + dr < rows and 0 <= c + dc < columns)
                % 2
            )
            for c in range(columns)
        )
        for r in range(rows)
    ]


class GridParityConstruction(Task):
    """Give an N × M 0/1 grid whose parity grid is the one shown (a cell's parity is its value XOR its 4 neighbours).

    The parity grid is computed from a planted random grid (ones with a random probability), so a solution exists;
    any grid with the right parity grid is accepted.
    Difficulty: N and M uniform in [2, MAX], MAX ← MAX + 1 from 3.
    Reward: -1 unparsable or not N lines of M characters 0/1; otherwise (matching parity cells / (N·M))^5.
    Answer: N lines of M characters, each 0 or 1, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        rows, columns = rng.randint(2, largest), rng.randint(2, largest)
        one_probability = rng.random()
        grid = ["".join("1" if rng.random() < one_probability else "0" for _ in range(columns)) for _ in range(rows)]
        return Instance({"N": rows, "M": columns, "parity": parity_grid(grid)}, format_rows(grid))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        rows, columns = parameters["N"], parameters["M"]
        return (
            f"Construct a {rows} × {columns} grid in which every cell holds 0 or 1, such that its parity grid is:\n"
            f"{format_rows(parameters['parity'])}\n"
            "The parity of a cell is the XOR of the cell's own value and the values of its neighbours above, below, "
            "to the left and to the right (a neighbour outside the grid counts as 0).\n"
            f"Write the grid as {rows} lines of {columns} characters (0 or 1) each, without separators."
        )

    def solve(self, parameters: dict[str, Any]) -> list[str] | None:
        """Some grid with the given parity grid (Gaussian elimination over GF(2)), or None if there is none."""
        rows, columns = parameters["N"], parameters["M"]
        cells = rows * columns
        # one equation per cell: bits 0..cells-1 are the unknowns, bit `cells` the right-hand side
        pivots: dict[int, int] = {}
        for r in range(rows):
            for c in range(columns):
                equation = sum(
                    1 << ((r + dr) * columns + c + dc)
                    for dr, dc in _STEPS
                    if 0 <= r + dr < rows and 0 <= c + dc < columns
                )
                if parameters["parity"][r][c] == "1":
                    equation |= 1 << cells
                for variable, row in pivots.items():
                    if equation >> variable & 1:
                        equation ^= row
                low = equation & ((1 << cells) - 1)
                if not low:
                    if equation:
                        return None  # 0 = 1
                    continue
                variable = low.bit_length() - 1
                for other, row in pivots.items():
                    if row >> variable & 1:
                        pivots[other] = row ^ equation
                pivots[variable] = equation
        values = [0] * cells  # free variables are 0; each pivot row then reads variable = right-hand side
        for variable, row in pivots.items():
            values[variable] = row >> cells & 1
        return ["".join(str(values[r * columns + c]) for c in range(columns)) for r in range(rows)]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows, columns = parameters["N"], parameters["M"]
        grid = parse_char_grid(answer, rows, columns, "01")
        achieved = parity_grid(grid)
        matching = sum(a == b for line, target in zip(achieved, parameters["parity"]) for a, b in zip(line, target))
        return rewards.partial(matching / (rows * columns), _BETA, f"{matching}/{rows * columns} parity cells match")

"""Futoshiki: complete a Latin square that also satisfies inequalities between cells."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import is_latin_square, parse_square, shuffled_cyclic_latin_square
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


class FutoshikiPuzzle(Task):
    """Fill the blanks of an N×N grid so that it is a Latin square on 0..N-1 satisfying given cell inequalities.

    A cyclic Latin square with shuffled rows and columns is planted; between 1 and 2N inequalities "c[a][b] <
    c[x][y]" are drawn uniformly (without repetition) among pairs of cells with different planted values, and a
    fraction of the cells (the sparsity, drawn from 0.1 to 0.9) is blanked.
    Difficulty: N = d + 3.
    Reward: -1 unparsable or not N rows of N integers; -0.5 if not a Latin square or a given cell is changed; else
    (satisfied inequalities / all)^5.
    Answer: N lines of N integers separated by spaces, the completed grid.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        solution = shuffled_cyclic_latin_square(rng, n)
        wanted = rng.randint(1, 2 * n)
        pairs: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for _ in range(100 * wanted):  # pairs with distinct values are most pairs, so this ends fast
            if len(pairs) == wanted:
                break
            first, second = rng.sample(range(n * n), 2)
            low, high = sorted((first, second), key=lambda cell: solution[cell // n][cell % n])
            if solution[low // n][low % n] != solution[high // n][high % n] and (low, high) not in seen:
                seen.add((low, high))
                pairs.append((low, high))
        inequalities = [[low // n, low % n, high // n, high % n] for low, high in pairs]
        sparsity = rng.choice(_SPARSITIES)
        grid = [row[:] for row in solution]
        for cell in rng.sample(range(n * n), max(1, int(n * n * sparsity))):
            grid[cell // n][cell % n] = -1
        reference = "\n".join(" ".join(map(str, row)) for row in solution)
        return Instance({"N": n, "grid": grid, "inequalities": inequalities}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        grid = "\n".join(" ".join(map(str, row)) for row in parameters["grid"])
        inequalities = "\n".join(f"c[{a}][{b}] < c[{x}][{y}]" for a, b, x, y in parameters["inequalities"])
        return (
            f"Here is a {n} × {n} grid; -1 marks an empty cell:\n{grid}\n"
            f"Fill every empty cell with an integer from 0 to {n - 1}, keeping the given cells, so that each row and "
            f"each column contains every integer from 0 to {n - 1} exactly once, and so that these inequalities "
            "hold (c[i][j] is the cell in row i, column j, counting from 0):\n"
            f"{inequalities}\n"
            f"Write the completed grid: {n} lines of {n} integers separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        n = parameters["N"]
        grid = parse_square(answer, n)
        if not is_latin_square(grid, n):
            return rewards.invalid("not a Latin square")
        for given_row, row in zip(parameters["grid"], grid):
            if any(given not in (-1, value) for given, value in zip(given_row, row)):
                return rewards.invalid("a given cell was changed")
        inequalities = parameters["inequalities"]
        satisfied = sum(grid[a][b] < grid[x][y] for a, b, x, y in inequalities)
        return rewards.partial(satisfied / len(inequalities), 5.0, f"{satisfied}/{len(inequalities)} inequalities")

"""Permute the rows and columns of a 0/1 matrix so that its main diagonal is all ones."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.puzzle.matrix_permutation_equivalence import parse_two_permutation_lines

_BETA = 5.0


class MatrixPermutation_MainDiagonalOne(Task):
    """Find row and column permutations of an N×N 0/1 matrix after which every main-diagonal cell holds 1.

    Each cell is 1 with a per-instance probability drawn from [0, 1/2); then a hidden pair of permutations is
    planted by setting to 1 the cells that land on the main diagonal (the reference answer).
    Difficulty: N = d + 3.
    Reward: -1 unparsable or not exactly two lines; -0.5 if a line is not a permutation of 0..N-1; else
    (main-diagonal cells holding 1 / N)^5.
    Answer: two lines, the row permutation a[0..N-1] then the column permutation b[0..N-1], the permuted matrix
    having A[a[i]][b[j]] at row i, column j.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.random() / 2
        matrix = [[int(rng.random() < one_probability) for _ in range(n)] for _ in range(n)]
        rows, columns = rng.sample(range(n), n), rng.sample(range(n), n)
        for i in range(n):
            matrix[rows[i]][columns[i]] = 1
        reference = f"{' '.join(map(str, rows))}\n{' '.join(map(str, columns))}"
        return Instance({"A": ["".join(map(str, row)) for row in matrix]}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = len(parameters["A"])
        matrix = "\n".join(parameters["A"])
        return (
            f"Here is a matrix A of size {n} × {n}, made of zeros and ones (rows and columns numbered from 0):\n"
            f"{matrix}\n"
            f"Find a permutation a[0], ..., a[{n - 1}] of the row numbers and a permutation b[0], ..., b[{n - 1}] of "
            "the column numbers such that the rearranged matrix, whose entry in row i and column j is A[a[i]][b[j]], "
            "has a 1 in every cell (i, i) of its main diagonal.\n"
            f"Write two lines: a[0] ... a[{n - 1}] on the first, b[0] ... b[{n - 1}] on the second, numbers "
            "separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows, columns = parse_two_permutation_lines(answer)
        matrix = parameters["A"]
        n = len(matrix)
        if sorted(rows) != list(range(n)) or sorted(columns) != list(range(n)):
            return rewards.invalid(f"each line must be a permutation of 0..{n - 1}")
        ones = sum(matrix[rows[i]][columns[i]] == "1" for i in range(n))
        return rewards.partial(ones / n, _BETA, f"{ones}/{n} diagonal cells hold 1")

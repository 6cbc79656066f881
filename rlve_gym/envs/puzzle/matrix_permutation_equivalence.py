"""Find the row and column permutations that turn one 0/1 matrix into another."""

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


def parse_two_permutation_lines(answer: str) -> tuple[list[int], list[int]]:
    """The two lines of integers of a (row permutation, column permutation) answer; other shapes raise
    AnswerFormatError (whether each line is a permutation is the caller's check)."""
    lines = parse_int_rows(answer)
    if len(lines) != 2:
        raise AnswerFormatError("expected exactly two lines")
    return lines[0], lines[1]


class MatrixPermutationEquivalence(Task):
    """Find a row permutation a and a column permutation b with A[a[i]][b[j]] = B[i][j] for every cell.

    A is an N×M 0/1 matrix whose cells are 1 with a per-instance probability drawn from [0, 1); B is A with its
    rows and columns shuffled by a hidden pair of permutations (the reference answer).
    Difficulty: N and M uniform in [2, d + 3].
    Reward: -1 unparsable or not exactly two lines; -0.5 if a line is not a permutation of the right size; else
    (fraction of cells where the rearranged A equals B)^5.
    Answer: two lines, a[0] … a[N-1] then b[0] … b[M-1], numbers separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(2, max_side), rng.randint(2, max_side)
        one_probability = rng.random()
        matrix = [[int(rng.random() < one_probability) for _ in range(m)] for _ in range(n)]
        rows, columns = rng.sample(range(n), n), rng.sample(range(m), m)
        shuffled = [[matrix[rows[i]][columns[j]] for j in range(m)] for i in range(n)]
        parameters = {
            "A": ["".join(map(str, row)) for row in matrix],
            "B": ["".join(map(str, row)) for row in shuffled],
        }
        return Instance(parameters, f"{' '.join(map(str, rows))}\n{' '.join(map(str, columns))}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = len(parameters["A"]), len(parameters["A"][0])
        return (
            f"Here are two matrices A and B of size {n} × {m}, made of zeros and ones (rows and columns numbered "
            "from 0).\n"
            f"A:\n{chr(10).join(parameters['A'])}\n"
            f"B:\n{chr(10).join(parameters['B'])}\n"
            f"Find a permutation a[0], ..., a[{n - 1}] of the row numbers 0..{n - 1} and a permutation "
            f"b[0], ..., b[{m - 1}] of the column numbers 0..{m - 1} such that A[a[i]][b[j]] = B[i][j] for every "
            "row i and column j, i.e. rearranging the rows and columns of A this way gives exactly B.\n"
            f"Write two lines: a[0] ... a[{n - 1}] on the first, b[0] ... b[{m - 1}] on the second, numbers "
            "separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows, columns = parse_two_permutation_lines(answer)
        source, target = parameters["A"], parameters["B"]
        n, m = len(source), len(source[0])
        if sorted(rows) != list(range(n)) or sorted(columns) != list(range(m)):
            return rewards.invalid(f"the lines must be permutations of 0..{n - 1} and 0..{m - 1}")
        equal = sum(source[rows[i]][columns[j]] == target[i][j] for i in range(n) for j in range(m))
        return rewards.partial(equal / (n * m), _BETA, f"{equal}/{n * m} cells match B")

"""A square matrix raised to the power K, modulo 10000."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_MODULUS = 10_000
_SIZES = (2, 3, 5, 10)
_BETA = 5.0


def multiply(left: list[list[int]], right: list[list[int]], modulus: int) -> list[list[int]]:
    """The matrix product left × right with entries reduced modulo `modulus`."""
    columns = list(zip(*right))
    return [[sum(a * b for a, b in zip(row, column)) % modulus for column in columns] for row in left]


class Matrix_BinaryExponentiation(Task):
    """Compute A^K for an N × N integer matrix A, every entry taken modulo 10000.

    Difficulty: K is uniform in [2, 2·2^d]; N is drawn from {2, 3, 5, 10}; entries of A are uniform in [0, 9999].
    Reward: -1 unparsable or not N rows of N integers; otherwise (fraction of entries right)^5.
    Answer: N lines, each holding the N entries of one row of A^K mod 10000, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_K": doubled(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.choice(_SIZES)
        parameters = {
            "A": [[rng.randint(0, _MODULUS - 1) for _ in range(n)] for _ in range(n)],
            "K": rng.randint(2, self.ladder(difficulty)["max_K"]),
        }
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix, power = parameters["A"], parameters["K"]
        n = len(matrix)
        rows = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"Here is a {n} × {n} matrix A, one row per line:\n{rows}\n"
            f"Compute the matrix power A^{power} (A multiplied by itself, {power} factors in all) and reduce every "
            f"entry modulo {_MODULUS}.\n"
            f"Write the result as {n} lines, one row per line, each with {n} integers in [0, {_MODULUS - 1}] "
            "separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """Square-and-multiply: O(N³ log K)."""
        base = [[value % _MODULUS for value in row] for row in parameters["A"]]
        n = len(base)
        result = [[int(i == j) for j in range(n)] for i in range(n)]
        power = parameters["K"]
        while power:
            if power & 1:
                result = multiply(result, base, _MODULUS)
            base = multiply(base, base, _MODULUS)
            power >>= 1
        return result

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        n = len(parameters["A"])
        if len(rows) != n or any(len(row) != n for row in rows):
            raise AnswerFormatError(f"expected {n} rows of {n} integers")
        expected = self.solve(parameters)
        right = sum(a == b for row, gold in zip(rows, expected) for a, b in zip(row, gold))
        return rewards.partial(right / (n * n), _BETA, f"{right}/{n * n} entries right")

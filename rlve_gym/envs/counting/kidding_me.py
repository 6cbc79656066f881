"""Count N × M matrices with entries in [0, M], rows increasing and each entry below its upper-right neighbour."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MODULI = (10**9 + 7, 998244353)


def count_matrices(rows: int, columns: int, modulus: int) -> int:
    """The number of valid matrices modulo `modulus`.

    A strictly increasing row of `columns` values from 0..columns misses exactly one value q, and its j-th entry
    (1-based) is j - 1 if j ≤ q, else j. Row i then fits under row i - 1 (missing p) unless some j in [1, columns-1]
    has q < j < p, i.e. unless p ≥ q + 2 and q ≤ columns - 2. Count the sequences of missing values with a prefix-sum
    DP.
    """
    ways = [1] * (columns + 1)  # by the missing value of the last row
    for _ in range(rows - 1):
        prefix = [0]
        for count in ways:
            prefix.append((prefix[-1] + count) % modulus)
        ways = [prefix[columns + 1] if q >= columns - 1 else prefix[q + 2] for q in range(columns + 1)]
    return sum(ways) % modulus


class KiddingMe(Task):
    """Count N × M matrices X with 0 ≤ X[i][j] ≤ M, X[i][j] < X[i][j+1] and X[i][j] < X[i-1][j+1], modulo MOD.

    Each row misses exactly one value of 0..M, and the condition between consecutive rows is a simple relation on
    their missing values, so a DP over rows counts the matrices.
    Difficulty: N and M uniform in [2, MAX], MAX ← int(1.1·MAX + 1) from 3; MOD is 10^9 + 7 or
    998244353.
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        parameters = {"N": rng.randint(2, largest), "M": rng.randint(2, largest), "MOD": rng.choice(_MODULI)}
        parameters["count"] = self.solve(parameters)  # stored: the DP takes N·M steps, verifying should not
        return Instance(parameters, str(parameters["count"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            f"How many {n} × {m} matrices X of integers (rows 1..{n}, columns 1..{m}) satisfy all of the following?\n"
            f"- 0 ≤ X[i][j] ≤ {m} for every cell;\n"
            f"- X[i][j] < X[i][j + 1] for 1 ≤ i ≤ {n} and 1 ≤ j < {m};\n"
            f"- X[i][j] < X[i - 1][j + 1] for 1 < i ≤ {n} and 1 ≤ j < {m}.\n"
            f"Give the count modulo {modulus}.\n"
            f"Your answer should be a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count modulo MOD."""
        return count_matrices(parameters["N"], parameters["M"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, parameters["count"], parameters["MOD"])

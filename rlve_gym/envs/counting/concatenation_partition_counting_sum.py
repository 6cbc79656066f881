"""Sum of F[sum of the parts] over all ways to cut a digit string, F a bounded-step Fibonacci (Luogu P3176)."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_STEP_LIMITS = (1, 2, 3, 4, 5)
_MAX_MODULUS = 10_000

Matrix = list[list[int]]


def _multiply(left: Matrix, right: Matrix, modulus: int) -> Matrix:
    columns = list(zip(*right))
    return [[sum(a * b for a, b in zip(row, column)) % modulus for column in columns] for row in left]


def _power(matrix: Matrix, exponent: int, modulus: int) -> Matrix:
    size = len(matrix)
    result = [[int(i == j) % modulus for j in range(size)] for i in range(size)]
    while exponent:
        if exponent & 1:
            result = _multiply(result, matrix, modulus)
        exponent >>= 1
        if exponent:
            matrix = _multiply(matrix, matrix, modulus)
    return result


@functools.lru_cache(maxsize=256)
def partition_total(digits: str, steps: int, modulus: int) -> int:
    """Σ over cuttings of `digits` of F[sum of the pieces] modulo `modulus`, F the `steps`-bounded Fibonacci.

    F[x] is the first entry of A^x·e_0 for the companion matrix A of the recurrence (state F[n], …, F[n−M+1], zeros
    before index 0), so a cutting contributes A^(piece 1)·…·A^(piece k)·e_0 and a prefix DP sums these:
    reach[i] = Σ_j A^(value of S[j:i])·reach[j]. A^(value) is assembled from the powers A^(d·10^k), never forming
    the huge exponents. Cached: the verifier asks again for every completion of a problem.
    """
    step = [[int(j == i - 1) % modulus for j in range(steps)] for i in range(steps)]
    step[0] = [1 % modulus] * steps
    n = len(digits)
    decades = [step]  # A^(10^k)
    for _ in range(1, n):
        decades.append(_power(decades[-1], 10, modulus))
    # scaled[k][d] = A^(d·10^k)
    scaled = []
    for decade in decades:
        row = [_power(decade, 0, modulus)]
        for _ in range(9):
            row.append(_multiply(row[-1], decade, modulus))
        scaled.append(row)
    reach = [[int(i == 0) % modulus for i in range(steps)]] + [[0] * steps for _ in range(n)]
    for end in range(n):
        piece = scaled[0][0]
        for start in range(end, -1, -1):
            piece = _multiply(scaled[end - start][int(digits[start])], piece, modulus)
            moved = [sum(a * b for a, b in zip(row, reach[start])) for row in piece]
            reach[end + 1] = [(x + y) % modulus for x, y in zip(reach[end + 1], moved)]
    return reach[n][0]


class ConcatenationPartitionCountingSum(Task):
    """With F[0] = 1 and F[n] = F[n−1] + … + F[n−min(n, M)], cut a digit string S into non-empty pieces (leading
    zeros allowed) in every possible way and sum F[value of piece 1 + … + value of piece k], modulo MOD.

    Difficulty: |S| = N uniform random digits, N growing as N ← int(1.1·N + 1) from 2; M uniform in {1, …, 5};
    MOD uniform in [2, 10000]. The piece values reach 10^N, so F must be evaluated by matrix powers.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {
            "S": "".join(rng.choice("0123456789") for _ in range(n)),
            "M": rng.choice(_STEP_LIMITS),
            "MOD": rng.randint(2, _MAX_MODULUS),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        digits, steps, modulus = parameters["S"], parameters["M"], parameters["MOD"]
        return (
            f"Define F[0] = 1 and, for n ≥ 1, F[n] = F[n − 1] + F[n − 2] + … + F[n − min(n, {steps})] (the sum of the "
            f"previous min(n, {steps}) values).\n"
            f"Cut the digit string {digits} into one or more non-empty consecutive pieces that concatenate back to "
            "it; a piece may have leading zeros and is read as a decimal integer. For each way of cutting, take F "
            "of the sum of the pieces' values. Add this up over all ways of cutting.\n"
            f"Give the total modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The total modulo MOD (see `partition_total`)."""
        return partition_total(parameters["S"], parameters["M"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

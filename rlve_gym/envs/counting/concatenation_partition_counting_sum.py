"""Sum of F[sum of the parts] over all ways to cut a digit string, F a bounded-step Fibonacci (Luogu P3176)."""

from __future__ import annotations

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


def _add(left: Matrix, right: Matrix, modulus: int) -> Matrix:
    return [[(a + b) % modulus for a, b in zip(row_a, row_b)] for row_a, row_b in zip(left, right)]


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
        """F[x] = first entry of A^x·e for the M×M companion matrix A, so a cutting contributes the product of
        A^(value) over its pieces: a prefix DP sums these matrix products (ways[i] = Σ_j ways[j]·A^(S[j:i]))
        and A^(S[j:i+1]) = (A^(S[j:i]))^10 · A^(digit), never forming the huge exponents."""
        digits, steps, modulus = parameters["S"], parameters["M"], parameters["MOD"]
        # state (F[n], F[n−1], …, F[n−M+1]) with F at negative indices 0; one step shifts and sums
        step = [[int(j == i - 1) for j in range(steps)] for i in range(steps)]
        step[0] = [1] * steps
        step = [[entry % modulus for entry in row] for row in step]
        digit_power = [_power(step, d, modulus) for d in range(10)]
        n = len(digits)
        zero = [[0] * steps for _ in range(steps)]
        ways: list[Matrix] = [_power(step, 0, modulus)] + [zero] * n
        for start in range(n):
            piece = _power(step, 0, modulus)
            for end in range(start, n):
                piece = _multiply(_power(piece, 10, modulus), digit_power[int(digits[end])], modulus)
                ways[end + 1] = _add(ways[end + 1], _multiply(ways[start], piece, modulus), modulus)
        # the state before any step is (F[0], 0, …, 0)
        return ways[n][0][0] % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

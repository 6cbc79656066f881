"""The N-th term of a second-order linear recurrence, modulo 10000."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

MODULUS = 10_000


def recurrence_term(first: int, second: int, p: int, q: int, index: int, modulus: int) -> int:
    """A[index] mod modulus for A[1] = first, A[2] = second, A[n] = p·A[n-1] + q·A[n-2] (2×2 matrix power)."""
    if index == 1:
        return first % modulus
    # [A[n], A[n-1]] = M^(n-2) [A[2], A[1]] with M = [[p, q], [1, 0]]
    result = ((1, 0), (0, 1))
    base = ((p % modulus, q % modulus), (1, 0))
    exponent = index - 2
    while exponent:
        if exponent & 1:
            result = _multiply(result, base, modulus)
        base = _multiply(base, base, modulus)
        exponent >>= 1
    return (result[0][0] * second + result[0][1] * first) % modulus


def _multiply(x: tuple, y: tuple, modulus: int) -> tuple:
    return tuple(tuple((x[i][0] * y[0][j] + x[i][1] * y[1][j]) % modulus for j in range(2)) for i in range(2))


class Fibonacci(Task):
    """Compute A[N] mod 10000 for A[1], A[2] given and A[n] = P·A[n-1] + Q·A[n-2].

    A[1], A[2] are uniform in [0, 9999] and P, Q in [1, 9999].
    Difficulty: N is uniform in [3, 3·2^d].
    Reward: 1 for the right residue, 0 for any other integer, -1 unparsable.
    Answer: one integer, A[N] mod 10000.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_index": doubled(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {
            "N": rng.randint(3, self.ladder(difficulty)["max_index"]),
            "A1": rng.randint(0, MODULUS - 1),
            "A2": rng.randint(0, MODULUS - 1),
            "P": rng.randint(1, MODULUS - 1),
            "Q": rng.randint(1, MODULUS - 1),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        p = parameters
        return (
            f"A sequence has A[1] = {p['A1']}, A[2] = {p['A2']}, and A[n] = {p['P']} × A[n-1] + {p['Q']} × A[n-2] "
            f"for every n > 2.\n"
            f"What is A[{p['N']}] mod {MODULUS}?\n"
            f"Your answer should be a single integer between 0 and {MODULUS - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """A[N] mod 10000."""
        p = parameters
        return recurrence_term(p["A1"], p["A2"], p["P"], p["Q"], p["N"], MODULUS)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

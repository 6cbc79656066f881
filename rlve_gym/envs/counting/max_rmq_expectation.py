"""Expected maximum, over given intervals, of the interval minimum of a random array (modulo a prime)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_PRIMES = (666623333, 998244353, 1_000_000_007)


def arrays_with_all_minima_below(n: int, intervals: list[list[int]], small: int, large: int) -> int:
    """The number of arrays of length n in which every interval holds one of `small` low values, the other
    positions taking one of `large` high values: a dynamic programme over the last low position."""
    latest_left = [0] * (n + 1)  # for each right end, the largest left end of an interval ending there
    for left, right in intervals:
        latest_left[right] = max(latest_left[right], left)
    ways = [0] * (n + 1)  # ways[l] = arrays of the prefix whose last low position is l (0: none yet)
    ways[0] = 1
    for position in range(1, n + 1):
        total = sum(ways)
        ways = [count * large for count in ways]
        ways[position] = total * small
        for last in range(latest_left[position]):
            ways[last] = 0  # an interval ending here holds no low value
    return sum(ways)


def expected_maximum_of_minima(n: int, values: int, intervals: list[list[int]], modulus: int) -> int:
    """E[max over intervals of the interval minimum] for uniform entries in [1, values], modulo a prime:
    E = ∑_t P(max ≥ t), and max < t exactly when every interval holds an entry below t."""
    everything = values**n
    numerator = sum(
        everything - arrays_with_all_minima_below(n, intervals, t - 1, values - t + 1) for t in range(1, values + 1)
    )
    return numerator % modulus * pow(everything, -1, modulus) % modulus


class MaxRMQExpectation(Task):
    """An array of N entries is drawn uniformly from [1, X]^N. Given Q intervals, let M[i] be the minimum of the
    entries in interval i; find the expected value of max(M[1], ..., M[Q]) modulo a prime p.

    Computed exactly as ∑_t P(max ≥ t) with integer counts (Luogu P3600); the answer is numerator · denominator^-1
    mod p.
    Difficulty: N = d + 2; X uniform in [2, N]; Q uniform in [1, N] random intervals; p one of 666623333,
    998244353, 10^9 + 7.
    Reward: -1 unparsable; -0.5 outside [0, p); else 1 if right, 0 if not.
    Answer: one integer in [0, p), the expectation modulo p.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values, count = rng.randint(2, n), rng.randint(1, n)
        intervals = [sorted((rng.randint(1, n), rng.randint(1, n))) for _ in range(count)]
        parameters = {"N": n, "X": values, "intervals": intervals, "modulus": rng.choice(_PRIMES)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, values, modulus = parameters["N"], parameters["X"], parameters["modulus"]
        intervals = parameters["intervals"]
        lines = "\n".join(f"[{left}, {right}]" for left, right in intervals)
        return (
            f"An array A[1], ..., A[{n}] is drawn at random: each entry is an integer chosen uniformly from 1 to "
            f"{values}, independently (so all {values}^{n} arrays are equally likely). Here are {len(intervals)} "
            f"intervals [L, R] of positions:\n{lines}\n"
            "For each interval, take the minimum of A[L], ..., A[R]; then take the largest of these minima. What is "
            "the expected value of that largest minimum?\n"
            f"The expectation is a fraction P/Q; write P · Q^(-1) modulo {modulus} (the prime {modulus}), a single "
            f"integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The expectation modulo the prime (exact integer counts, one dynamic programme per threshold)."""
        return expected_maximum_of_minima(
            parameters["N"], parameters["X"], parameters["intervals"], parameters["modulus"]
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["modulus"])

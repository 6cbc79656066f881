"""Sequences whose non-zero entries lie in per-position ranges and strictly increase (APIO 2016 "Boat")."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MOD = 10**9 + 7


class RangeConstrained_IncreasingSequence_Counting(Task):
    """Count the sequences A[0..N-1] where each A[i] is 0 or lies in [L[i], R[i]], at least one entry is non-zero,
    and the non-zero entries strictly increase from left to right; modulo 10^9 + 7.

    The endpoints cut the values into O(N) elementary segments. Processing segments upwards, g[i] counts the
    ways whose last non-zero position is i with all values below the current segment. If positions p+1..i hold
    m entries allowed in a segment of length len, choosing values for some of them, i included, strictly
    increasing inside the segment can be done in C(len + m - 1, m) ways (Vandermonde), giving an O(N³) DP.
    Difficulty: N ← int(1.1·N + 1) from 2; L[i] uniform in [1, N²], R[i] uniform in [L[i], N²].
    Reward: -1 unparsable; -0.5 outside [0, 10^9 + 7); 1 for the right residue, else 0.
    Answer: one integer in [0, 10^9 + 7).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        lows = [rng.randint(1, n * n) for _ in range(n)]
        parameters = {"L": lows, "R": [rng.randint(low, n * n) for low in lows]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        lows, highs = parameters["L"], parameters["R"]
        n = len(lows)
        bounds = "\n".join(f"L[{i}]={low} R[{i}]={high}" for i, (low, high) in enumerate(zip(lows, highs)))
        return (
            f"Count the integer sequences A[0], A[1], ..., A[{n - 1}] such that:\n"
            "- every A[i] is either 0 or an integer with L[i] ≤ A[i] ≤ R[i];\n"
            "- at least one A[i] is greater than 0;\n"
            "- the non-zero entries strictly increase from left to right (if i < j and A[i], A[j] are both "
            "non-zero, then A[i] < A[j]).\n"
            f"The bounds are:\n{bounds}\n"
            f"Give the count modulo {_MOD}, as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The segment DP above."""
        lows, highs = parameters["L"], parameters["R"]
        n = len(lows)
        cuts = sorted({*lows, *(high + 1 for high in highs)})
        inverses = [0, *(pow(m, _MOD - 2, _MOD) for m in range(1, n + 1))]
        ways = [1] + [0] * n  # ways[i]: last non-zero entry at position i (1-based), ways[0]: none yet
        for start, stop in itertools.pairwise(cuts):
            length = stop - start
            covers = [False] + [low <= start and stop - 1 <= high for low, high in zip(lows, highs)]
            if not any(covers):
                continue
            choose = [1] * (n + 1)  # choose[m] = C(length + m - 1, m)
            for m in range(1, n + 1):
                choose[m] = choose[m - 1] * (length + m - 1) % _MOD * inverses[m] % _MOD
            updated = ways[:]
            for last in range(1, n + 1):
                if not covers[last]:
                    continue
                total, inside = 0, 1
                for before in range(last - 1, -1, -1):
                    total += ways[before] * choose[inside]
                    inside += covers[before]
                updated[last] = (updated[last] + total) % _MOD
            ways = updated
        return sum(ways[1:]) % _MOD

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), _MOD)

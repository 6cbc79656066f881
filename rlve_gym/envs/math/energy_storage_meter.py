"""Σ max((i XOR j) − K, 0) over a rectangle of pairs (SDOI 2016 "Energy storage meter", Luogu P4067)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def _aligned_blocks(limit: int) -> list[tuple[int, int]]:
    """[0, limit) as aligned blocks (start, log2 size), one per set bit of `limit`."""
    blocks, start = [], 0
    for bit in range(limit.bit_length() - 1, -1, -1):
        if limit >> bit & 1:
            blocks.append((start, bit))
            start += 1 << bit
    return blocks


def _excess_sum(low: int, high: int, threshold: int) -> int:
    """Σ max(t − threshold, 0) for t in [low, high]."""
    first = max(low, threshold + 1)
    if first > high:
        return 0
    return (first - threshold + high - threshold) * (high - first + 1) // 2


def xor_excess_total(rows: int, columns: int, threshold: int) -> int:
    """Σ over 0 ≤ i < rows, 0 ≤ j < columns of max((i XOR j) − threshold, 0).

    Split both ranges into aligned power-of-two blocks. Blocks of sizes 2^a and 2^b XOR onto the aligned block of
    size 2^max(a, b) above (start_i XOR start_j), each value hit 2^min(a, b) times.
    """
    total = 0
    for start_i, size_i in _aligned_blocks(rows):
        for start_j, size_j in _aligned_blocks(columns):
            wide = max(size_i, size_j)
            base = (start_i ^ start_j) >> wide << wide
            total += (1 << min(size_i, size_j)) * _excess_sum(base, base + (1 << wide) - 1, threshold)
    return total


class EnergyStorageMeter(Task):
    """Compute Σ max((i XOR j) − K, 0) over all pairs 0 ≤ i < N, 0 ≤ j < M.

    Difficulty: N, M uniform in [2, S] and K uniform in [0, S], S growing as S ← int(1.5·S) from 4.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum (0 is right only when
    the sum is 0).
    Answer: one non-negative integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(4, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_N_M"]
        parameters = {"N": rng.randint(2, side), "M": rng.randint(2, side), "K": rng.randint(0, side)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, k = parameters["N"], parameters["M"], parameters["K"]
        return (
            f"Compute the sum of max((i XOR j) − {k}, 0) over all pairs of integers (i, j) with 0 ≤ i < {n} and "
            f"0 ≤ j < {m}, where XOR is bitwise exclusive or.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The exact sum."""
        return xor_excess_total(parameters["N"], parameters["M"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

"""Choose numbers whose XOR is as large as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task

_EXTRA_BITS = 4


def max_xor_subset(values: list[int]) -> tuple[int, list[int]]:
    """(largest XOR of any subset, the indices of one such subset), by Gaussian elimination over GF(2) that tracks
    which input indices make up each basis vector."""
    basis: dict[int, tuple[int, int]] = {}  # leading bit → (vector, bit mask of indices)
    for index, value in enumerate(values):
        mask = 1 << index
        for bit in sorted(basis, reverse=True):
            if value >> bit & 1:
                value ^= basis[bit][0]
                mask ^= basis[bit][1]
        if value:
            basis[value.bit_length() - 1] = (value, mask)
    best, chosen = 0, 0
    for bit in sorted(basis, reverse=True):
        vector, mask = basis[bit]
        if best ^ vector > best:
            best, chosen = best ^ vector, chosen ^ mask
    return best, [i for i in range(len(values)) if chosen >> i & 1]


class MaxXorSet(Task):
    """Select a subset of N positive integers whose bitwise XOR is as large as possible.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3, and the bit length b from 3, raised with N so that
    2^b - 2 ≥ 2N; each instance uses b plus 0 to 4 extra bits, and numbers are uniform in [1, 2^b - 2]
    (Luogu P3812).
    Reward: -1 unparsable; -0.5 for an index out of range or repeated; else (XOR of the chosen / largest XOR)^5.
    Answer: the chosen indices (0-based, distinct) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        n, bits = 3, 3
        for _ in range(difficulty):
            n = int(n * 1.1 + 1)
            while 2**bits - 2 < 2 * n:
                bits += 1
        return {"N": n, "bit_length": bits}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        bits = size["bit_length"] + rng.randint(0, _EXTRA_BITS)
        values = [rng.randint(1, 2**bits - 2) for _ in range(size["N"])]
        _, chosen = max_xor_subset(values)
        return Instance({"A": values}, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        listing = "\n".join(f"A[{i}]={value}" for i, value in enumerate(values))
        return (
            f"Here are {len(values)} positive integers:\n{listing}\n"
            "Choose a set of distinct indices i_1, ..., i_k (any k) so that A[i_1] XOR ... XOR A[i_k], the bitwise "
            "exclusive or of the chosen numbers, is as large as possible.\n"
            "Write the chosen indices on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        values = parameters["A"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= i < len(values) for i in chosen):
            return rewards.invalid(f"indices must be distinct and between 0 and {len(values) - 1}")
        achieved = 0
        for i in chosen:
            achieved ^= values[i]
        best, _ = max_xor_subset(values)
        return rewards.optimality(achieved, best, 5.0, minimize=False)

"""Sum of the XORs of all contiguous subarrays."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped


def subarray_xor_total(values: list[int]) -> int:
    """Σ over subarrays of their XOR. A subarray's XOR is the XOR of two prefix XORs, so bit b contributes 2^b
    for every pair of prefixes (i < j) that differ in bit b: count prefixes with the bit set and clear."""
    width = max(values, default=0).bit_length()
    set_counts, clear_counts = [0] * width, [1] * width  # the empty prefix has every bit clear
    prefix, total = 0, 0
    for value in values:
        prefix ^= value
        for bit in range(width):
            if prefix >> bit & 1:
                total += clear_counts[bit] << bit
                set_counts[bit] += 1
            else:
                total += set_counts[bit] << bit
                clear_counts[bit] += 1
    return total


class SubarrayXorSum(Task):
    """Compute the sum, over all N·(N+1)/2 contiguous subarrays of an array of N integers, of the bitwise XOR of
    the subarray.

    Difficulty: N = 3 + d; entries are uniform in [0, N].
    Reward: -1 unparsable; 1 for the exact sum, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(0, n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = ", ".join(f"A[{i}]={v}" for i, v in enumerate(values, start=1))
        return (
            f"An array A has {n} integers: {listing}\n"
            f"It has {n * (n + 1) // 2} contiguous subarrays A[l..r] (1 ≤ l ≤ r ≤ {n}). For each of them take the "
            "bitwise XOR of its elements; what is the sum of all these XOR values?\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum of subarray XORs."""
        return subarray_xor_total(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))

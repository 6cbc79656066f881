"""Arrays B for which A[i] & B[i] never decreases and A[i] | B[i] never increases."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_MAX_BITS = 20


@functools.lru_cache(maxsize=1024)
def nondecreasing_submask_sequences(masks: tuple[int, ...], bits: int) -> int:
    """The number of sequences X[0..n-1] with X[i] ⊆ masks[i] (as bit sets) and X non-decreasing.

    Interval DP over bits from the lowest up: ways[l][r] counts the sequences on positions l..r that use only the
    bits below the current one, assuming all higher bits are equal across the segment. Adding the next bit, a
    non-decreasing segment has it 0 on a prefix and 1 on the suffix (allowed only where the mask has the bit), and
    each part is then an independent subproblem on the lower bits.
    """
    n = len(masks)
    ways = [[1] * n for _ in range(n)]  # with no bits there is exactly one (empty) choice
    for bit in range(bits):
        has = [(mask >> bit) & 1 for mask in masks]
        extended = [[0] * n for _ in range(n)]
        for left in range(n):
            for right in range(left, n):
                # positions after the split take the bit: the split is at or after the last position lacking it
                lacking = right
                while lacking >= left and has[lacking]:
                    lacking -= 1
                total = 0
                for split in range(max(lacking, left - 1), right + 1):  # positions left..split get 0
                    low = ways[left][split] if split >= left else 1
                    high = ways[split + 1][right] if split < right else 1
                    total += low * high
                extended[left][right] = total
        ways = extended
    return ways[0][n - 1]


class AndOr_Sequence_Counting(Task):
    """Given an array A of N integers in [0, 2^M), count the arrays B with entries in [0, 2^M) such that
    A[i] & B[i] ≤ A[i+1] & B[i+1] and A[i] | B[i] ≥ A[i+1] | B[i+1] for every i < N − 1.

    The bits of B where A has a 1 only affect the AND and the others only the OR, so the count is the product of
    two counts of non-decreasing sub-mask sequences (the OR side after complementing).
    Difficulty: N grows as N ← int(1.1·N + 1) from 2; M is drawn from 1..20 per instance; A uniform.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        bits = rng.randint(1, _MAX_BITS)
        parameters = {"M": bits, "A": [rng.randrange(1 << bits) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, bits = parameters["A"], parameters["M"]
        n = len(values)
        listed = " ".join(f"A[{i}]={value}" for i, value in enumerate(values))
        return (
            f"You are given an array A of {n} integers: {listed}\n"
            f"Count the arrays B of {n} integers with 0 ≤ B[i] < 2^{bits} = {1 << bits} for every i, such that for "
            f"every i with 0 ≤ i < {n - 1}:\n"
            "- (A[i] AND B[i]) ≤ (A[i+1] AND B[i+1]), and\n"
            "- (A[i] OR B[i]) ≥ (A[i+1] OR B[i+1]),\n"
            "where AND and OR are bitwise operations.\n"
            "Answer with a single integer: the number of such arrays B."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of arrays B."""
        values, bits = parameters["A"], parameters["M"]
        full = (1 << bits) - 1
        return nondecreasing_submask_sequences(tuple(values), bits) * nondecreasing_submask_sequences(
            tuple(full ^ value for value in values), bits
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)

"""Cut a sequence into at most K consecutive batches minimising the bitwise OR of the batch sums."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def batch_or(values: list[int], ends: list[int]) -> int:
    """OR of the sums of the batches ending at the given 1-based positions."""
    result, start = 0, 0
    for end in ends:
        result |= sum(values[start:end])
        start = end
    return result


def _fewest_batches(prefix: list[int], allowed: int) -> list[int] | None:
    """Batch ends (1-based) of a division into the fewest batches whose sums use only `allowed` bits."""
    n = len(prefix) - 1
    unreachable = n + 1
    fewest = [0] + [unreachable] * n
    previous = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(end):
            fits = (prefix[end] - prefix[start]) | allowed == allowed
            if fits and fewest[start] + 1 < fewest[end]:
                fewest[end], previous[end] = fewest[start] + 1, start
    if fewest[n] == unreachable:
        return None
    ends, end = [], n
    while end:
        ends.append(end)
        end = previous[end]
    return ends[::-1]


def least_or_division(values: list[int], limit: int) -> list[int]:
    """Batch ends of a division into at most `limit` batches with the least OR of batch sums: decide the bits
    from the highest, keeping a bit 0 whenever some division with at most `limit` batches has sums avoiding it and
    every higher bit already set to 0 (Luogu P3646)."""
    prefix = [0]
    for value in values:
        prefix.append(prefix[-1] + value)
    answer = 0
    for bit in range(prefix[-1].bit_length(), -1, -1):
        division = _fewest_batches(prefix, answer | ((1 << bit) - 1))
        if division is None or len(division) > limit:
            answer |= 1 << bit
    ends = _fewest_batches(prefix, answer)
    assert ends is not None and len(ends) <= limit  # the bits set above keep the previous division feasible
    return ends


class MinDivisionSumXor(Task):
    """Divide N numbers, in order, into k consecutive batches with 1 ≤ k ≤ K, minimising the bitwise OR of the
    batch sums.

    Solved exactly bit by bit from the highest, with a fewest-batches DP deciding whether a bit can stay 0
    (Luogu P3646; the RLVE name says XOR, the operation is OR).
    Difficulty: N ← int(1.1·N + 1) from 3; values uniform in [0, N²]; K uniform in [2, N].
    Reward: -1 unparsable; -0.5 unless the answer is 1 to K strictly increasing batch ends in [1, N] ending with
    N; else (least OR / achieved OR)^5 (1 when both are 0).
    Answer: the batch ends end[1] … end[k] (1-based, the last one N) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(0, n * n) for _ in range(n)], "K": rng.randint(2, n)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, limit = parameters["A"], parameters["K"]
        n = len(values)
        listing = "\n".join(f"A[{i}]={a}" for i, a in enumerate(values, start=1))
        return (
            f"Here are {n} numbers:\n{listing}\n"
            f"Divide them, in this order, into k consecutive batches with 1 ≤ k ≤ {limit}: batch 1 holds A[1] to "
            "A[end[1]], batch 2 holds A[end[1]+1] to A[end[2]], and so on, with "
            f"1 ≤ end[1] < end[2] < ... < end[k] = {n}. The cost of a division is the bitwise OR of the sums of its "
            "batches. Find a division with the smallest possible cost.\n"
            f"Write end[1] end[2] ... end[k] on one line, separated by spaces (the last number is {n})."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Batch ends of an optimal division (see `least_or_division`)."""
        return least_or_division(parameters["A"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        ends = parse_int_list(answer)
        values, limit = parameters["A"], parameters["K"]
        n = len(values)
        increasing = all(a < b for a, b in itertools.pairwise(ends))
        if not (1 <= len(ends) <= limit and increasing and ends[0] >= 1 and ends[-1] == n):
            return rewards.invalid(f"expected 1 to {limit} increasing batch ends in [1, {n}], the last equal to {n}")
        best = batch_or(values, self.solve(parameters))
        return rewards.optimality(batch_or(values, ends), best, _BETA, minimize=True)

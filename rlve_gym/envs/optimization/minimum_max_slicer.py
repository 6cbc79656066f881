"""Cut an array into M consecutive batches minimising the largest batch sum."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def _greedy_ends(values: list[int], limit: int) -> list[int] | None:
    """Batch ends packing each batch as long as its sum stays ≤ limit (None if one value exceeds it)."""
    ends, running = [], 0
    for index, value in enumerate(values):
        if value > limit:
            return None
        if running + value > limit:
            ends.append(index - 1)
            running = 0
        running += value
    ends.append(len(values) - 1)
    return ends


def best_ends(values: list[int], batches: int) -> list[int]:
    """Ends of an optimal cutting: the least limit the greedy packing meets with ≤ `batches` batches (binary
    search; greedy packing uses the fewest batches for a given limit), then extra cuts at the first unused
    indices (cutting more never raises a batch sum)."""
    low, high = max(values), sum(values)
    while low < high:
        middle = (low + high) // 2
        ends = _greedy_ends(values, middle)
        if ends is not None and len(ends) <= batches:
            high = middle
        else:
            low = middle + 1
    ends = _greedy_ends(values, low) or []
    spare = [index for index in range(len(values)) if index not in set(ends)]
    return sorted(ends + spare[: batches - len(ends)])


def largest_batch(values: list[int], ends: list[int]) -> int:
    """The largest batch sum of the cutting with these (valid) ends."""
    starts = [0] + [end + 1 for end in ends[:-1]]
    return max(sum(values[start : end + 1]) for start, end in zip(starts, ends))


class Minimum_MaxSlicer(Task):
    """Cut an array A of N positive integers into M consecutive non-empty batches so that the largest batch sum is
    as small as possible.

    Values are uniform in [1, N] and M in [3, max(3, N // 2)]; the optimum is exact (binary search on the largest
    sum with greedy packing).
    Difficulty: N grows as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable; -0.5 unless the answer is M strictly increasing indices in 0..N-1 ending at N-1;
    otherwise (optimal largest sum / largest sum)^3.
    Answer: end[1] … end[M], the last index of every batch, on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        batches = rng.randint(3, max(3, n // 2))
        values = [rng.randint(1, n) for _ in range(n)]
        ends = best_ends(values, batches)
        parameters = {"A": values, "M": batches, "optimum": largest_batch(values, ends)}
        return Instance(parameters, " ".join(map(str, ends)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, batches = parameters["A"], parameters["M"]
        n = len(values)
        listing = "\n".join(f"A[{i}]={value}" for i, value in enumerate(values))
        return (
            f"An array A of length {n} is given (indices 0 to {n - 1}):\n{listing}\n"
            f"Cut it, keeping the order, into {batches} consecutive non-empty batches; let end[1] < end[2] < ... < "
            f"end[{batches}] = {n - 1} be the last index of each batch (batch 1 is indices 0..end[1], batch 2 is "
            "end[1]+1..end[2], and so on). Make the largest batch sum as small as possible.\n"
            f"Write end[1], end[2], ..., end[{batches}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Ends of an optimal cutting."""
        return best_ends(parameters["A"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        ends = parse_int_list(answer)
        values, batches = parameters["A"], parameters["M"]
        n = len(values)
        if len(ends) != batches or ends[-1] != n - 1 or ends[0] < 0:
            return rewards.invalid(f"expected {batches} batch ends, the last being {n - 1}")
        if any(a >= b for a, b in itertools.pairwise(ends)):
            return rewards.invalid("batch ends must be strictly increasing")
        return rewards.optimality(largest_batch(values, ends), parameters["optimum"], 3.0, minimize=True)

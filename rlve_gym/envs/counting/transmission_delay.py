"""Count the distinct 0/1 arrays reachable by moving every element at most D places."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_DRAWS = 100


def _largest_shift(values: list[int]) -> int:
    """RLVE's upper end for D: from the gaps around and between equal values (1-based positions)."""
    n, largest = len(values), 0
    for bit in (0, 1):
        positions = [i for i, v in enumerate(values, start=1) if v == bit]
        largest = max(largest, positions[0] - 2, n - 1 - positions[-1])
        largest = max([largest] + [(b - a - 2) // 2 for a, b in itertools.pairwise(positions)])
    return largest


class TransmissionDelay(Task):
    """Count the distinct arrays A' with A'[i] = A[P[i]] for a permutation P of 1..N with |i − P[i]| ≤ D,
    for a given 0/1 array A.

    A' is reachable exactly when matching the k-th 0 of A' with the k-th 0 of A, and likewise for the 1s, moves
    nothing more than D places (crossing two equal values never helps). The count is a DP over positions with the
    number of 0s placed so far. A has a 0-probability uniform in [0, 1) and is redrawn until it holds 2..N−2 ones
    and RLVE's gap bound (from runs of equal values) is at least 1; D is uniform between 1 and that bound.
    Difficulty: N ← N + 1 from 4.
    Reward: -1 unparsable or not positive; otherwise (min/max of answer and truth)^10.
    Answer: one positive integer, the number of distinct arrays.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_DRAWS):
            zero_probability = rng.random()
            values = [0 if rng.random() < zero_probability else 1 for _ in range(n)]
            if 2 <= sum(values) <= n - 2 and _largest_shift(values) >= 1:
                break
        else:  # each draw qualifies with probability above 1/4, so this is never reached in practice
            values = [0, 0, 1, 1] + [0] * (n - 4)
        parameters = {"A": values, "D": rng.randint(1, _largest_shift(values))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, shift = parameters["A"], parameters["D"]
        n = len(values)
        listed = " ".join(f"A[{i}]={v}" for i, v in enumerate(values, start=1))
        return (
            f"A 0/1 array A of length {n} (positions 1 to {n}) is: {listed}\n"
            f"Pick a permutation P of 1, 2, ..., {n} with |i − P[i]| ≤ {shift} for every i, and form the array A' "
            "with A'[i] = A[P[i]] for every i.\n"
            "How many different arrays A' can be formed this way? Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of distinct reachable arrays."""
        values, shift = parameters["A"], parameters["D"]
        zeros = [i for i, v in enumerate(values) if v == 0]
        ones = [i for i, v in enumerate(values) if v == 1]
        # ways[z]: fillings of positions 0..i-1 using the first z zeros and the first i - z ones
        ways = [1] + [0] * len(zeros)
        for i in range(len(values)):
            grown = [0] * (len(zeros) + 1)
            for z, count in enumerate(ways):
                if not count:
                    continue
                if z < len(zeros) and abs(zeros[z] - i) <= shift:
                    grown[z + 1] += count
                placed_ones = i - z
                if placed_ones < len(ones) and abs(ones[placed_ones] - i) <= shift:
                    grown[z] += count
            ways = grown
        return ways[len(zeros)]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

"""Random range-max operations (HAOI 2016 style): expected final values, scaled to integers modulo 10000."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_MOD = 10_000


class RandomRangeMaxExpectation(Task):
    """An array of N integers undergoes Q operations; each picks one of the S = N(N+1)/2 subarrays uniformly and
    sets all its entries to their maximum. For every position give the expected final value times S^Q (the sum
    of the final value over all S^Q operation sequences), modulo 10000.

    A value is ∑_k [value ≥ k], so count, per threshold k, the sequences that leave a position below k. Below-k
    positions form maximal segments that evolve on their own: an operation inside the segment or entirely
    outside it changes nothing; one that crosses a boundary next to a larger entry cuts the segment to the part
    it does not cover. A segment [l, r] starts with weight equal to the number of thresholds for which it is a
    maximal below-threshold segment, and the Q-step evolution is a linear recurrence on segments, O(N²) per
    step with prefix sums.
    Difficulty: N ← int(1.1·N + 1) from 3; Q uniform in [1, N]; entries uniform in [0, N].
    Reward: -1 unparsable; -0.5 unless N numbers are given; otherwise (positions right / N)^3.
    Answer: the N scaled values modulo 10000 on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"array": [rng.randint(0, n) for _ in range(n)], "Q": rng.randint(1, n)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, operations = parameters["array"], parameters["Q"]
        n = len(values)
        return (
            f"An array has {n} integers: {' '.join(map(str, values))}\n"
            f"Apply {operations} operation{'s' if operations > 1 else ''} one after another. Each operation picks "
            f"one of the {n}·({n} + 1)/2 = {n * (n + 1) // 2} contiguous subarrays uniformly at random and sets "
            "every entry of it to the maximum entry of that subarray.\n"
            "For every position, take the expected value of its entry after all operations and multiply it by "
            f"({n * (n + 1) // 2})^{operations}; this is an integer. Give these integers modulo {_MOD}.\n"
            f"Write the {n} results, in the order of the positions, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Scaled expectations modulo 10000, by the segment recurrence above."""
        values, operations = parameters["array"], parameters["Q"]
        n, top = len(values), max(parameters["array"])
        inside = [m * (m + 1) // 2 for m in range(n + 1)]  # subarrays within a block of m positions
        weight = [[0] * n for _ in range(n)]
        for left in range(n):
            largest = -1
            for right in range(left, n):
                largest = max(largest, values[right])
                bound = min(values[left - 1] if left else top, values[right + 1] if right < n - 1 else top)
                weight[left][right] = max(0, bound - largest)  # thresholds k in (largest, bound]
        for _ in range(operations):
            grown_from_left = [[0] * n for _ in range(n)]  # ∑_{l' < l} l'·weight[l'][r]
            for right in range(n):
                running = 0
                for left in range(right + 1):
                    grown_from_left[left][right] = running
                    running = (running + left * weight[left][right]) % _MOD
            step = [[0] * n for _ in range(n)]
            for left in range(n):
                running = 0  # ∑_{r' > r} (n-1-r')·weight[l][r']
                for right in range(n - 1, left - 1, -1):
                    stay = inside[right - left + 1] + inside[left] + inside[n - 1 - right]
                    step[left][right] = (weight[left][right] * stay + grown_from_left[left][right] + running) % _MOD
                    running = (running + (n - 1 - right) * weight[left][right]) % _MOD
            weight = step
        total = n * (n + 1) // 2
        everything = top * pow(total, operations, _MOD)
        return [
            (everything - sum(weight[left][right] for left in range(i + 1) for right in range(i, n))) % _MOD
            for i in range(n)
        ]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parse_int_list(answer)
        n = len(parameters["array"])
        if len(given) != n:
            return rewards.invalid(f"expected {n} numbers")
        right = sum(a == b for a, b in zip(given, self.solve(parameters)))
        return rewards.partial(right / n, _BETA, f"{right}/{n} positions right")

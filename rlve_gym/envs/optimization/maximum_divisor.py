"""The largest divisor L for which the floors A[i] / L still add up to at least K (cutting wood into pieces)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def _pieces(lengths: list[int], divisor: int) -> int:
    return sum(length // divisor for length in lengths)


class MaximumDivisor(Task):
    """Given an array A and a target K, find the largest positive integer L with ⌊A[0]/L⌋ + … + ⌊A[N−1]/L⌋ ≥ K.

    Difficulty: N grows as N ← int(1.2·N + 2) from 3; A[i] uniform in [1, N]; K uniform in
    [1, N·max(1, ⌊N/20⌋)] (when the sum of A is below K, the shortfall is added to one entry before shuffling).
    Reward: -1 unparsable or not positive; -0.5 when the sum of floors is below K; otherwise (L / best L)^5.
    Answer: one positive integer L.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty, factor=1.2, add=2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        target = rng.randint(1, n * max(1, n // 20))
        lengths = [rng.randint(1, n) for _ in range(n)]
        lengths[0] += max(0, target - sum(lengths))
        rng.shuffle(lengths)
        parameters = {"A": lengths, "K": target}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        lengths, target = parameters["A"], parameters["K"]
        n = len(lengths)
        return (
            f"An array A of {n} positive integers, indexed from 0, is:\n{' '.join(map(str, lengths))}\n"
            f"Find the largest positive integer L such that floor(A[0] / L) + floor(A[1] / L) + … + "
            f"floor(A[{n - 1}] / L) ≥ {target}, where floor(y) rounds y down to an integer.\n"
            "Answer with the single integer L."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Binary search: the piece count never increases as L grows, and L = 1 is feasible (sum of A ≥ K)."""
        lengths, target = parameters["A"], parameters["K"]
        low, high = 1, max(lengths)  # low is feasible; everything above high gives 0 pieces
        while low < high:
            middle = (low + high + 1) // 2
            if _pieces(lengths, middle) >= target:
                low = middle
            else:
                high = middle - 1
        return low

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("L must be a positive integer")
        if _pieces(parameters["A"], value) < parameters["K"]:
            return rewards.invalid(f"the floors add up to less than {parameters['K']}")
        return rewards.optimality(value, self.solve(parameters), _BETA, minimize=False)

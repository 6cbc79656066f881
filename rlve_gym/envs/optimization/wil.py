"""Zero out a short interval, then find the longest interval whose sum stays within a budget."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class WIL(Task):
    """Given positive A[1..N], set to 0 every entry of an interval [l1, r1] of length at most D, then pick an
    interval [l2, r2] whose sum is at most P; make r2 − l2 + 1 as large as possible.

    Entries are positive, so for a fixed [l2, r2] it is best to zero the length-min(D, r2 − l2 + 1) stretch inside
    it with the largest sum; the reference grows each left end rightwards keeping that best stretch (POI 2015
    "Wilcze doły").
    Difficulty: N ← int(1.1·N + 1) from 3; A[i] uniform in [1, N]; D uniform in [1, N − 1]; P uniform between 1
    and the total minus the D largest entries.
    Reward: -1 unparsable or not four integers; -0.5 unless 1 ≤ l1 ≤ r1 ≤ N, 1 ≤ l2 ≤ r2 ≤ N, r1 − l1 + 1 ≤ D and
    the sum over [l2, r2] after zeroing is at most P; otherwise (r2 − l2 + 1 / best length)^5.
    Answer: four integers l1 r1 l2 r2 on one line.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [rng.randint(1, n) for _ in range(n)]
        zero_length = rng.randint(1, n - 1)
        budget = rng.randint(1, sum(values) - sum(sorted(values, reverse=True)[:zero_length]))
        parameters = {"A": values, "D": zero_length, "P": budget}
        choice = self.solve(parameters)
        parameters["best"] = choice[3] - choice[2] + 1
        return Instance(parameters, " ".join(map(str, choice)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, zero_length, budget = parameters["A"], parameters["D"], parameters["P"]
        n = len(values)
        listed = ", ".join(f"A[{i}]={v}" for i, v in enumerate(values, start=1))
        return (
            f"An array A has {n} entries, indexed 1 to {n}: {listed}\n"
            f"First choose an interval [l1, r1] with r1 − l1 + 1 ≤ {zero_length} and set A[i] = 0 for every "
            f"l1 ≤ i ≤ r1. Then choose an interval [l2, r2] whose sum of A[i] over l2 ≤ i ≤ r2 (after the zeroing) "
            f"is at most {budget}. Make the length r2 − l2 + 1 as large as possible.\n"
            "Write l1 r1 l2 r2 on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal [l1, r1, l2, r2] (1-based)."""
        values, zero_length, budget = parameters["A"], parameters["D"], parameters["P"]
        n = len(values)
        prefix = [0] * (n + 1)
        for i, v in enumerate(values):
            prefix[i + 1] = prefix[i] + v
        best: list[int] = []
        for left in range(n):
            top_start, top_sum = left, 0  # heaviest stretch of length ≤ D within [left, right]
            for right in range(left, n):
                length = right - left + 1
                if length <= zero_length:
                    top_start, top_sum = left, prefix[right + 1] - prefix[left]
                else:
                    start = right - zero_length + 1
                    stretch = prefix[right + 1] - prefix[start]
                    if stretch > top_sum:
                        top_start, top_sum = start, stretch
                if prefix[right + 1] - prefix[left] - top_sum > budget:
                    break  # positive entries: longer windows from this left end only cost more
                if not best or length > best[3] - best[2] + 1:
                    stretch_end = top_start + min(zero_length, length) - 1
                    best = [top_start + 1, stretch_end + 1, left + 1, right + 1]
        return best

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        if len(values) != 4:
            raise AnswerFormatError("expected four integers l1 r1 l2 r2")
        l1, r1, l2, r2 = values
        n = len(parameters["A"])
        if not (1 <= l1 <= r1 <= n and 1 <= l2 <= r2 <= n) or r1 - l1 + 1 > parameters["D"]:
            return rewards.invalid("the intervals must lie in 1..N and the zeroed one must be at most D long")
        total = sum(v for i, v in enumerate(parameters["A"], start=1) if l2 <= i <= r2 and not l1 <= i <= r1)
        if total > parameters["P"]:
            return rewards.invalid(f"the chosen interval sums to {total} > {parameters['P']}")
        return rewards.optimality(r2 - l2 + 1, parameters["best"], _BETA, minimize=False)

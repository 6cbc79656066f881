"""Longest non-decreasing subsequence after reversing one chosen subsequence (USACO 2017 "Subsequence Reversal")."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def longest_after_reversal(values: list[int]) -> int:
    """The longest non-decreasing subsequence achievable after reversing the elements at one set of indices.

    best[l, r][lo, hi] is the longest non-decreasing subsequence of A[l..r] with values in [lo, hi] after reversing
    one index set inside [l, r]. It grows from shorter intervals by taking A[l] as the low end, A[r] as the high
    end, or swapping A[l] and A[r] (both reversed ends); a 2-D running maximum then lets any sub-range
    [lo', hi'] ⊆ [lo, hi] count. Each interval is one vectorised step over all value ranges: O(N²·V²).
    """
    n = len(values)
    top = max(values)
    low_index = np.arange(top + 2)[:, None]
    high_index = np.arange(top + 2)[None, :]
    empty_range = low_index > high_index
    shape = (top + 2, top + 2)

    def widen(candidate: np.ndarray) -> np.ndarray:
        # any [lo', hi'] ⊆ [lo, hi] is allowed: running max over hi ascending, then over lo descending
        candidate = np.where(empty_range, 0, candidate)
        candidate = np.maximum.accumulate(candidate, axis=1)
        return np.maximum.accumulate(candidate[::-1], axis=0)[::-1]

    is_low = [low_index == v for v in range(top + 2)]
    is_high = [high_index == v for v in range(top + 2)]
    shorter = [np.zeros(shape, dtype=np.int64) for _ in range(n + 1)]  # length 0
    current = [widen(((low_index == v) & (high_index == v)).astype(np.int64)) for v in values]  # length 1
    for length in range(2, n + 1):
        longer = []
        for left in range(n - length + 1):
            right = left + length - 1
            take_left = current[left + 1] + is_low[values[left]]
            take_right = current[left] + is_high[values[right]]
            swap_ends = shorter[left + 1] + is_high[values[left]] + is_low[values[right]]
            longer.append(widen(np.maximum(np.maximum(take_left, take_right), swap_ends)))
        shorter, current = current, longer
    return int(current[0][1, top])


class SubsequenceReversalLNDS(Task):
    """Give the longest non-decreasing subsequence achievable after reversing the values at one set of indices.

    Difficulty: N = d + 4 values, each uniform in [1, N].
    Reward: 1 for the right length, 0 for any other integer, -1 unparsable.
    Answer: one integer, the maximum length.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        parameters = {"A": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = ", ".join(f"A[{i}]={v}" for i, v in enumerate(values, start=1))
        return (
            f"A sequence A has {n} integers: {listing}\n"
            f"You may choose any indices i_1 < i_2 < ... < i_k (1 ≤ i_1, i_k ≤ {n}, k ≥ 1) and reverse the order of "
            "the elements at those positions: A[i_1] and A[i_k] trade places, A[i_2] and A[i_(k-1)] trade places, "
            "and so on, while all other elements stay put. Do this once, so that the longest non-decreasing "
            "subsequence (not necessarily contiguous) of the resulting sequence is as long as possible.\n"
            "Your answer should be a single integer: that largest possible length."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest achievable length."""
        return longest_after_reversal(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

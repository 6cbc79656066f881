"""Longest bitonic subsequence: strictly increasing, then strictly decreasing (NOIP 2004, "chorus")."""

from __future__ import annotations

import bisect
import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_MAX_VALUE = 100_000


class LIS_LDS_Concatenation(Task):
    """Select indices i1 < … < ik of an array so that the selected values first strictly increase and then
    strictly decrease (either part may be empty), making k as large as possible.

    Difficulty: N ← int(1.2·N) from 5; values uniform in [0, 100000]. The reference joins, at the best peak,
    a longest strictly increasing subsequence ending there and a longest strictly decreasing one starting there
    (patience sorting with predecessor links, O(N log N)).
    Reward: -1 unparsable; -0.5 unless the answer is a non-empty strictly increasing list of indices whose
    values rise strictly and then fall strictly; otherwise (k / longest k)^5.
    Answer: the selected indices (0-based, increasing) on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty, factor=1.2, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters: dict[str, Any] = {"A": [rng.randint(0, _MAX_VALUE) for _ in range(n)]}
        chosen = self.solve(parameters)
        parameters["best"] = len(chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        return (
            f"Here is an array A of {len(values)} integers, indexed from 0:\n{' '.join(map(str, values))}\n"
            f"Select indices i1 < i2 < ... < ik (all in 0..{len(values) - 1}) so that the selected values "
            "A[i1], A[i2], ..., A[ik] first strictly increase and then strictly decrease: "
            "A[i1] < ... < A[im] > ... > A[ik] for some m between 1 and k (a purely increasing or purely "
            "decreasing selection is allowed). Make k as large as possible.\n"
            "Write the selected indices in increasing order on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A longest bitonic selection of indices."""
        values = parameters["A"]
        n = len(values)
        rise_length, rise_previous = _longest_increasing_ending_at(values)
        fall_length, fall_next = _longest_increasing_ending_at(values[::-1])
        fall_length, fall_next = fall_length[::-1], [n - 1 - j if j >= 0 else -1 for j in fall_next[::-1]]
        peak = max(range(n), key=lambda i: (rise_length[i] + fall_length[i], -i))
        rising, i = [], peak
        while i >= 0:
            rising.append(i)
            i = rise_previous[i]
        falling, i = [], fall_next[peak]
        while i >= 0:
            falling.append(i)
            i = fall_next[i]
        return rising[::-1] + falling

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer, allow_empty=True)
        values = parameters["A"]
        if not indices or any(not 0 <= i < len(values) for i in indices):
            return rewards.invalid(f"expected at least one index in [0, {len(values)})")
        if any(a >= b for a, b in itertools.pairwise(indices)):
            return rewards.invalid("indices must be strictly increasing")
        selected = [values[i] for i in indices]
        top = 0
        while top + 1 < len(selected) and selected[top] < selected[top + 1]:
            top += 1
        if any(a <= b for a, b in zip(selected[top:], selected[top + 1 :], strict=False)):
            return rewards.invalid("the selected values do not rise strictly and then fall strictly")
        return rewards.optimality(len(indices), parameters["best"], _BETA, minimize=False)


def _longest_increasing_ending_at(values: list[int]) -> tuple[list[int], list[int]]:
    """For each i: the length of a longest strictly increasing subsequence ending at i, and the index before i
    in one such subsequence (-1 if none)."""
    tail_values: list[int] = []  # tail_values[k]: smallest last value of an increasing run of length k + 1
    tail_index: list[int] = []
    length, previous = [0] * len(values), [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tail_values, value)
        previous[i] = tail_index[k - 1] if k else -1
        length[i] = k + 1
        if k == len(tail_values):
            tail_values.append(value)
            tail_index.append(i)
        else:
            tail_values[k], tail_index[k] = value, i
    return length, previous

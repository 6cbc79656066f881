"""Lollipop: for every target sum, a subarray of a 1/2 array with exactly that sum (or none)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


def intervals_for_every_sum(values: list[int]) -> list[tuple[int, int] | None]:
    """For each target 1..sum(values), an interval [l, r] (0-based, inclusive) with that sum, or None.

    Entries are 1 or 2. Dropping a 2 from an end, or a 1 from each end, lowers a sum by exactly 2, so every target
    of a parity is reachable by shrinking the widest interval of that parity: the whole array, and the longer of
    the two intervals that start just after the first 1 or end just before the last 1.
    """
    n, total = len(values), sum(values)
    found: list[tuple[int, int] | None] = [None] * (total + 1)
    starts = [(0, n - 1)]
    ones = [i for i, value in enumerate(values) if value == 1]
    if ones:
        left_cut, right_cut = (ones[0] + 1, n - 1), (0, ones[-1] - 1)
        left_sum, right_sum = total - (2 * ones[0] + 1), total - (2 * (n - 1 - ones[-1]) + 1)
        starts.append(left_cut if left_sum >= right_sum else right_cut)
    prefix = [0]
    for value in values:
        prefix.append(prefix[-1] + value)
    for left, right in starts:
        while left <= right:
            found[prefix[right + 1] - prefix[left]] = (left, right)
            if values[left] == 2:
                left += 1
            elif values[right] == 2:
                right -= 1
            else:
                left, right = left + 1, right - 1
    return found[1:]


class LIZ_Lollipop(Task):
    """For an array of 1s and 2s with sum S, give for every i in 1..S a subarray with sum exactly i, or -1 -1.

    Every achievable sum of a parity follows from the widest interval of that parity by shrinking two at a time.
    Difficulty: N ← N + 1 from 3; each entry is 2 with a random probability, else 1.
    Reward: -1 unparsable or a line without exactly two integers; -0.5 unless there are S lines, each -1 -1 or
    0 ≤ l ≤ r < N; otherwise (correct lines / S)^5, a line being correct when it names a subarray with that sum,
    or is -1 -1 when there is none.
    Answer: S lines; line i is "l r" for a subarray A[l..r] (0-based, inclusive) summing to i, or "-1 -1".
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        two_probability = rng.random()
        values = [2 if rng.random() < two_probability else 1 for _ in range(n)]
        lines = [f"{found[0]} {found[1]}" if found else "-1 -1" for found in intervals_for_every_sum(values)]
        return Instance({"N": n, "A": values}, "\n".join(lines))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        total = sum(values)
        listed = " ".join(f"A[{i}]={value}" for i, value in enumerate(values))
        return (
            f"An array A of length {len(values)} holds only 1s and 2s: {listed}\nIts total is {total}.\n"
            f"For every i from 1 to {total}, find a contiguous subarray A[l], A[l+1], ..., A[r] (0-based indices, "
            "l ≤ r) whose sum is exactly i, or report that there is none.\n"
            f"Write {total} lines: line i holds l and r separated by a space, or -1 -1 if no subarray sums to i."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        if any(len(row) != 2 for row in rows):
            raise AnswerFormatError("every line must hold exactly two integers")
        values = parameters["A"]
        n, total = len(values), sum(values)
        if len(rows) != total:
            return rewards.invalid(f"expected {total} lines, got {len(rows)}")
        if any(row != [-1, -1] and not 0 <= row[0] <= row[1] < n for row in rows):
            return rewards.invalid(f"every line must be -1 -1 or l r with 0 ≤ l ≤ r < {n}")
        prefix = [0]
        for value in values:
            prefix.append(prefix[-1] + value)
        expected = intervals_for_every_sum(values)
        correct = 0
        for target, ((left, right), found) in enumerate(zip(rows, expected), 1):
            if found is None:
                correct += left == -1
            else:
                correct += left >= 0 and prefix[right + 1] - prefix[left] == target
        return rewards.partial(correct / total, _BETA, f"{correct}/{total} lines correct")

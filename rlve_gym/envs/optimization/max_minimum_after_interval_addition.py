"""Choose K of M intervals to add a constant to, maximising the array's minimum."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


def minimum_after(values: list[int], intervals: list[list[int]], chosen: list[int], step: int) -> int:
    """The array's minimum after adding `step` over each chosen interval (1-based indices and positions)."""
    difference = [0] * (len(values) + 1)
    for index in chosen:
        left, right = intervals[index - 1]
        difference[left - 1] += step
        difference[right] -= step
    added, smallest = 0, None
    for value, change in zip(values, difference):
        added += change
        smallest = value + added if smallest is None else min(smallest, value + added)
    return smallest


def cheapest_cover(values: list[int], intervals: list[list[int]], step: int, target: int) -> list[int] | None:
    """The fewest intervals (1-based) lifting every entry to at least `target`, or None when impossible.

    Sweep left to right; when an entry falls short, take the available intervals reaching furthest right: any
    interval covering this entry and not yet taken is at least as useful for the entries to come."""
    starting: list[list[int]] = [[] for _ in range(len(values) + 1)]
    for index, (left, _) in enumerate(intervals, start=1):
        starting[left].append(index)
    available: list[tuple[int, int]] = []
    ending = [0] * (len(values) + 2)  # ending[p] = lift that stops applying at position p
    chosen: list[int] = []
    lift = 0
    for position, value in enumerate(values, start=1):
        lift -= ending[position]
        for index in starting[position]:
            heapq.heappush(available, (-intervals[index - 1][1], index))
        while value + lift < target:
            if not available or -available[0][0] < position:
                return None
            right, index = heapq.heappop(available)
            chosen.append(index)
            lift += step
            ending[-right + 1] += step
    return chosen


class MaxMinimum_AfterIntervalAddition(Task):
    """Given an array of N positive integers and M intervals of positions, choose K distinct intervals and add
    the constant A to every entry of each; maximise the smallest entry of the result.

    Solved exactly by binary search on the minimum with a greedy check (Luogu P4064); the reference pads the
    greedy choice with unused intervals up to K.
    Difficulty: N and M uniform in [3, d + 3]; K uniform in [2, M-1]; A uniform in [1, d + 3]; each entry uniform
    in [1, (d + 3)·t] with t drawn per entry from [1, K].
    Reward: -1 unparsable; -0.5 unless the answer is K distinct interval numbers in [1, M]; else
    (achieved minimum / optimal minimum)^5.
    Answer: the K chosen interval numbers on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_size": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_size = self.ladder(difficulty)["max_size"]
        n, m = rng.randint(3, max_size), rng.randint(3, max_size)
        k = rng.randint(2, m - 1)
        step = rng.randint(1, max_size)
        values = [rng.randint(1, max_size * rng.randint(1, k)) for _ in range(n)]
        intervals = []
        for _ in range(m):
            length = rng.randint(1, n)
            left = rng.randint(1, n - length + 1)
            intervals.append([left, left + length - 1])
        parameters = {"array": values, "intervals": intervals, "K": k, "A": step}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, intervals = parameters["array"], parameters["intervals"]
        k, step = parameters["K"], parameters["A"]
        listing = " ".join(f"X[{i}]={x}" for i, x in enumerate(values, start=1))
        lines = "\n".join(f"interval {i}: [{left}, {right}]" for i, (left, right) in enumerate(intervals, start=1))
        return (
            f"Here is an array X of {len(values)} integers: {listing}\n"
            f"and {len(intervals)} intervals of positions, numbered from 1:\n{lines}\n"
            f"Choose exactly {k} different intervals. For each chosen interval [l, r], add {step} to every X[i] with "
            "l ≤ i ≤ r (the additions accumulate). Make the smallest entry of X after all additions as large as "
            "possible.\n"
            f"Write the numbers of the {k} chosen intervals on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal choice of K interval numbers, sorted (binary search over the greedy check)."""
        values, intervals, k, step = parameters["array"], parameters["intervals"], parameters["K"], parameters["A"]
        low, high = min(values), min(values) + k * step
        best = cheapest_cover(values, intervals, step, low) or []
        while low < high:
            middle = (low + high + 1) // 2
            cover = cheapest_cover(values, intervals, step, middle)
            if cover is not None and len(cover) <= k:
                low, best = middle, cover
            else:
                high = middle - 1
        unused = [index for index in range(1, len(intervals) + 1) if index not in best]
        return sorted(best + unused[: k - len(best)])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        intervals, k = parameters["intervals"], parameters["K"]
        if len(chosen) != k or len(set(chosen)) != k or any(not 1 <= i <= len(intervals) for i in chosen):
            return rewards.invalid(f"expected {k} distinct interval numbers in [1, {len(intervals)}]")
        values, step = parameters["array"], parameters["A"]
        best = minimum_after(values, intervals, self.solve(parameters), step)
        return rewards.optimality(minimum_after(values, intervals, chosen, step), best, _BETA, minimize=False)

"""The longest subarray whose largest and smallest elements differ by at most K."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_TOO_WIDE = -0.2
"""RLVE's reward for a valid range whose spread exceeds K."""


def longest_window(values: list[int], spread: int) -> tuple[int, int]:
    """(l, r) of a longest window values[l:r] with max - min ≤ spread (sliding window with monotone deques)."""
    highs: deque[int] = deque()
    lows: deque[int] = deque()
    left, best = 0, (0, 1)
    for right, value in enumerate(values):
        while highs and values[highs[-1]] <= value:
            highs.pop()
        highs.append(right)
        while lows and values[lows[-1]] >= value:
            lows.pop()
        lows.append(right)
        while values[highs[0]] - values[lows[0]] > spread:
            left += 1
            if highs[0] < left:
                highs.popleft()
            if lows[0] < left:
                lows.popleft()
        if right + 1 - left > best[1] - best[0]:
            best = (left, right + 1)
    return best


class LongestMaxDiffBoundedInterval(Task):
    """Find the longest contiguous A[l:r] (indices l..r-1) in which max - min ≤ K.

    The optimum comes from a sliding window with monotone deques.
    Difficulty: N ← int(1.1·N + 1) from 3; A[i] uniform in [0, N]; K uniform in [0, max(0, max A - min A - 1)].
    Reward: -1 unparsable or not two integers; -0.5 unless 0 ≤ l < r ≤ N; -0.2 if the range's max - min exceeds K;
    otherwise ((r - l) / longest length)^5.
    Answer: l and r separated by a space (the subarray is A[l], ..., A[r-1]).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [rng.randint(0, n) for _ in range(n)]
        spread = rng.randint(0, max(0, max(values) - min(values) - 1))
        left, right = longest_window(values, spread)
        return Instance({"N": n, "A": values, "K": spread, "best": right - left}, f"{left} {right}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        listed = " ".join(f"A[{i}]={value}" for i, value in enumerate(parameters["A"]))
        return (
            f"An array A has {parameters['N']} integers: {listed}\n"
            f"Find the longest contiguous subarray A[l], A[l+1], ..., A[r-1] in which the largest and the smallest "
            f"element differ by at most {parameters['K']}.\n"
            "Write l and r on one line, separated by a space (0 ≤ l < r ≤ N; r itself is not included)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        bounds = parse_int_list(answer)
        if len(bounds) != 2:
            raise AnswerFormatError("expected two integers l and r")
        left, right = bounds
        values = parameters["A"]
        if not 0 <= left < right <= len(values):
            return rewards.invalid(f"need 0 ≤ l < r ≤ {len(values)}")
        window = values[left:right]
        if max(window) - min(window) > parameters["K"]:
            return rewards.wrong(f"max - min exceeds {parameters['K']}", reward=_TOO_WIDE)
        return rewards.optimality(right - left, parameters["best"], _BETA, minimize=False)

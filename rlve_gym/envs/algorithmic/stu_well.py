"""Dig a well: lower entries of an array (a bounded number of unit steps) so one reaches 0 and slopes stay gentle
(POI 2014, Well)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_VALUE_MULTIPLE = 4


def least_digging(heights: list[int], slope: int) -> int:
    """The fewest unit decrements that leave some entry at 0 and every adjacent difference at most `slope`.

    The largest `slope`-Lipschitz array below `heights` is the envelope min_k (heights[k] + slope·|j - k|); with a
    zero at i it is further capped by slope·|j - i|. Those caps are the cheapest targets, so try every i.
    """
    n = len(heights)
    envelope = heights[:]
    for j in range(1, n):
        envelope[j] = min(envelope[j], envelope[j - 1] + slope)
    for j in range(n - 2, -1, -1):
        envelope[j] = min(envelope[j], envelope[j + 1] + slope)
    total = sum(heights)
    return min(total - sum(min(envelope[j], slope * abs(j - i)) for j in range(n)) for i in range(n))


class STUWell(Task):
    """Lower entries of an array X by at most M unit steps so that some entry becomes 0, minimising the largest
    difference between adjacent entries; give that minimum.

    Difficulty: N = 3 + d entries, each uniform in [1, 4N]; M is uniform in [min X, sum X] (digging the smallest
    entry to 0 is always affordable).
    Reward: 1 for the right minimum, 0 for any other integer, -1 unparsable.
    Answer: one integer, the least possible maximum adjacent difference.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        heights = [rng.randint(1, _VALUE_MULTIPLE * n) for _ in range(n)]
        parameters = {"X": heights, "M": rng.randint(min(heights), sum(heights))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heights = parameters["X"]
        n = len(heights)
        listing = " ".join(f"X[{i}]={x}" for i, x in enumerate(heights))
        return (
            f"An array X has {n} entries: {listing}\n"
            f"You may apply the operation 'choose an index i and decrease X[i] by 1' at most {parameters['M']} times "
            "in total. When you stop, at least one entry of X must equal 0.\n"
            f"Make the largest absolute difference between neighbouring entries, max |X[i] - X[i+1]| over "
            f"0 ≤ i < {n - 1}, as small as possible. What is the smallest value it can have?\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least feasible slope, by binary search (feasibility is monotone in the slope)."""
        heights, budget = parameters["X"], parameters["M"]
        low, high = 0, max(heights)  # the slope max(X) is always feasible: dig the smallest entry to 0
        while low < high:
            middle = (low + high) // 2
            if least_digging(heights, middle) <= budget:
                high = middle
            else:
                low = middle + 1
        return low

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()

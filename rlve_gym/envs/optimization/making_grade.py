"""Make a sequence monotone with the least total absolute change."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 64


def is_monotone(values: list[int]) -> bool:
    """True iff `values` is non-decreasing or non-increasing."""
    pairs = list(itertools.pairwise(values))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def _closest_non_decreasing(values: list[int]) -> tuple[int, list[int]]:
    """(least sum |A[i] - B[i]|, such a non-decreasing B), with B's entries taken from A's values (some optimal B
    always is), by dynamic programming over (position, value)."""
    levels = sorted(set(values))
    cost = [abs(values[0] - level) for level in levels]
    choices: list[list[int]] = []
    for value in values[1:]:
        best_below, best_index = [], 0
        for k in range(len(levels)):
            if cost[k] < cost[best_index]:
                best_index = k
            best_below.append(best_index)
        choices.append(best_below)
        cost = [cost[best_below[k]] + abs(value - level) for k, level in enumerate(levels)]
    last = min(range(len(levels)), key=cost.__getitem__)
    total = cost[last]
    indices = [last]
    for best_below in reversed(choices):
        indices.append(best_below[indices[-1]])
    return total, [levels[k] for k in reversed(indices)]


def closest_monotone(values: list[int]) -> tuple[int, list[int]]:
    """(least sum |A[i] - B[i]| over monotone B, one optimal B)."""
    up_cost, up = _closest_non_decreasing(values)
    down_cost, down = _closest_non_decreasing(values[::-1])
    return (up_cost, up) if up_cost <= down_cost else (down_cost, down[::-1])


class MakingGrade(Task):
    """Find a monotone (non-decreasing or non-increasing) B minimising the sum of |A[i] - B[i]|.

    A is drawn uniformly and redrawn while already monotone (USACO 2008 "Making the Grade", Luogu P2893).
    Difficulty: N = d + 4 entries, each uniform in [0, N²].
    Reward: -1 unparsable; -0.5 if B has the wrong length or is not monotone; else (optimal cost / cost)^5.
    Answer: B[1] ... B[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_DRAWS):
            values = [rng.randint(0, n * n) for _ in range(n)]
            if not is_monotone(values):
                break
        else:  # a monotone draw 64 times in a row: at N = 4 about 1 in 10^60
            values[:3] = [0, 1, 0]
        _, best = closest_monotone(values)
        return Instance({"A": values}, " ".join(map(str, best)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = ", ".join(f"A[{i}]={value}" for i, value in enumerate(values, 1))
        return (
            f"Here is an array A of length {n}: {listing}\n"
            f"Find an array B of {n} integers that is monotone (either non-decreasing or non-increasing) and makes "
            f"the sum of |A[i] - B[i]| over i = 1..{n} as small as possible.\n"
            f"Write B[1], B[2], ..., B[{n}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        b = parse_int_list(answer)
        values = parameters["A"]
        if len(b) != len(values):
            return rewards.invalid(f"expected {len(values)} numbers, got {len(b)}")
        if not is_monotone(b):
            return rewards.invalid("B is neither non-decreasing nor non-increasing")
        best, _ = closest_monotone(values)
        return rewards.optimality(sum(abs(a - x) for a, x in zip(values, b)), best, 5.0, minimize=True)

"""Permutations on which bubble sort meets its swap lower bound, lexicographically above a given one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


def _completion_counts(n: int) -> list[list[int]]:
    """ways[r][s]: 321-avoiding ways to place the last r values when s of them lie below the current maximum.

    A prefix extends to a 321-avoiding permutation exactly when each new value is either a new maximum or the
    smallest value not yet used (any other value would later form a 3-2-1 pattern with the maximum and that
    smallest value). Taking the smallest unused below the maximum gives (r − 1, s − 1); taking the t-th smallest
    of the r − s values above the maximum gives (r − 1, s + t − 1).
    """
    ways = [[0] * (n + 1) for _ in range(n + 1)]
    ways[0][0] = 1
    for r in range(1, n + 1):
        for s in range(r + 1):
            total = ways[r - 1][s - 1] if s else 0
            total += sum(ways[r - 1][s + t - 1] for t in range(1, r - s + 1))
            ways[r][s] = total
    return ways


class BubbleSwapLowerBound_PermutationCounting(Task):
    """Count the permutations p of 1..N on which bubble sort makes exactly LB(p) = (|1 − p[1]| + … + |N − p[N]|)/2
    swaps (the least it can make) and that are lexicographically greater than a given permutation P.

    Bubble sort meets the bound exactly on the permutations with no decreasing subsequence of length 3.
    Difficulty: N = d + 3; P is a uniformly random permutation.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        permutation = list(range(1, self.ladder(difficulty)["N"] + 1))
        rng.shuffle(permutation)
        parameters = {"P": permutation}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        permutation = parameters["P"]
        n = len(permutation)
        given = ", ".join(f"P[{i}] = {value}" for i, value in enumerate(permutation, start=1))
        return (
            f"Bubble sort is run on a permutation p[1..{n}] of the numbers 1 to {n}:\n"
            f"    repeat {n} times: for j = 1 to {n - 1}: if p[j] > p[j + 1] then swap p[j] and p[j + 1]\n"
            "It always makes at least LB(p) = (|1 − p[1]| + |2 − p[2]| + … + "
            f"|{n} − p[{n}]|) / 2 swaps. How many permutations p of 1 to {n} satisfy both of the following?\n"
            "1) bubble sort makes exactly LB(p) swaps on p;\n"
            f"2) p is lexicographically greater than the permutation P given by {given}.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """For each position i where p first exceeds P: the valid choices there (new maximum above P[i], or the
        smallest unused value when it is above P[i]) times the completion count; stop once P's own prefix stops
        being extendable."""
        target = parameters["P"]
        n = len(target)
        ways = _completion_counts(n)
        unused = sorted(target)
        maximum, total = 0, 0
        for value in target:
            remaining = len(unused)
            below = sum(x < maximum for x in unused)
            for rank, choice in enumerate(unused):
                if choice <= value:
                    continue
                if choice > maximum:  # new maximum: the unused values below it are left behind it
                    total += ways[remaining - 1][rank]
                elif rank == 0:  # the smallest unused value, below the maximum
                    total += ways[remaining - 1][below - 1]
            if not (value > maximum or value == unused[0]):
                break
            maximum = max(maximum, value)
            unused.remove(value)
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

"""Erase the cheapest entries that shorten the longest non-decreasing subsequence."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.flows import FlowNetwork
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_NOT_SHORTER = -0.2
"""RLVE's reward for an erasure that leaves the longest non-decreasing subsequence as long as before."""


def lnds_ending_at(values: list[int]) -> list[int]:
    """For each position, the length of the longest non-decreasing subsequence ending there."""
    lengths: list[int] = []
    for i, value in enumerate(values):
        lengths.append(1 + max((lengths[j] for j in range(i) if values[j] <= value), default=0))
    return lengths


def cheapest_erasure(values: list[int], costs: list[int]) -> list[int]:
    """Positions of least total cost meeting every longest non-decreasing subsequence (a minimum vertex cut).

    Every longest subsequence is a source-to-sink path of the layered graph joining j to i when
    values[j] ≤ values[i] and their lengths differ by one; splitting each position into an arc of capacity
    cost[i] turns the cheapest hitting set into a minimum cut (Luogu P3308)."""
    n = len(values)
    lengths = lnds_ending_at(values)
    longest = max(lengths)
    source, sink = 2 * n, 2 * n + 1
    network = FlowNetwork(2 * n + 2)
    unlimited = sum(costs) + 1
    for i in range(n):
        network.add_arc(i, n + i, costs[i])
        if lengths[i] == 1:
            network.add_arc(source, i, unlimited)
        if lengths[i] == longest:
            network.add_arc(n + i, sink, unlimited)
        for j in range(i):
            if values[j] <= values[i] and lengths[j] + 1 == lengths[i]:
                network.add_arc(n + j, i, unlimited)
    network.max_flow(source, sink)
    reached = network.source_side(source)
    return [i for i in range(n) if reached[i] and not reached[n + i]]


class MinCostReducingLNDS(Task):
    """Erasing A[i] costs B[i]. Erase entries of an array of N integers so that its longest non-decreasing
    subsequence gets shorter, at the least total cost.

    Solved exactly as a minimum vertex cut of the layered graph of longest subsequences (Luogu P3308).
    Difficulty: N ← int(1.1·N + 1) from 3; A[i] uniform in [1, 2N]; B[i] uniform in [1, N].
    Reward: -1 unparsable; -0.5 for repeated or out-of-range positions; -0.2 if the longest non-decreasing
    subsequence keeps its length; else (least cost / cost paid)^3.
    Answer: the erased positions (0-based) on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(1, 2 * n) for _ in range(n)], "B": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, costs = parameters["A"], parameters["B"]
        return (
            f"Here are two arrays of length {len(values)}:\n"
            f"A: {' '.join(f'A[{i}]={a}' for i, a in enumerate(values))}\n"
            f"B: {' '.join(f'B[{i}]={b}' for i, b in enumerate(costs))}\n"
            "You may erase entries of A; erasing A[i] costs B[i]. Erase a set of entries so that the longest "
            "non-decreasing subsequence (not necessarily contiguous) of what remains of A is shorter than that of "
            "the original A, with the smallest possible total cost.\n"
            "Write the indices of the erased entries on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A cheapest erasure (minimum cut, see `cheapest_erasure`)."""
        return cheapest_erasure(parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        erased = parse_int_list(answer, allow_empty=True)
        values, costs = parameters["A"], parameters["B"]
        if len(set(erased)) != len(erased) or any(not 0 <= i < len(values) for i in erased):
            return rewards.invalid(f"positions must be distinct and in [0, {len(values) - 1}]")
        gone = set(erased)
        remaining = [value for i, value in enumerate(values) if i not in gone]
        if max(lnds_ending_at(remaining), default=0) == max(lnds_ending_at(values)):
            return rewards.wrong("the longest non-decreasing subsequence is as long as before", reward=_NOT_SHORTER)
        best = sum(costs[i] for i in self.solve(parameters))
        return rewards.optimality(sum(costs[i] for i in erased), best, _BETA, minimize=True)

"""Rearranging labelled items by swaps, each costing the sum of the two items' weights (POI 2009, Elephants)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

UNSUCCESSFUL_REWARD = -0.2
"""Reward for legal swaps that do not end in the target order (RLVE's `unsuccessful_solution`)."""
_SHUFFLES = 32


def cycles(order: list[int], target: list[int]) -> list[list[int]]:
    """The cycles (lists of item labels, length ≥ 2) of the permutation taking `order` to `target`: each item is
    followed by the item that currently stands where it must end up."""
    destination = {item: position for position, item in enumerate(target)}
    seen = [False] * len(order)
    found = []
    for start in range(len(order)):
        cycle, item = [], start
        while not seen[item]:
            seen[item] = True
            cycle.append(item)
            item = order[destination[item]]
        if len(cycle) > 1:
            found.append(cycle)
    return found


def minimum_swap_cost(order: list[int], target: list[int], cost: list[int]) -> int:
    """The least total cost of swaps turning `order` into `target`.

    A cycle of L items is sorted either by L-1 swaps with its own lightest item m (sum + (L-2)·m), or by lending it
    the globally lightest item g for the job (sum + m + (L+1)·g: two extra swaps of g with m, L-1 more swaps of g).
    """
    lightest = min(cost)
    total = 0
    for cycle in cycles(order, target):
        weights = [cost[item] for item in cycle]
        own = min(weights)
        total += sum(weights) + min(own * (len(cycle) - 2), own + lightest * (len(cycle) + 1))
    return total


def apply_swaps(order: list[int], swaps: list[tuple[int, int]]) -> list[int]:
    """`order` after swapping the items labelled i and j for each (i, j) in turn."""
    order = order[:]
    position = [0] * len(order)
    for index, item in enumerate(order):
        position[item] = index
    for i, j in swaps:
        order[position[i]], order[position[j]] = j, i
        position[i], position[j] = position[j], position[i]
    return order


class SLOElephants(Task):
    """Turn an order of N labelled items into a target order by swaps of two items, each swap costing the sum of
    the two items' weights, at least total cost.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; both orders are random permutations (distinct), weights are
    uniform in [1, N].
    Reward: -1 unparsable (a line that is not two integers); -0.5 for a label out of range or an item swapped with
    itself; -0.2 if the swaps do not end in the target order; otherwise (least cost / cost of the swaps)^5.
    Answer: one swap per line, the two item labels separated by a space, in the order they are applied.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        order, target = list(range(n)), list(range(n))
        for _ in range(_SHUFFLES):
            rng.shuffle(order)
            rng.shuffle(target)
            if order != target:
                break
        else:  # practically unreachable (probability (1/6)^32 at N = 3)
            target[0], target[1] = target[1], target[0]
        parameters = {"N": n, "A": order, "B": target, "C": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, "\n".join(f"{i} {j}" for i, j in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        weights = " ".join(f"C[{i}]={c}" for i, c in enumerate(parameters["C"]))
        order = " ".join(f"A[{p}]={item}" for p, item in enumerate(parameters["A"]))
        target = " ".join(f"B[{p}]={item}" for p, item in enumerate(parameters["B"]))
        return (
            f"There are {n} items with labels 0 to {n - 1}; item i has weight C[i]: {weights}\n"
            f"They stand in a row in the order A (A[p] is the label of the item at position p): {order}\n"
            f"They must end up in the order B: {target}\n"
            "In one step you may swap the positions of any two different items i and j, which costs C[i] + C[j]. "
            "Reach the order B with the smallest possible total cost.\n"
            "Write one swap per line as the two item labels separated by a space (for example 3 5), in the order "
            "the swaps are applied."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """Swaps of least total cost, cycle by cycle (the cycle holding the lightest item first)."""
        order, target, cost = parameters["A"], parameters["B"], parameters["C"]
        destination = {item: position for position, item in enumerate(target)}
        lightest = min(range(len(cost)), key=cost.__getitem__)
        current = order[:]
        position = {item: index for index, item in enumerate(current)}
        swaps: list[tuple[int, int]] = []

        def swap(i: int, j: int) -> None:
            swaps.append((i, j))
            current[position[i]], current[position[j]] = j, i
            position[i], position[j] = position[j], position[i]

        def settle_with(helper: int) -> None:
            # put, one by one, the item that belongs where the helper stands, until the helper is home
            while position[helper] != destination[helper]:
                swap(helper, target[position[helper]])

        found = cycles(order, target)
        found.sort(key=lambda cycle: lightest not in cycle)
        for cycle in found:
            own = min(cycle, key=cost.__getitem__)
            weights = sum(cost[item] for item in cycle)
            within = weights + cost[own] * (len(cycle) - 2)
            borrowed = weights + cost[own] + cost[lightest] * (len(cycle) + 1)
            if within <= borrowed:
                settle_with(own)
            else:
                swap(lightest, own)  # the lightest item takes the place of the cycle's own lightest one
                settle_with(lightest)
        return swaps

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        if any(len(row) != 2 for row in rows):
            raise AnswerFormatError("each line must hold two item labels")
        n, cost = parameters["N"], parameters["C"]
        if any(not (0 <= i < n and 0 <= j < n) or i == j for i, j in rows):
            return rewards.invalid("each swap needs two different labels in range")
        if apply_swaps(parameters["A"], [(i, j) for i, j in rows]) != parameters["B"]:
            return rewards.wrong("the swaps do not produce the target order", reward=UNSUCCESSFUL_REWARD)
        total = sum(cost[i] + cost[j] for i, j in rows)
        best = minimum_swap_cost(parameters["A"], parameters["B"], cost)
        return rewards.optimality(total, best, 5.0, minimize=True)

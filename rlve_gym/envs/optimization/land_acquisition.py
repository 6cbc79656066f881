"""Partition rectangles into groups; a group costs (largest width) × (largest length)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 4000


def optimal_groups(widths: list[int], lengths: list[int]) -> tuple[int, list[list[int]]]:
    """(minimum total cost, an optimal partition as lists of 0-based items).

    Items dominated in both attributes by another item join that item's group for free; the rest form a staircase
    (width ascending, length descending) in which some optimal partition uses contiguous runs, found by an
    O(m²) dynamic programme over the staircase.
    """
    order = sorted(range(len(widths)), key=lambda i: (widths[i], lengths[i]))
    staircase: list[int] = []
    owner: dict[int, int] = {}
    for item in reversed(order):  # widest first: an item is kept iff it is longer than every wider item
        if staircase and lengths[item] <= lengths[staircase[-1]]:
            owner[item] = staircase[-1]
        else:
            staircase.append(item)
    staircase.reverse()
    m = len(staircase)
    best = [0] + [-1] * m
    cut = [0] * (m + 1)
    for end in range(1, m + 1):
        for start in range(end):
            cost = best[start] + widths[staircase[end - 1]] * lengths[staircase[start]]
            if best[end] < 0 or cost < best[end]:
                best[end], cut[end] = cost, start
    groups: list[list[int]] = []
    group_of: dict[int, int] = {}
    end = m
    while end:
        groups.append(staircase[cut[end] : end])
        for item in groups[-1]:
            group_of[item] = len(groups) - 1
        end = cut[end]
    for item in order:  # owners are staircase items, all placed above
        if item in owner:
            group_of[item] = group_of[owner[item]]
            groups[group_of[item]].append(item)
    return best[m], [sorted(group) for group in reversed(groups)]


def _simple_cost(widths: list[int], lengths: list[int]) -> int:
    """The best of one group, all singletons, or a prefix/suffix split of the items sorted by (width, length)."""
    n = len(widths)
    order = sorted(range(n), key=lambda i: (widths[i], lengths[i]))
    cost = min(max(widths) * max(lengths), sum(w * length for w, length in zip(widths, lengths)))
    suffix_length = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        suffix_length[k] = max(suffix_length[k + 1], lengths[order[k]])
    prefix_length = 0
    for k in range(n - 1):
        prefix_length = max(prefix_length, lengths[order[k]])
        cost = min(cost, widths[order[k]] * prefix_length + widths[order[-1]] * suffix_length[k + 1])
    return cost


class LandAcquisition(Task):
    """Partition N rectangles into groups minimising the sum over groups of (largest width) × (largest length).

    As in RLVE-Gym (USACO 2008 "Land Acquisition", Luogu P2900), widths and lengths are uniform in [1, N²] and an
    instance is kept only if the optimum beats one group, all singletons and every split of the items sorted by
    width into two runs. About 1% of draws qualify, so up to 4000 are drawn; should all fail, a planted instance is
    used: rectangles 1 × N², N × N and N² × 1 plus N - 3 unit squares (optimum 3N², any simple partition ≥ N³).
    Difficulty: N = d + 4 rectangles.
    Reward: -1 unparsable; -0.5 unless every rectangle 1..N appears exactly once; else (optimal cost / cost)^5.
    Answer: one group per line, each line the group's rectangle numbers (1-based) separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_DRAWS):
            widths = [rng.randint(1, n * n) for _ in range(n)]
            lengths = [rng.randint(1, n * n) for _ in range(n)]
            best, groups = optimal_groups(widths, lengths)
            if best < _simple_cost(widths, lengths):
                break
        else:
            # costs 3N² split three ways, against N³ + N² or more for any simple partition
            pairs = [(1, n * n), (n, n), (n * n, 1)] + [(1, 1)] * (n - 3)
            rng.shuffle(pairs)
            widths, lengths = [w for w, _ in pairs], [length for _, length in pairs]
            best, groups = optimal_groups(widths, lengths)
        reference = "\n".join(" ".join(str(item + 1) for item in group) for group in groups)
        return Instance({"W": widths, "L": lengths}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        widths, lengths = parameters["W"], parameters["L"]
        listing = "\n".join(f"W[{i}]={w} L[{i}]={length}" for i, (w, length) in enumerate(zip(widths, lengths), 1))
        return (
            f"There are {len(widths)} items, numbered 1 to {len(widths)}; item i has two attributes W[i] and L[i]:\n"
            f"{listing}\n"
            "Split all the items into any number of non-empty groups, each item in exactly one group. A group S "
            "costs (the largest W[i] over i in S) × (the largest L[i] over i in S). Make the total cost of all "
            "groups as small as possible.\n"
            "Write one group per line: the numbers of the items in that group, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        groups = parse_int_rows(answer)
        widths, lengths = parameters["W"], parameters["L"]
        n = len(widths)
        items = [item for group in groups for item in group]
        if len(items) != n or set(items) != set(range(1, n + 1)):
            return rewards.invalid(f"every item 1..{n} must appear in exactly one group")
        cost = sum(max(widths[i - 1] for i in group) * max(lengths[i - 1] for i in group) for group in groups)
        best, _ = optimal_groups(widths, lengths)
        return rewards.optimality(cost, best, 5.0, minimize=True)

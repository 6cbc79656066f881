"""Swap A[i] with B[i] at as few indices as possible so that neither array has a repeated value."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_DRAWS = 100
UNSUCCESSFUL = -0.2
"""Reward when the swaps are in range but leave a repeated value (RLVE's `unsuccessful_solution`)."""


def fewest_swaps(a: list[int], b: list[int]) -> list[int]:
    """A smallest set of indices whose swaps make both arrays repetition-free (they hold every value twice in all).

    Each value occurs in exactly two cells. Two occurrences in the same array at indices i ≠ j force exactly one
    of i, j to be swapped; one in each array forces both or neither. These parity constraints split the indices
    into components, each 2-coloured in exactly two ways (the instance is solvable, so they are consistent);
    the cheaper side of each component is swapped."""
    n = len(a)
    cells: dict[int, list[tuple[int, int]]] = {}
    for index in range(n):
        if a[index] != b[index]:  # a value sitting twice at one index is fine whatever is swapped
            cells.setdefault(a[index], []).append((0, index))
            cells.setdefault(b[index], []).append((1, index))
    links: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for value in sorted(cells):
        (row_i, i), (row_j, j) = cells[value]
        differ = int(row_i == row_j)
        links[i].append((j, differ))
        links[j].append((i, differ))
    side = [-1] * n
    chosen = []
    for start in range(n):
        if side[start] >= 0:
            continue
        side[start] = 0
        component, stack = [start], [start]
        while stack:
            u = stack.pop()
            for v, differ in links[u]:
                if side[v] < 0:
                    side[v] = side[u] ^ differ
                    component.append(v)
                    stack.append(v)
        ones = [v for v in component if side[v]]
        zeros = [v for v in component if not side[v]]
        chosen.extend(ones if len(ones) <= len(zeros) else zeros)
    return sorted(chosen)


def _has_repeats(values: list[int]) -> bool:
    return len(set(values)) != len(values)


class MinSwapTwoPermutations(Task):
    """Two arrays A and B of length N together hold every value 1..N twice; choose the fewest indices i at which to
    swap A[i] with B[i] so that A and B both end up without repeated values.

    A and B start as random permutations of 1..N; A[i] and B[i] are swapped at a random set of 1..N-1 indices,
    redrawing until some array has a repeated value. The optimum is exact (parity 2-colouring of the indices).
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 for an index outside 0..N-1; -0.2 if a repeated value remains after the swaps
    (applied in the order written); otherwise (fewest swaps / swaps written)^5.
    Answer: the indices to swap (0-based) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        for _ in range(_DRAWS):
            a, b = rng.sample(range(1, n + 1), n), rng.sample(range(1, n + 1), n)
            for index in rng.sample(range(n), rng.randint(1, n - 1)):
                a[index], b[index] = b[index], a[index]
            if _has_repeats(a) or _has_repeats(b):
                break
        else:  # practically unreachable: B is A rotated by one and index 0 is swapped, repeating A[1] in A
            a = rng.sample(range(1, n + 1), n)
            b = a[1:] + a[:1]
            a[0], b[0] = b[0], a[0]
        swaps = fewest_swaps(a, b)
        parameters = {"A": a, "B": b, "optimum": len(swaps)}
        return Instance(parameters, " ".join(map(str, swaps)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b = parameters["A"], parameters["B"]
        n = len(a)
        return (
            f"Two arrays of length {n} are given:\n"
            f"A = {' '.join(f'A[{i}]={v}' for i, v in enumerate(a))}\n"
            f"B = {' '.join(f'B[{i}]={v}' for i, v in enumerate(b))}\n"
            "Choose a set of indices i and swap A[i] with B[i] at each of them, so that afterwards neither A nor B "
            "contains a repeated value. Use as few indices as possible.\n"
            "Write the chosen indices on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A smallest set of indices to swap."""
        return fewest_swaps(parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer, allow_empty=True)
        a, b = list(parameters["A"]), list(parameters["B"])
        if any(not 0 <= index < len(a) for index in indices):
            return rewards.invalid("an index is out of range")
        for index in indices:
            a[index], b[index] = b[index], a[index]
        if _has_repeats(a) or _has_repeats(b):
            return rewards.wrong("a repeated value remains", reward=UNSUCCESSFUL)
        return rewards.optimality(len(indices), parameters["optimum"], 5.0, minimize=True)

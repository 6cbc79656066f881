"""Count the operation sequences that sort a permutation of 1..2^N by swapping aligned blocks (SDOI 2015, Sort)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def swap_blocks(values: list[int], first: int, second: int, size: int) -> list[int]:
    """A copy of `values` with the blocks of `size` numbered `first` and `second` exchanged."""
    swapped = values[:]
    a, b = first * size, second * size
    swapped[a : a + size], swapped[b : b + size] = values[b : b + size], values[a : a + size]
    return swapped


def count_sorting_sequences(values: list[int], levels: int) -> int:
    """The number of sequences of operations (each type 1..N at most once) that sort `values`.

    The blocks moved by types above i are unions of pairs of type-i blocks, so once types 1..i are done every
    aligned block of size 2^i must already hold consecutive increasing numbers. Deciding the types in increasing
    order, type i is either skipped (only if no pair is broken) or swaps two halves among at most two broken pairs.
    Swaps of different types commute once the exchanged blocks are renamed accordingly, so each valid choice of
    k swaps made level by level stands for exactly k! sequences (one per order of the types).
    """

    def broken_pairs(current: list[int], size: int) -> list[int]:
        return [
            start // size
            for start in range(0, len(current), 2 * size)
            if current[start + size] != current[start] + size
        ]

    def search(current: list[int], level: int, used: int) -> int:
        if level == levels:
            return math.factorial(used)
        size = 1 << level
        broken = broken_pairs(current, size)
        if not broken:
            return search(current, level + 1, used)
        if len(broken) > 2:
            return 0
        halves = [h for first in broken for h in (first, first + 1)]
        total = 0
        for i, first in enumerate(halves):
            for second in halves[i + 1 :]:
                swapped = swap_blocks(current, first, second, size)
                if not broken_pairs(swapped, size):
                    total += search(swapped, level + 1, used + 1)
        return total

    return search(values, 0, 0)


class SegmentTreeSortingCounting(Task):
    """Count the sequences of block-swap operations (each of the N types at most once, in any order) that sort a
    permutation of 1..2^N.

    Operation type i cuts the array into aligned blocks of length 2^(i-1) and swaps two of them. The permutation is
    made by applying a random set of types, in random order, to the sorted array, so the count is positive.
    Difficulty: N = 2 + d.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of sequences.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        levels = self.ladder(difficulty)["N"]
        values = list(range(1, 2**levels + 1))
        for kind in rng.sample(range(1, levels + 1), rng.randint(1, levels)):
            size = 1 << (kind - 1)
            first, second = rng.sample(range(len(values) // size), 2)
            values = swap_blocks(values, first, second, size)
        parameters = {"N": levels, "A": values}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        levels, values = parameters["N"], parameters["A"]
        listing = " ".join(f"A[{i}]={v}" for i, v in enumerate(values, start=1))
        return (
            f"An array A[1..{len(values)}] holds a permutation of 1 to 2^{levels} = {len(values)}: {listing}\n"
            f"There are {levels} types of operation, numbered 1 to {levels}. An operation of type i cuts A into "
            f"consecutive blocks of length 2^(i-1) (starting at A[1]) and exchanges two different blocks. Each type "
            "may be used at most once, and the types used may come in any order.\n"
            "How many sequences of operations turn A into 1, 2, 3, ... (sorted increasingly)? Two sequences differ "
            "if their lengths differ, or if at some step they use a different type or exchange a different pair of "
            "blocks. The empty sequence counts if A is already sorted.\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of sorting sequences."""
        return count_sorting_sequences(parameters["A"], parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)

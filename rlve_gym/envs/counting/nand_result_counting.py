"""Count the K-bit numbers in [L, R] obtainable from given numbers with bitwise NAND."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown, stepped


def bit_classes(numbers: list[int], bits: int) -> list[int]:
    """class_of[b] = the lowest bit position whose column (the bit across all numbers) equals bit b's column."""
    columns = [tuple(number >> b & 1 for number in numbers) for b in range(bits)]
    first: dict[tuple[int, ...], int] = {}
    return [first.setdefault(column, b) for b, column in enumerate(columns)]


def count_up_to(limit: int, class_of: list[int]) -> int:
    """How many y in [0, limit] have equal bits within every class (limit < 2^bits; -1 gives 0).

    NAND builds NOT (x NAND x), AND and OR, and the constants (x NAND NOT x is all ones), so the obtainable
    numbers are exactly the bitwise images f(column) of all Boolean functions f: the numbers constant on each
    class of identical columns. Counted digit by digit from the top: a class's bit is chosen at its highest
    position and forced below it."""
    bits = len(class_of)
    if limit < 0:
        return 0
    top = {}
    for b in range(bits - 1, -1, -1):
        top.setdefault(class_of[b], b)
    free_below = [0] * (bits + 1)  # classes whose highest bit is below position b
    for b in range(bits):
        free_below[b + 1] = free_below[b] + (top[class_of[b]] == b)
    chosen: dict[int, int] = {}
    count = 0
    for b in range(bits - 1, -1, -1):
        wanted = limit >> b & 1
        cls = class_of[b]
        if cls in chosen:
            if chosen[cls] < wanted:
                return count + (1 << free_below[b])
            if chosen[cls] > wanted:
                return count
            continue
        if wanted:  # put 0 here and anything below, or follow the limit with 1
            count += 1 << free_below[b]
        chosen[cls] = wanted
    return count + 1  # y = limit itself


def nand_count(numbers: list[int], bits: int, low: int, high: int) -> int:
    """The number of obtainable values in [low, high]."""
    class_of = bit_classes(numbers, bits)
    return count_up_to(high, class_of) - count_up_to(low - 1, class_of)


class NANDResultCounting(Task):
    """Numbers are K-bit strings. Starting from N given numbers and combining them any number of times with bitwise
    NAND (and brackets), count how many distinct values in [L, R] can be obtained.

    Bit positions are split into random blocks; every number contains each block wholly or not at all (with a
    per-number probability), so identical columns occur; L ≤ R are uniform K-bit values.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; K = d + 2.
    Reward: -1 unparsable or negative; otherwise 1 for the exact count and (min/max)^10 of the answer and the
    count for others (0 when exactly one of them is 0).
    Answer: one integer, the count.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"numbers": grown(3, difficulty), "bits": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        ladder = self.ladder(difficulty)
        count, bits = ladder["numbers"], ladder["bits"]
        blocks = rng.randint(1, bits)
        cuts = [0, *sorted(rng.sample(range(1, bits), blocks - 1)), bits]
        positions = rng.sample(range(bits), bits)
        masks = [sum(1 << b for b in positions[cuts[i] : cuts[i + 1]]) for i in range(blocks)]
        numbers = []
        for _ in range(count):
            keep = rng.random()
            numbers.append(sum(mask for mask in masks if rng.random() < keep))
        low, high = sorted((rng.randrange(1 << bits), rng.randrange(1 << bits)))
        parameters = {"K": bits, "numbers": numbers, "L": low, "R": high}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        bits, numbers = parameters["K"], parameters["numbers"]
        return (
            f"All numbers here are {bits}-bit binary strings (only the lowest {bits} bits count; leading zeros pad "
            f"them to {bits} bits). NAND works bit by bit: 0 NAND 0 = 1, 0 NAND 1 = 1 NAND 0 = 1, 1 NAND 1 = 0.\n"
            f"These {len(numbers)} numbers are given: {' '.join(map(str, numbers))}\n"
            "You may combine them with NAND and brackets in any way, using each number any number of times. How "
            f"many different values in the range [{parameters['L']}, {parameters['R']}] (inclusive) can be "
            "obtained?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of obtainable values in [L, R]."""
        return nand_count(parameters["numbers"], parameters["K"], parameters["L"], parameters["R"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)

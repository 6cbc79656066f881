"""Fill the blanks of an array to minimise the sum of its prefix XORs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_VALUE_RANGE = 2  # known entries are uniform in [0, 2·N]


def prefix_xor_sum(values: list[int]) -> int:
    """B[1] + … + B[N] with B[i] = P[1] ⊕ … ⊕ P[i]."""
    running, total = 0, 0
    for value in values:
        running ^= value
        total += running
    return total


def fill_blanks(values: list[int]) -> list[int]:
    """Replace every -1 so that the prefix-XOR sum is as small as possible.

    A blank at position f makes B[f] free: choosing B[f] = c (P[f] = B[f-1] ⊕ c) turns the known run that follows
    into c ⊕ (XOR of the run so far), independently of anything before. Bit by bit, c's bit costs itself plus the
    run entries it flips, so it is set exactly when that is cheaper: F entries of the run with the bit set cost F
    with the bit clear and 1 + (L - F) with it set. A blank not followed by a known entry gets B[f] = 0."""
    n = len(values)
    filled = list(values)
    previous = 0  # B of the position before the current one
    position = 0
    while position < n:
        if values[position] >= 0:
            previous ^= values[position]
            position += 1
            continue
        end = position + 1
        while end < n and values[end] >= 0:
            end += 1
        run, prefix = [], 0
        for value in values[position + 1 : end]:
            prefix ^= value
            run.append(prefix)
        choice = 0
        for bit in range(max(run, default=0).bit_length()):
            ones = sum(prefix >> bit & 1 for prefix in run)
            if 1 + len(run) - ones < ones:
                choice |= 1 << bit
        filled[position] = previous ^ choice
        previous = choice
        position += 1
    return filled


class MinSumPreXor(Task):
    """An array P[1..N] has some entries blank (-1); fill each blank with a non-negative integer so that
    B[1] + … + B[N] is as small as possible, where B[1] = P[1] and B[i] = B[i-1] XOR P[i].

    Known entries are uniform in [0, 2N]; between 1 and N-1 of them are blanked.
    Difficulty: N = d + 3.
    Reward: -1 unparsable; -0.5 for a wrong length, a changed known entry or a negative fill; otherwise
    (optimal sum / sum)^5 (1 when both are 0).
    Answer: the completed array P[1] … P[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        values = [rng.randint(0, _VALUE_RANGE * n) for _ in range(n)]
        for position in rng.sample(range(n), rng.randint(1, n - 1)):
            values[position] = -1
        filled = fill_blanks(values)
        parameters = {"P": values, "optimum": prefix_xor_sum(filled)}
        return Instance(parameters, " ".join(map(str, filled)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["P"]
        n = len(values)
        listing = " ".join(f"P[{i}]={value}" for i, value in enumerate(values, start=1))
        return (
            f"An array P of length {n} is given: {listing}\n"
            "The entries equal to -1 are blank; the others are fixed non-negative integers. Replace every blank with "
            f"a non-negative integer so that B[1] + B[2] + ... + B[{n}] is as small as possible, where B[1] = P[1] "
            "and B[i] = B[i-1] XOR P[i] for i ≥ 2 (XOR is bitwise exclusive or).\n"
            f"Write the completed array P[1], ..., P[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal completion."""
        return fill_blanks(parameters["P"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        filled = parse_int_list(answer)
        values = parameters["P"]
        if len(filled) != len(values):
            return rewards.invalid(f"expected {len(values)} numbers")
        for given, written in zip(values, filled):
            if written < 0 or (given >= 0 and written != given):
                return rewards.invalid("a known entry was changed or a blank got a negative number")
        return rewards.optimality(prefix_xor_sum(filled), parameters["optimum"], 5.0, minimize=True)

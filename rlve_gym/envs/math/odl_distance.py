"""For each number in a list, the nearest other number under multiply/divide-by-a-prime steps."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_VALUE_RANGE = 4  # values are distinct, drawn from [1, 4·N]


def prime_exponents(value: int) -> Counter[int]:
    """The prime factorisation of `value` ≥ 1 as {prime: exponent} (trial division)."""
    exponents: Counter[int] = Counter()
    divisor = 2
    while divisor * divisor <= value:
        while value % divisor == 0:
            exponents[divisor] += 1
            value //= divisor
        divisor += 1
    if value > 1:
        exponents[value] += 1
    return exponents


def prime_step_distance(first: Counter[int], second: Counter[int]) -> int:
    """D(a, b): each step changes one prime's exponent by one, so D is the L1 distance of the exponent vectors."""
    return sum(abs(first[p] - second[p]) for p in first.keys() | second.keys())


def nearest_indices(values: list[int]) -> list[int]:
    """For every i, the smallest j ≠ i minimising D(values[i], values[j])."""
    factors = [prime_exponents(value) for value in values]
    return [
        min((j for j in range(len(values)) if j != i), key=lambda j: (prime_step_distance(factors[i], factors[j]), j))
        for i in range(len(values))
    ]


class ODLDistance(Task):
    """One step multiplies an integer by a prime or divides it by a prime factor; D(a, b) is the fewest steps from a
    to b. For each A[i] in a list of distinct numbers, find the index j ≠ i minimising D(A[i], A[j]), the
    smallest such j on ties.

    Difficulty: N = d + 3 distinct values drawn from [1, 4N].
    Reward: -1 unparsable; -0.5 for the wrong length, an index out of range or j = i; otherwise (fraction of
    positions equal to the reference)^5.
    Answer: the N indices j on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        values = rng.sample(range(1, _VALUE_RANGE * n + 1), n)
        parameters = {"A": values, "nearest": nearest_indices(values)}
        return Instance(parameters, " ".join(map(str, parameters["nearest"])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = " ".join(f"A[{i}]={value}" for i, value in enumerate(values))
        return (
            "One operation on an integer either multiplies it by a prime or divides it by a prime that divides it. "
            "D(a, b) is the least number of operations turning a into b; for example D(69, 42) = 3 "
            "(69 → 3 → 6 → 42: divide by 23, multiply by 2, multiply by 7).\n"
            f"An array of length {n} is given: {listing}\n"
            f"For every index i (0 ≤ i < {n}), find the index j ≠ i with the smallest D(A[i], A[j]); if several j "
            "tie, take the smallest.\n"
            f"Write the {n} indices j, for i = 0, 1, ..., {n - 1}, on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The nearest index for every position."""
        return nearest_indices(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        n = len(parameters["A"])
        if len(chosen) != n or any(not 0 <= j < n or j == i for i, j in enumerate(chosen)):
            return rewards.invalid(f"expected {n} indices, each in 0..{n - 1} and different from its position")
        agreeing = sum(a == b for a, b in zip(chosen, parameters["nearest"]))
        return rewards.partial(agreeing / n, 5.0, f"{agreeing} of {n} positions right")

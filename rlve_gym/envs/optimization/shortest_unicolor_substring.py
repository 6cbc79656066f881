"""Flip at most K bits of a binary string to make its longest run of equal bits as short as possible
(Luogu P3718)."""

from __future__ import annotations

import random
from itertools import groupby
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def longest_run(bits: str) -> int:
    """Length of the longest block of equal consecutive characters."""
    return max(len(list(block)) for _, block in groupby(bits))


def shortest_longest_run(bits: str, flips: int) -> str:
    """A string within `flips` changes of `bits` whose longest run is as short as possible.

    Runs of 1 mean alternation (two candidate patterns). For a longest run x ≥ 2, a run of length L needs
    ⌊L/(x+1)⌋ changes, and that many suffice: change every (x+1)-th character, shifted one step left when the last
    change would hit the run's end, so no changed character touches a neighbouring run. The least feasible x is
    found by scanning upwards (the count of changes only falls as x grows).
    """
    n = len(bits)
    for start in "01":
        pattern = "".join(start if i % 2 == 0 else ("1" if start == "0" else "0") for i in range(n))
        if sum(a != b for a, b in zip(bits, pattern)) <= flips:
            return pattern
    runs = [len(list(block)) for _, block in groupby(bits)]
    limit = next(x for x in range(2, n + 1) if sum(length // (x + 1) for length in runs) <= flips)
    result, offset = list(bits), 0
    for length in runs:
        count = length // (limit + 1)
        shift = 1 if count * (limit + 1) == length else 0
        for j in range(1, count + 1):
            position = offset + j * (limit + 1) - 1 - shift
            result[position] = "1" if result[position] == "0" else "0"
        offset += length
    return "".join(result)


class ShortestUnicolorSubstring(Task):
    """Given a binary string S and K, build a binary string T of the same length differing from S in at most K
    positions whose longest run of equal characters is as short as possible.

    Difficulty: N grows as N ← int(1.1·N + 1) from 5; S has a per-instance probability of 1s, uniform in [0, 1];
    K is uniform in [1, N/2].
    Reward: -1 unparsable (not N characters 0/1); -0.5 if T differs from S in more than K positions; otherwise
    (least possible longest run / longest run of T)^5.
    Answer: the string T, N characters 0 or 1 on one line.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.random()
        parameters = {
            "S": "".join("1" if rng.random() < one_probability else "0" for _ in range(n)),
            "K": rng.randint(1, n // 2),
        }
        return Instance(parameters, shortest_longest_run(parameters["S"], parameters["K"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        bits, flips = parameters["S"], parameters["K"]
        return (
            f"Here is a binary string S of length {len(bits)}: {bits}\n"
            f"Build a binary string T of the same length that differs from S in at most {flips} positions, and make "
            "the longest block of equal consecutive characters in T as short as possible.\n"
            f"Write T as one line of {len(bits)} characters 0 or 1."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        bits, flips = parameters["S"], parameters["K"]
        built = "".join(answer.split())
        if len(built) != len(bits) or built.strip("01"):
            raise AnswerFormatError(f"expected {len(bits)} characters 0 or 1")
        if sum(a != b for a, b in zip(bits, built)) > flips:
            return rewards.invalid(f"T differs from S in more than {flips} positions")
        best = longest_run(shortest_longest_run(bits, flips))
        return rewards.optimality(longest_run(built), best, 5.0, minimize=True)

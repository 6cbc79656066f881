"""Pair of array entries with the smallest (a AND b) XOR (a OR b), i.e. the smallest a XOR b."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class MinXorPair(Task):
    """Choose indices i < j of an array of N distinct non-negative integers minimising
    (A[i] AND A[j]) XOR (A[i] OR A[j]), which equals A[i] XOR A[j].

    Difficulty: N ← int(1.1·N + 1) from 3; values are N distinct integers in [0, 2^B) where B starts at 3 and,
    after each growth of N, rises until 2^B > 2N. The smallest XOR of a set is attained by two neighbours in
    sorted order, so the reference checks only those.
    Reward: -1 unparsable or not two integers; -0.5 unless 0 ≤ i < j < N; otherwise (minimum / achieved)^5.
    Answer: i and j on one line, separated by a space.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        bits = 3
        for step in range(1, difficulty + 1):
            while 1 << bits <= 2 * grown(3, step):
                bits += 1
        return {"N": grown(3, difficulty), "bits": bits}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        values = rng.sample(range(1 << sizes["bits"]), sizes["N"])
        parameters: dict[str, Any] = {"A": values}
        i, j = self.solve(parameters)
        parameters["best"] = values[i] ^ values[j]
        return Instance(parameters, f"{i} {j}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listing = "\n".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"An array of length {n} is indexed from 0:\n{listing}\n"
            f"Find indices i and j with 0 ≤ i < j < {n} making (A[i] AND A[j]) XOR (A[i] OR A[j]) as small as "
            "possible, where AND, OR and XOR are the bitwise operations.\n"
            "Write i and j on one line, separated by a space (for example, 0 2 means i = 0 and j = 2)."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, int]:
        """An optimal pair (i, j), i < j, among neighbours in sorted order."""
        values = parameters["A"]
        order = sorted(range(len(values)), key=lambda i: values[i])
        a, b = min(itertools.pairwise(order), key=lambda pair: values[pair[0]] ^ values[pair[1]])
        return min(a, b), max(a, b)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pair = parse_int_list(answer)
        if len(pair) != 2:
            raise AnswerFormatError("expected exactly two integers i and j")
        i, j = pair
        values = parameters["A"]
        if not 0 <= i < j < len(values):
            return rewards.invalid(f"expected 0 ≤ i < j < {len(values)}")
        achieved = (values[i] & values[j]) ^ (values[i] | values[j])
        return rewards.optimality(achieved, parameters["best"], _BETA, minimize=True)

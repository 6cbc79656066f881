"""Pick distinct terms of a linear recurrence F(n) = A·F(n-1) + B that add up to a target."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_F0, _MAX_A, _MAX_B = 128, 16, 16384
_A_IS_ONE_PROBABILITY = 0.3


class RecursiveSequenceSumConstruction(Task):
    """With F(0) given and F(n) = A·F(n-1) + B, find distinct indices n ≥ 1 whose terms F(n) sum to S.

    S is the sum of a hidden random set of indices in [1, N], so a solution exists. Any valid set counts,
    however large its indices: terms with n ≥ 1 are all equal when B = 0 and (A = 1 or F(0) = 0), and otherwise
    strictly increase, so an index whose term already exceeds S settles the answer (A = 1 uses the closed form
    F(0) + n·B).
    Difficulty: N ← int(1.1·N + 1) from 4 (the hidden indices lie in [1, N]); F(0) uniform in [0, 128];
    A = 1 with probability 0.3, else uniform in [2, 16]; B uniform in [0, 16384].
    Reward: -1 unparsable or empty; -0.5 for a repeated or non-positive index; 1 if the terms sum to S, else 0.
    Answer: the indices on one line, separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        start = rng.randint(0, _MAX_F0)
        factor = 1 if rng.random() < _A_IS_ONE_PROBABILITY else rng.randint(2, _MAX_A)
        offset = rng.randint(0, _MAX_B)
        terms = [start]
        for _ in range(n):
            terms.append(factor * terms[-1] + offset)
        chosen = sorted(rng.sample(range(1, n + 1), rng.randint(1, n)))
        parameters = {"F0": start, "A": factor, "B": offset, "S": sum(terms[i] for i in chosen)}
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"A sequence is defined by F(0) = {parameters['F0']} and F(n) = {parameters['A']} · F(n - 1) + "
            f"{parameters['B']} for every integer n ≥ 1.\n"
            f"Find one or more distinct positive indices n1, n2, ..., nk (the index 0 is not allowed) such that "
            f"F(n1) + F(n2) + ... + F(nk) = {parameters['S']}.\n"
            "Write the indices on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer)
        if len(set(indices)) != len(indices) or min(indices) < 1:
            return rewards.invalid("indices must be distinct and positive")
        start, factor, offset, target = (parameters[key] for key in ("F0", "A", "B", "S"))
        first = factor * start + offset
        if offset == 0 and (factor == 1 or start == 0):  # every term with n ≥ 1 equals F(1)
            total = first * len(indices)
        elif factor == 1:
            if any(start + n * offset > target for n in indices):
                return rewards.wrong("a chosen term alone exceeds S")
            total = sum(start + n * offset for n in indices)
        else:
            chosen, total, term = set(indices), 0, start
            for n in range(1, max(indices) + 1):  # stops within O(log S) steps: terms grow at least ×2
                term = factor * term + offset
                if term > target:
                    return rewards.wrong("a chosen term alone exceeds S")
                if n in chosen:
                    total += term
        return rewards.correct() if total == target else rewards.wrong("the terms do not sum to S")

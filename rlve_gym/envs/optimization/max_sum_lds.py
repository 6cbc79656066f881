"""Rebuild a permutation from its longest-increasing-subsequence profile, maximising the decreasing profile."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_WRONG_PROFILE = -0.2
"""RLVE's reward for a permutation whose increasing profile differs from the given one."""


def increasing_profile(permutation: list[int]) -> list[int]:
    """A[i] = length of the longest increasing subsequence ending at position i."""
    profile: list[int] = []
    for i, value in enumerate(permutation):
        profile.append(1 + max((profile[j] for j in range(i) if permutation[j] < value), default=0))
    return profile


def decreasing_profile(permutation: list[int]) -> list[int]:
    """B[i] = length of the longest decreasing subsequence starting at position i."""
    n = len(permutation)
    profile = [0] * n
    for i in range(n - 1, -1, -1):
        profile[i] = 1 + max((profile[j] for j in range(i + 1, n) if permutation[j] < permutation[i]), default=0)
    return profile


def best_permutation(profile: list[int]) -> list[int]:
    """A permutation with the given increasing profile and the largest sum of its decreasing profile.

    Position i hangs below the last earlier position whose profile value is one less (a virtual root 0 for
    value 1); numbering the positions in preorder, visiting later children first, gives the optimum
    (Luogu P3971)."""
    n = len(profile)
    children: list[list[int]] = [[] for _ in range(n + 1)]
    last_with = [0] * (n + 2)  # last_with[v] = latest position (1-based) seen with profile value v
    for position, value in enumerate(profile, start=1):
        children[last_with[value - 1]].append(position)
        last_with[value] = position
    permutation = [0] * (n + 1)
    counter = 0
    stack = [0]
    while stack:
        node = stack.pop()
        permutation[node] = counter
        counter += 1
        stack.extend(children[node])  # popped last-first, i.e. the latest child is numbered first
    return permutation[1:]


class MaxSumLDS(Task):
    """Given A[1..N], where A[i] is the length of the longest increasing subsequence ending at position i of a
    hidden permutation P of 1..N, find a permutation with exactly this A that maximises B[1] + ... + B[N], where
    B[i] is the length of the longest decreasing subsequence starting at position i.

    A comes from a uniformly random permutation. The optimum numbers a forest of positions in preorder
    (Luogu P3971); the tests check it against every permutation at small N.
    Difficulty: N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; -0.2 if its A differs from the given
    one; else (its B sum / largest B sum)^5.
    Answer: P[1] … P[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": increasing_profile(rng.sample(range(1, n + 1), n))}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        profile = parameters["A"]
        n = len(profile)
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(profile, start=1))
        return (
            f"For a permutation P[1], ..., P[{n}] of the numbers 1 to {n}, define for every position i:\n"
            "- A[i] = the length of the longest increasing subsequence of P that ends at position i (the largest "
            "k with positions j1 < ... < jk = i and P[j1] < ... < P[jk]);\n"
            "- B[i] = the length of the longest decreasing subsequence of P that starts at position i (the largest "
            "k with positions i = j1 < ... < jk and P[j1] > ... > P[jk]).\n"
            f"You are given A: {listing}\n"
            f"Find a permutation P with exactly this A that makes B[1] + B[2] + ... + B[{n}] as large as possible.\n"
            f"Write P[1] ... P[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal permutation (preorder numbering of the profile forest)."""
        return best_permutation(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        permutation = parse_int_list(answer)
        profile = parameters["A"]
        if sorted(permutation) != list(range(1, len(profile) + 1)):
            return rewards.invalid(f"the answer must be a permutation of 1..{len(profile)}")
        if increasing_profile(permutation) != profile:
            return rewards.wrong("its increasing profile A differs from the given one", reward=_WRONG_PROFILE)
        best = sum(decreasing_profile(self.solve(parameters)))
        return rewards.optimality(sum(decreasing_profile(permutation)), best, _BETA, minimize=False)

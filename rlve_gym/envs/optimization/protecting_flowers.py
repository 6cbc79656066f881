"""Protecting the flowers (USACO 2007): order N jobs to minimise the sum of waiting time × weight."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class ProtectingFlowers(Task):
    """Order N items (each with a time T[i] and a rate D[i]) as a permutation p minimising ∑_i S[i]·D[p[i]], where
    S[i] is the total time T of the items placed before position i.

    Swapping two adjacent items x, y changes the cost by T[x]·D[y] − T[y]·D[x], so sorting by T/D (compared by
    cross-multiplication) is optimal (Smith's rule).
    Difficulty: N ← int(1.1·N + 1) from 3; T[i] and D[i] uniform in [1, N].
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; otherwise (optimal cost / cost)^5.
    Answer: p[1] … p[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"T": [rng.randint(1, n) for _ in range(n)], "D": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        times, rates = parameters["T"], parameters["D"]
        n = len(times)
        listing = "\n".join(f"T[{i}]={t} D[{i}]={d}" for i, (t, d) in enumerate(zip(times, rates), start=1))
        return (
            f"There are two arrays T and D of {n} positive integers each:\n{listing}\n"
            f"Find a permutation p[1], ..., p[{n}] of 1 to {n}. Let S[i] be the sum of T[p[j]] over all j < i "
            f"(so S[1] = 0). Make the total ∑ S[i]·D[p[i]] over i = 1..{n} as small as possible.\n"
            f"Write p[1] ... p[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal order: items sorted by T/D ascending (1-based)."""
        times, rates = parameters["T"], parameters["D"]

        def before(x: int, y: int) -> int:
            return times[x] * rates[y] - times[y] * rates[x]

        return [i + 1 for i in sorted(range(len(times)), key=functools.cmp_to_key(before))]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n = len(parameters["T"])
        if sorted(order) != list(range(1, n + 1)):
            return rewards.invalid(f"not a permutation of 1..{n}")
        best = _cost(parameters, self.solve(parameters))
        return rewards.optimality(_cost(parameters, order), best, _BETA, minimize=True)


def _cost(parameters: dict[str, Any], order: list[int]) -> int:
    elapsed = total = 0
    for item in order:
        total += elapsed * parameters["D"][item - 1]
        elapsed += parameters["T"][item - 1]
    return total

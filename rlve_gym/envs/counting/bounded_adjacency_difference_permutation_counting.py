"""Permutations of 1..N whose neighbouring entries differ by at most K."""

from __future__ import annotations

import functools
import itertools
import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


@functools.lru_cache(maxsize=256)
def bounded_difference_permutations(n: int, k: int) -> int:
    """Permutations of 1..n with |p[i] − p[i+1]| ≤ k for all i, by inserting the values in increasing order.

    Every neighbouring pair of the final permutation is created when its larger value is inserted next to the
    smaller one, so a permutation is valid iff each value v is inserted into a gap whose neighbours are ≥ v − k.
    Only the k largest values inserted so far can still receive neighbours, so the state is their relative order
    plus, for each of the k + 1 gaps around them, whether it is still a real adjacency (no smaller value in
    between) that a new value may enter.
    """
    if n <= k + 1:
        return math.factorial(n)
    states: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    for order in itertools.permutations(range(k)):
        states[order, (1,) * (k + 1)] = 1
    for _ in range(k, n):
        following: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
        for (order, open_gaps), ways in states.items():
            for gap, is_open in enumerate(open_gaps):
                if not is_open:
                    continue
                grown_order = (*order[:gap], k, *order[gap:])
                grown_gaps = (*open_gaps[:gap], 1, 1, *open_gaps[gap + 1 :])
                # the smallest value leaves the window; its two gaps merge into one that no value can enter
                position = grown_order.index(0)
                key = (
                    tuple(rank - 1 for rank in grown_order if rank),
                    (*grown_gaps[:position], 0, *grown_gaps[position + 2 :]),
                )
                following[key] = following.get(key, 0) + ways
        states = following
    return sum(states.values())


class BoundedAdjacencyDifference_Permutation_Counting(Task):
    """Count the permutations of 1, 2, …, N in which every two neighbouring entries differ by at most K.

    Difficulty: N uniform in [4, d + 4]; K uniform in [2, min(4, N − 2)]. (RLVE fixes N = d + 4, which leaves at
    most three distinct problems per level.)
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of permutations.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(4, self.ladder(difficulty)["max_N"])
        parameters = {"N": n, "K": rng.randint(2, min(4, n - 2))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        return (
            f"How many permutations of 1, 2, …, {n} have the property that every two neighbouring entries (the i-th "
            f"and the (i+1)-th, for 1 ≤ i < {n}) differ by at most {k} in absolute value?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of permutations."""
        return bounded_difference_permutations(parameters["N"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)

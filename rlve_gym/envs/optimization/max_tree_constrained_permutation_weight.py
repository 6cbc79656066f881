"""Order weighted elements under "comes after its parent" constraints, maximising the position-weighted sum."""

from __future__ import annotations

import heapq
import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def positional_weight(weights: list[int], order: list[int]) -> int:
    """∑ i · W[P[i]] over positions i = 1..N of the order (elements numbered from 1)."""
    return sum(position * weights[element - 1] for position, element in enumerate(order, start=1))


def best_order(weights: list[int], parents: list[int]) -> list[int]:
    """An order of 1..N with every element after its parent (parents[i-1], 0 = none) maximising the weighted sum.

    Greedy block merging (Luogu P4437): the block of least average weight should come as early as possible,
    i.e. right after its parent's block, so it is merged there; repeat until everything hangs off the root 0.
    """
    n = len(weights)
    parent_of = [0, *parents]
    leader = list(range(n + 1))
    total = [0, *weights]
    size = [1] * (n + 1)
    block: list[list[int]] = [[element] for element in range(n + 1)]
    version = [0] * (n + 1)
    heap = [(Fraction(weights[i - 1]), i, 0) for i in range(1, n + 1)]
    heapq.heapify(heap)

    def find(x: int) -> int:
        while leader[x] != x:
            leader[x] = leader[leader[x]]
            x = leader[x]
        return x

    while heap:
        _, element, stamp = heapq.heappop(heap)
        if leader[element] != element or version[element] != stamp:
            continue  # merged away or changed since this entry was pushed
        target = find(parent_of[element])
        block[target].extend(block[element])
        total[target] += total[element]
        size[target] += size[element]
        leader[element] = target
        version[target] += 1
        if target:
            heapq.heappush(heap, (Fraction(total[target], size[target]), target, version[target]))
    return block[0][1:]


class Max_TreeConstrainedPermutation_Weight(Task):
    """Find a permutation P of 1..N in which each element with a parent comes after it, maximising
    W[P[1]]·1 + W[P[2]]·2 + ... + W[P[N]]·N.

    Element i's parent is A[i] ∈ [0, i-1] (0: no constraint), so the constraints form a forest. Solved exactly by
    merging blocks of least average weight into their parent's block (Luogu P4437).
    Difficulty: N ← int(1.1·N + 1) from 3; W[i] uniform in [1, N]; A[i] uniform in [0, i-1].
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N respecting every constraint; else
    (weighted sum / largest weighted sum)^5.
    Answer: P[1] … P[N] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"W": [rng.randint(1, n) for _ in range(n)], "A": [rng.randint(0, i) for i in range(n)]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        weights, parents = parameters["W"], parameters["A"]
        n = len(weights)
        listing = " ".join(f"W[{i}]={w}" for i, w in enumerate(weights, start=1))
        rules = "\n".join(
            f"- element {parent} must come before element {i}" for i, parent in enumerate(parents, start=1) if parent
        )
        return (
            f"Here are weights for the elements 1 to {n}: {listing}\n"
            f"Find a permutation P[1], ..., P[{n}] of 1 to {n} that satisfies these ordering rules:\n"
            f"{rules or '- (no rules)'}\n"
            f"and makes W[P[1]]·1 + W[P[2]]·2 + ... + W[P[{n}]]·{n} as large as possible.\n"
            f"Write P[1] ... P[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal permutation (block merging, see `best_order`)."""
        return best_order(parameters["W"], parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        weights, parents = parameters["W"], parameters["A"]
        n = len(weights)
        if sorted(order) != list(range(1, n + 1)):
            return rewards.invalid(f"the answer must be a permutation of 1..{n}")
        position = {element: index for index, element in enumerate(order)}
        if any(parent and position[parent] > position[i] for i, parent in enumerate(parents, start=1)):
            return rewards.invalid("an element comes before its parent")
        best = positional_weight(weights, self.solve(parameters))
        return rewards.optimality(positional_weight(weights, order), best, _BETA, minimize=False)

"""Topological order that places 0 as early as possible, then 1, and so on."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_PREDECESSORS = 3
_DRAWS = 64


def earliest_small_first_order(n: int, constraints: list[list[int]]) -> list[int]:
    """The topological order minimising (position of 0, position of 1, ...) lexicographically: the reverse of the
    order that repeatedly removes the largest item with no remaining successor (HNOI 2015, Luogu P3243)."""
    successors_left = [0] * n
    predecessors: list[list[int]] = [[] for _ in range(n)]
    for before, after in constraints:
        successors_left[before] += 1
        predecessors[after].append(before)
    ready = [-item for item in range(n) if successors_left[item] == 0]
    heapq.heapify(ready)
    backwards = []
    while ready:
        item = -heapq.heappop(ready)
        backwards.append(item)
        for before in predecessors[item]:
            successors_left[before] -= 1
            if successors_left[before] == 0:
                heapq.heappush(ready, -before)
    return backwards[::-1]


class TopologicalSort_MinimalLexicographicalOrder(Task):
    """Order 0..N-1 to satisfy "a before b" constraints, putting 0 as early as possible, then 1, and so on.

    A hidden order is planted; each item picks 0 to 3 random earlier items as predecessors (redrawn if no
    constraint at all comes out).
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 unless a permutation of 0..N-1; else 0.5·(satisfied constraints / all)^5, plus, when
    all are satisfied, 0.5·(fraction of positions equal to the required order)^5.
    Answer: the permutation on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        hidden = rng.sample(range(n), n)
        for _ in range(_DRAWS):
            constraints = [
                [hidden[j], hidden[i]]
                for i in range(1, n)
                for j in rng.sample(range(i), rng.randint(0, min(i, _MAX_PREDECESSORS)))
            ]
            if constraints:
                break
        else:  # every draw empty: at N = 3 each draw is empty with probability 1/6
            constraints = [[hidden[0], hidden[1]]]
        rng.shuffle(constraints)
        parameters = {"N": n, "constraints": constraints}
        return Instance(parameters, " ".join(map(str, earliest_small_first_order(n, constraints))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        lines = "\n".join(f"{a} must come before {b}" for a, b in parameters["constraints"])
        return (
            f"Arrange the {n} numbers 0 to {n - 1} in an order that satisfies all of these constraints:\n{lines}\n"
            "Among all such orders, give the one in which 0 comes as early as possible; among those, 1 as early as "
            "possible; then 2; and so on.\n"
            "Write the numbers on one line in that order, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n, constraints = parameters["N"], parameters["constraints"]
        if sorted(order) != list(range(n)):
            return rewards.invalid(f"not a permutation of 0..{n - 1}")
        required = earliest_small_first_order(n, constraints)
        if order == required:
            return rewards.correct()
        position = {item: index for index, item in enumerate(order)}
        satisfied = sum(position[a] < position[b] for a, b in constraints)
        reward = 0.5 * (satisfied / len(constraints)) ** 5
        if satisfied == len(constraints):
            matches = sum(a == b for a, b in zip(order, required))
            reward += 0.5 * (matches / n) ** 5
        return rewards.wrong(f"{satisfied}/{len(constraints)} constraints hold; not the required order", reward)

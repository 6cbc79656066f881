"""Ordering items under precedence constraints."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import is_topological_order
from rlve_gym.envs.common.ladders import grown


class TopologicalSort(Task):
    """Order 0..N-1 so that every constraint "a must come before b" holds.

    A hidden order is planted; each item gets a random non-empty set of earlier items as predecessors.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 if the answer is not a permutation of 0..N-1; else (satisfied constraints / all)^10.
    Answer: the permutation on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"items": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["items"]
        order = list(range(n))
        rng.shuffle(order)
        constraints = []
        for i in range(1, n):
            for j in rng.sample(range(i), rng.randint(1, i)):
                constraints.append([order[j], order[i]])
        rng.shuffle(constraints)
        parameters = {"N": n, "constraints": constraints}
        return Instance(parameters, " ".join(map(str, order)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        lines = "\n".join(f"{a} must come before {b}" for a, b in parameters["constraints"])
        return (
            f"Arrange the {n} numbers 0 to {n - 1} in an order that satisfies all of these constraints:\n{lines}\n"
            "Write the numbers on one line in your order, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n, constraints = parameters["N"], parameters["constraints"]
        if sorted(order) != list(range(n)):
            return rewards.invalid(f"not a permutation of 0..{n - 1}")
        if is_topological_order(n, constraints, order):
            return rewards.correct()
        position = {item: index for index, item in enumerate(order)}
        satisfied = sum(position[a] < position[b] for a, b in constraints)
        return rewards.partial(satisfied / len(constraints), 10.0, f"{satisfied}/{len(constraints)} constraints hold")

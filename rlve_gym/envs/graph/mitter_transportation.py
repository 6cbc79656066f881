"""Fewest vertex values to change so that every vertex equals the sum of its children, all children equal."""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown


def root_multipliers(parents: list[int]) -> list[int]:
    """multiplier[v] = product of the child counts of v's proper ancestors: in a valid assignment every value is
    the root's value divided by its multiplier (each vertex splits its value evenly among its children)."""
    n = len(parents) + 1
    children = [0] * n
    for parent in parents:
        children[parent] += 1
    multiplier = [1] * n
    for vertex, parent in enumerate(parents, start=1):  # parents come before children (parent < vertex)
        multiplier[vertex] = multiplier[parent] * children[parent]
    return multiplier


def fewest_changes(parents: list[int], values: list[int]) -> int:
    """N minus the largest set of vertices that can keep their values: keeping v fixes the root's value at
    values[v] × multiplier[v], so the kept vertices are those agreeing on that product."""
    multiplier = root_multipliers(parents)
    groups = Counter(value * factor for value, factor in zip(values, multiplier))
    return len(values) - max(groups.values())


class MitterTransportation(Task):
    """A rooted tree (root 0) has a value A[i] on every vertex. Change as few values as possible (to any positive
    reals) so that every vertex with children has all its children equal and equal to its value divided by
    their number (the value is the sum of the children's values). Give the least number of changed vertices.

    Each parent is uniform among the earlier vertices. A random set of 1..N-1 vertices gets consistent values
    (a common root value over their multipliers), the others random values up to the largest of those.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; 1 for the exact count, else 0.
    Answer: one integer, the least number of changed vertices.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        parents = [rng.randint(0, vertex - 1) for vertex in range(1, n)]
        multiplier = root_multipliers(parents)
        kept = rng.sample(range(n), rng.randint(1, n - 1))
        root_value = math.lcm(*(multiplier[v] for v in kept))
        values = [0] * n
        for v in kept:
            values[v] = root_value // multiplier[v]
        largest = max(values)
        values = [value or rng.randint(1, largest) for value in values]
        parameters = {"parents": parents, "A": values}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        parents, values = parameters["parents"], parameters["A"]
        n = len(values)
        parent_list = " ".join(f"p[{v}]={p}" for v, p in enumerate(parents, start=1))
        value_list = " ".join(f"A[{v}]={a}" for v, a in enumerate(values))
        return (
            f"A tree has {n} vertices, labelled 0 to {n - 1}, rooted at vertex 0; vertex i > 0 has parent p[i]:\n"
            f"{parent_list}\n"
            f"Every vertex i has a value A[i]:\n{value_list}\n"
            "You may change the values of any vertices to any positive real numbers. In the end, for every vertex "
            "that has children, all its children must have the same value, and its own value must equal the sum of "
            "its children's values. What is the least number of vertices whose values must change?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least number of changed vertices."""
        return fewest_changes(parameters["parents"], parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))

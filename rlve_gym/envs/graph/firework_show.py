"""Re-length the edges of a rooted tree so that every leaf is equally far from the root, at least cost
(APIO 2016 "Fireworks", Luogu P3642)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


def least_equalising_cost(n: int, parents: list[list[int]]) -> int:
    """The least Σ |w − w'| over new integer lengths w' ≥ 0 making all leaf-to-root distances equal.

    A common distance D above the largest current leaf distance L never helps: every leaf path would then contain
    a lengthened edge, and shortening the topmost lengthened edge of each path (they form a cut) lowers D at a
    profit. So cost[v][D] (the subtree of v plus the edge above it reaching its leaves at distance exactly D below
    the edge's top) is tabulated for D = 0 … L, as a min-plus convolution of the edge's |w − w'| with the sum of
    the children's tables.
    """
    children: list[list[int]] = [[] for _ in range(n + 1)]
    weight = [0] * (n + 1)
    depth = [0] * (n + 1)
    for vertex, (parent, length) in enumerate(parents, start=2):
        children[parent].append(vertex)
        weight[vertex] = length
        depth[vertex] = depth[parent] + length  # parents come before children
    horizon = max(depth[v] for v in range(2, n + 1) if not children[v])
    distances = np.arange(horizon + 1)
    infinity = np.iinfo(np.int64).max // 4
    below: dict[int, np.ndarray] = {}
    for vertex in range(n, 0, -1):
        if children[vertex]:
            inside = np.sum([below.pop(child) for child in children[vertex]], axis=0)
        else:
            inside = np.where(distances == 0, 0, infinity)
        if vertex == 1:
            return int(inside.min())
        # through the edge: D = new length + distance inside, new length in [0, D]
        shifts = distances[:, None] - distances[None, :]  # [D, new length] → distance left inside
        change = np.abs(weight[vertex] - distances)[None, :]
        options = np.where(shifts >= 0, change + inside[np.clip(shifts, 0, horizon)], infinity)
        below[vertex] = np.minimum(options.min(axis=1), infinity)
    raise AssertionError("unreachable: vertex 1 is the root")


class FireworkShow(Task):
    """A tree rooted at vertex 1 has integer edge lengths; changing an edge from w to any integer w' ≥ 0 costs
    |w − w'|. Make every leaf equally far from the root at the least total cost.

    Vertex i ≥ 2 hangs below a uniform earlier vertex, by an edge of length uniform in [1, N].
    Difficulty: N = d + 3 vertices.
    Reward: -1 unparsable; 1 for the least cost, else 0.
    Answer: one integer.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parents = [[rng.randint(1, vertex - 1), rng.randint(1, n)] for vertex in range(2, n + 1)]
        parameters = {"N": n, "parents": parents}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, parents = parameters["N"], parameters["parents"]
        has_child = {parent for parent, _ in parents}
        leaves = [v for v in range(2, n + 1) if v not in has_child]
        lines = "\n".join(f"vertex {v}: parent {p}, edge length {w}" for v, (p, w) in enumerate(parents, start=2))
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, rooted at vertex 1. Every other vertex has a parent and an "
            f"edge of integer length to it:\n{lines}\n"
            f"The leaves (vertices without children) are: {', '.join(map(str, leaves))}\n"
            "You may change the length of any edge from w to any integer w' ≥ 0, at cost |w − w'|. Make the distance "
            "from the root to every leaf the same, at the least total cost. What is that least cost?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least total cost."""
        return least_equalising_cost(parameters["N"], parameters["parents"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

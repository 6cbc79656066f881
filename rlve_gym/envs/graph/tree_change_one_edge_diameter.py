"""Replace one edge of a tree by another so that the new tree's diameter is as small (or as large) as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import diameter_path, random_tree

_BETA = 5.0
_GOALS = ("minimize", "maximize")


def tree_diameter(n: int, edges: list[list[int]]) -> int:
    """Number of edges on a longest path of a tree on 0..n-1."""
    return len(diameter_path(n, edges)) - 1


class TreeChangeOneEdgeDiameter(Task):
    """Remove one edge of an unweighted tree and add one edge (possibly the same) so that the result is again a
    tree whose diameter (edges on its longest path) is as small as possible, or as large as possible.

    Removing an edge leaves two trees with diameters a and b. Joining their centres gives the least diameter
    max(a, b, ⌈a/2⌉ + ⌈b/2⌉ + 1); joining ends of their diameters gives the largest, a + b + 1. The reference
    tries every edge.
    Difficulty: N ← N + 1 from 4; a random tree on 1..N; the goal (minimize or maximize) drawn uniformly.
    Reward: -1 unparsable or not four integers; -0.5 if the removed edge is not in the tree, or the new edge is a
    loop, out of range, already present, or does not reconnect the tree; otherwise (best / achieved)^5 when
    minimising and (achieved / best)^5 when maximising.
    Answer: four integers u1 v1 u2 v2 on one line: the removed edge (u1, v1) and the added edge (u2, v2).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_tree(rng, n, first_label=1), "goal": rng.choice(_GOALS)}
        change, best = self.solve(parameters)
        parameters["best"] = best
        return Instance(parameters, " ".join(map(str, change)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and these edges:\n{edges}\n"
            "Remove one edge and add one new edge (it may be the edge you removed) so that the graph is a tree "
            "again. The diameter of a tree is the number of edges on its longest path. Make the diameter of the "
            f"new tree as {'small' if parameters['goal'] == 'minimize' else 'large'} as possible.\n"
            "Write four integers u1 v1 u2 v2 on one line, separated by spaces: (u1, v1) is the removed edge and "
            "(u2, v2) the added edge."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], int]:
        """(an optimal change [u1, v1, u2, v2] in 1-based labels, the optimal diameter)."""
        n, minimize = parameters["N"], parameters["goal"] == "minimize"
        edges = [[u - 1, v - 1] for u, v in parameters["edges"]]
        best_change, best = None, None
        for index, (u, v) in enumerate(edges):
            rest = edges[:index] + edges[index + 1 :]
            side_u, side_v = diameter_path(n, rest, u), diameter_path(n, rest, v)
            a, b = len(side_u) - 1, len(side_v) - 1
            if minimize:
                value = max(a, b, (a + 1) // 2 + (b + 1) // 2 + 1)
                joined = (side_u[a // 2], side_v[b // 2])  # centres: eccentricity ⌈diameter/2⌉
            else:
                value, joined = a + b + 1, (side_u[0], side_v[0])
            if best is None or (value < best if minimize else value > best):
                best_change, best = [u + 1, v + 1, joined[0] + 1, joined[1] + 1], value
        return best_change, best

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        if len(values) != 4:
            raise AnswerFormatError("expected four integers u1 v1 u2 v2")
        n = parameters["N"]
        u1, v1, u2, v2 = values
        removed = [min(u1, v1), max(u1, v1)]
        if removed not in parameters["edges"]:
            return rewards.invalid(f"({u1}, {v1}) is not an edge of the tree")
        rest = [edge for edge in parameters["edges"] if edge != removed]
        added = [min(u2, v2), max(u2, v2)]
        if not (1 <= u2 <= n and 1 <= v2 <= n) or u2 == v2 or added in rest:
            return rewards.invalid("the new edge must join two distinct vertices in range and be new")
        components = DisjointSets(n)
        for u, v in rest:
            components.union(u - 1, v - 1)
        if components.find(u2 - 1) == components.find(v2 - 1):
            return rewards.invalid("the new edge does not reconnect the tree")
        achieved = tree_diameter(n, [[u - 1, v - 1] for u, v in [*rest, added]])
        return rewards.optimality(achieved, parameters["best"], _BETA, minimize=parameters["goal"] == "minimize")

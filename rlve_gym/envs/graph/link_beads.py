"""Beads and wires: the largest total length of blue wires in a tree built by Append and Insert operations."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.trees import random_tree, rooted


def most_blue(n: int, edges: list[list[int]]) -> int:
    """The largest total weight of blue edges over all ways to build the weighted tree.

    With the first bead as the root, blue edges come in pairs parent(x) - x - child(x) around an inserted bead x,
    pairs never share an edge, and every such set of vertical pairs can be built. For each root, a DP keeps, per
    vertex, the best total in its subtree when its parent edge is free (`free`) or is the upper half of a pair
    centred on it (`centred`, the parent edge's own weight added by the parent).
    """
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    best = 0
    for root in range(n):
        parent, order = rooted(n, edges, root)
        free, centred = [0] * n, [0] * n
        for u in reversed(order):
            total, gain = 0, None
            for v, w in neighbours[u]:
                if v == parent[u]:
                    continue
                keep = max(free[v], centred[v] + w)
                total += keep
                lower_half = free[v] + w - keep  # (u, v) as the lower edge of a pair centred on u
                gain = lower_half if gain is None else max(gain, lower_half)
            free[u] = total
            centred[u] = total + gain if gain is not None else -(10**18)
        best = max(best, free[root])
    return best


class LinkBeads(Task):
    """A weighted tree was built from one bead by Append(x, v) (new bead x tied to v by a red wire) and
    Insert(x, u, v) (a red wire u-v replaced by blue wires u-x and x-v); wire colours are unknown. What is the largest
    possible total length of blue wires?

    Rooted at the first bead, blue wires form edge-disjoint pairs parent-x-child; a tree DP for every root finds
    the best.
    Difficulty: N beads, N ← int(1.1·N + 1) from 3; a random tree with edge lengths uniform in [1, N].
    Reward: -1 unparsable; 1 for the right total, else 0.
    Answer: one integer, the largest total length of blue wires.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [[u, v, rng.randint(1, n)] for u, v in random_tree(rng, n)]
        best = most_blue(n, edges)  # stored: the DP is quadratic in N, verifying should not be
        return Instance({"N": n, "edges": edges, "best": best}, str(best))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        listed = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} edges, written (u, v, w) for an edge "
            f"between u and v of length w:\n{listed}\n"
            "It was built starting from a single vertex by a sequence of two kinds of operations:\n"
            "- Append(x, v): add a new vertex x and join it to an existing vertex v with a red edge;\n"
            "- Insert(x, u, v): remove a red edge between u and v, add a new vertex x, and join u to x and x to v with "
            "two blue edges.\n"
            "The colours of the final edges are unknown. Over all operation sequences that produce exactly this tree, "
            "what is the largest possible total length of the blue edges?\n"
            "Your answer should be a single integer."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == parameters["best"] else rewards.wrong()

"""Guard the required vertices of a tree within distance D at the least total cost."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_UNCOVERED = -0.2
"""RLVE's reward for a selection leaving a required vertex uncovered."""


def _rooted(n: int, edges: list[list[int]]) -> tuple[list[int], list[list[int]]]:
    """A preorder from vertex 0 and the children lists of the tree rooted there."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    order, children, seen = [0], [[] for _ in range(n)], [False] * n
    seen[0] = True
    for u in order:
        for v in neighbours[u]:
            if not seen[v]:
                seen[v] = True
                children[u].append(v)
                order.append(v)
    return order, children


def least_guard_cost(n: int, edges: list[list[int]], required: list[int], reach: int, weights: list[int]) -> int:
    """The least total weight of guards covering every required vertex (a guard covers the vertices within
    `reach` edges): a tree DP (Luogu P3267) over, for each subtree,
    up[j] = least cost covering the whole subtree with a guard also covering j levels above its root, and
    down[j] = least cost covering the subtree's required vertices at depth ≥ j (shallower ones left to a guard
    outside)."""
    order, children = _rooted(n, edges)
    impossible = sum(weights) + 1
    is_required = [False] * n
    for vertex in required:
        is_required[vertex] = True
    up: list[list[int]] = [[]] * n
    down: list[list[int]] = [[]] * n
    for u in reversed(order):
        f = [weights[u]] * (reach + 1)  # a guard on u reaches `reach` levels up
        if not is_required[u]:
            f[0] = min(f[0], 0)
        g = [f[0]] + [0] * reach
        for v in children[u]:
            fv, gv = up[v], down[v]
            new_f = [min(f[j] + gv[j], fv[j + 1] + g[j + 1]) if j < reach else f[j] + gv[j] for j in range(reach + 1)]
            new_g = [0] * (reach + 1)
            for j in range(1, reach + 1):
                new_g[j] = g[j] + gv[j - 1]
            f = [min(value, impossible) for value in new_f]
            for j in range(reach - 1, -1, -1):  # reaching further up also reaches less far
                f[j] = min(f[j], f[j + 1])
            new_g[0] = f[0]
            g = [min(value, impossible) for value in new_g]
            for j in range(1, reach + 1):  # covering more of the subtree also covers less
                g[j] = min(g[j], g[j - 1])
        up[u], down[u] = f, g
    return up[0][0]


def cheapest_guards(n: int, edges: list[list[int]], required: list[int], reach: int, weights: list[int]) -> list[int]:
    """A cheapest guard set, recovered from the DP value by self-reduction: each vertex in turn is forbidden (if
    the optimum survives) or else forced in at no further cost."""
    trial = list(weights)
    forbidden = sum(weights) + 1
    optimum = least_guard_cost(n, edges, required, reach, trial)
    chosen = []
    for vertex in range(n):
        trial[vertex] = forbidden
        if least_guard_cost(n, edges, required, reach, trial) == optimum:
            continue
        trial[vertex] = 0
        optimum -= weights[vertex]
        chosen.append(vertex)
    return chosen


def covered_by(n: int, edges: list[list[int]], guards: list[int], reach: int) -> list[bool]:
    """Which vertices lie within `reach` edges of a guard (multi-source breadth-first search)."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    distance = [-1] * n
    queue = deque()
    for guard in guards:
        if distance[guard] < 0:
            distance[guard] = 0
            queue.append(guard)
    while queue:
        u = queue.popleft()
        if distance[u] < reach:
            for v in neighbours[u]:
                if distance[v] < 0:
                    distance[v] = distance[u] + 1
                    queue.append(v)
    return [d >= 0 for d in distance]


class MinCostTreeCoverage(Task):
    """Select vertices of a tree (vertex u costs W[u]) so that every required vertex lies within D edges of a
    selected one, at the least total cost.

    Solved exactly by a tree DP over how far guards reach up and how deep uncovered vertices remain (Luogu P3267);
    the reference selection is recovered by self-reduction.
    Difficulty: N ← int(1.1·N + 1) from 3; a random tree (each vertex, in random order, attached to an earlier
    one); a uniform random non-empty set of required vertices; D uniform in [1, max(1, h // 2)] with h the largest
    depth of a required vertex below the tree's first vertex; W[u] uniform in [1, N].
    Reward: -1 unparsable; -0.5 for repeated or out-of-range vertices; -0.2 if a required vertex is left uncovered;
    else (least cost / cost paid)^3.
    Answer: the selected vertices on one line, in any order, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        tree = random_tree_edges(rng, n)
        children = {child for _, child in tree}
        root = next(v for v in range(n) if v not in children)
        depth = {root: 0}
        pending = [root]
        below: dict[int, list[int]] = {}
        for parent, child in tree:
            below.setdefault(parent, []).append(child)
        while pending:
            u = pending.pop()
            for v in below.get(u, []):
                depth[v] = depth[u] + 1
                pending.append(v)
        required = rng.sample(range(n), rng.randint(1, n))
        reach = rng.randint(1, max(1, max(depth[v] for v in required) // 2))
        parameters = {
            "N": n,
            "edges": [sorted(edge) for edge in tree],
            "required": required,
            "D": reach,
            "W": [rng.randint(1, n) for _ in range(n)],
        }
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, reach = parameters["N"], parameters["D"]
        lines = "\n".join(f"{u} {v}" for u, v in parameters["edges"])
        costs = " ".join(f"W[{v}]={w}" for v, w in enumerate(parameters["W"]))
        return (
            f"Here is a tree (a connected undirected graph without cycles) with {n} vertices labelled 0 to {n - 1}; "
            f"each line below is an edge between two vertices:\n{lines}\n"
            f"A selected vertex covers every vertex at distance at most {reach} from it (counting edges), itself "
            f"included. Selecting vertex u costs W[u]: {costs}\n"
            f"These vertices must be covered: {' '.join(map(str, parameters['required']))}\n"
            "Select vertices so that all of them are covered, with the smallest possible total cost.\n"
            "Write the selected vertices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A cheapest selection (tree DP with self-reduction, see `cheapest_guards`)."""
        p = parameters
        return cheapest_guards(p["N"], p["edges"], p["required"], p["D"], p["W"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        guards = parse_int_list(answer, allow_empty=True)
        n, weights = parameters["N"], parameters["W"]
        if len(set(guards)) != len(guards) or any(not 0 <= v < n for v in guards):
            return rewards.invalid(f"vertices must be distinct and in [0, {n - 1}]")
        covered = covered_by(n, parameters["edges"], guards, parameters["D"])
        if not all(covered[v] for v in parameters["required"]):
            return rewards.wrong("a required vertex is not covered", reward=_UNCOVERED)
        best = least_guard_cost(n, parameters["edges"], parameters["required"], parameters["D"], weights)
        return rewards.optimality(sum(weights[v] for v in guards), best, _BETA, minimize=True)

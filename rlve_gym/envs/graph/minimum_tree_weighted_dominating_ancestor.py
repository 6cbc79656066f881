"""Select K vertices of a rooted weighted tree minimising Σ C[u]·(distance from u up to its nearest selected
ancestor)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_WEIGHT = 10


def _children_and_depths(parents: list[list[int]]) -> tuple[list[list[int]], list[int]]:
    """Children lists and weighted depths for a tree given as parents[v] = [parent, weight] (v ≥ 1, parent < v is
    not assumed)."""
    n = len(parents) + 1
    children: list[list[int]] = [[] for _ in range(n)]
    for vertex, (parent, _) in enumerate(parents, start=1):
        children[parent].append(vertex)
    depth = [0] * n
    stack = [0]
    while stack:
        u = stack.pop()
        for v in children[u]:
            depth[v] = depth[u] + parents[v - 1][1]
            stack.append(v)
    return children, depth


def selection_cost(parents: list[list[int]], costs: list[int], selected: set[int]) -> int:
    """Σ over vertices u ≥ 1 of C[u] times the distance from u to its nearest selected ancestor (itself included;
    the root 0 always counts as selected)."""
    children, depth = _children_and_depths(parents)
    total = 0
    stack = [(0, 0)]  # (vertex, depth of its nearest selected ancestor)
    while stack:
        u, anchor_depth = stack.pop()
        if u == 0 or u in selected:
            anchor_depth = depth[u]
        total += costs[u] * (depth[u] - anchor_depth)
        stack.extend((v, anchor_depth) for v in children[u])
    return total


def best_selection(parents: list[list[int]], costs: list[int], count: int) -> list[int]:
    """An optimal set of `count` non-root vertices.

    best(v, a)[k] is the least cost of v's subtree with exactly k selected vertices in it, given that a is the
    nearest selected proper ancestor of v: either v is not selected (it pays C[v]·(depth v - depth a) and its
    children keep the anchor a) or it is (its children are anchored at v); the children's tables are merged by
    a (min, +) knapsack over k. The chosen set is read back by replaying the same decisions."""
    children, depth = _children_and_depths(parents)
    memo: dict[tuple[int, int], list[float]] = {}

    def merged(kids: list[int], anchor: int) -> list[list[float]]:
        """Prefix knapsacks: merged(...)[i][k] = least cost of the first i children with k selected."""
        tables = [[0.0] + [math.inf] * count]
        for child in kids:
            table, previous = best(child, anchor), tables[-1]
            combined = [math.inf] * (count + 1)
            for used, value in enumerate(previous):
                if value == math.inf:
                    continue
                for extra in range(count + 1 - used):
                    if value + table[extra] < combined[used + extra]:
                        combined[used + extra] = value + table[extra]
            tables.append(combined)
        return tables

    def best(vertex: int, anchor: int) -> list[float]:
        """best(v, a)[k], memoised."""
        key = (vertex, anchor)
        if key not in memo:
            skip = merged(children[vertex], anchor)[-1]
            own = costs[vertex] * (depth[vertex] - depth[anchor])
            take = merged(children[vertex], vertex)[-1]
            memo[key] = [min(skip[k] + own, take[k - 1] if k else math.inf) for k in range(count + 1)]
        return memo[key]

    chosen: list[int] = []

    def distribute(kids: list[int], anchor: int, k: int) -> None:
        """Split k selections among `kids` as an optimal merge does, and replay each child."""
        tables = merged(kids, anchor)
        for index in range(len(kids) - 1, -1, -1):
            child, before = kids[index], tables[index]
            table = best(child, anchor)
            extra = next(e for e in range(k + 1) if before[k - e] + table[e] == tables[index + 1][k])
            replay(child, anchor, extra)
            k -= extra

    def replay(vertex: int, anchor: int, k: int) -> None:
        """Record the selections of an optimal solution of best(vertex, anchor)[k]."""
        skip = merged(children[vertex], anchor)[-1][k] + costs[vertex] * (depth[vertex] - depth[anchor])
        if k and best(vertex, anchor)[k] < skip:
            chosen.append(vertex)
            distribute(children[vertex], vertex, k - 1)
        else:
            distribute(children[vertex], anchor, k)

    distribute(children[0], 0, count)
    return sorted(chosen)


class MinimumTreeWeightedDominatingAncestor(Task):
    """A tree on vertices 0..N is rooted at 0, which is already selected; each edge to a parent has a weight and
    each vertex u ≥ 1 a cost C[u]. Select exactly K more vertices minimising Σ_u C[u]·D[u], where D[u] is the
    distance from u to its nearest selected ancestor (u itself counts).

    The tree is a random recursive tree with edge weights in [1, 10]; costs are in [0, 10] and K is uniform in
    [1, N-1]. The optimum is exact (a DP over subtrees and nearest selected ancestors).
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 for the wrong count, a repeated vertex or a vertex outside 1..N; otherwise
    (optimal cost / cost)^5 (1 when both are 0).
    Answer: the K selected vertices on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        order = [0, *rng.sample(range(1, n + 1), n)]
        parents: list[list[int]] = [[0, 0] for _ in range(n)]
        for index in range(1, n + 1):
            parents[order[index] - 1] = [order[rng.randrange(index)], rng.randint(1, _MAX_WEIGHT)]
        costs = [0] + [rng.randint(0, _MAX_WEIGHT) for _ in range(n)]
        count = rng.randint(1, n - 1)
        chosen = best_selection(parents, costs, count)
        parameters = {
            "parents": parents,
            "C": costs,
            "K": count,
            "optimum": selection_cost(parents, costs, set(chosen)),
        }
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        parents, costs, count = parameters["parents"], parameters["C"], parameters["K"]
        n = len(parents)
        edges = "\n".join(f"vertex {v}: parent {p}, edge weight {w}" for v, (p, w) in enumerate(parents, start=1))
        cost_list = " ".join(f"C[{v}]={costs[v]}" for v in range(1, n + 1))
        return (
            f"A tree has {n + 1} vertices, labelled 0 to {n}, rooted at vertex 0. Each other vertex has a parent, "
            f"joined to it by an edge of the given weight:\n{edges}\n"
            f"Each vertex u from 1 to {n} has a cost C[u]: {cost_list}\n"
            f"Vertex 0 is already selected. Select exactly {count} more of the vertices 1 to {n}. For every vertex u, "
            "let D[u] be the distance (sum of edge weights along the tree path) from u to its nearest selected "
            "ancestor, where u itself and vertex 0 count as ancestors of u. Make the total of C[u] × D[u] over all "
            f"vertices u from 1 to {n} as small as possible.\n"
            "Write the newly selected vertices on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal selection."""
        return best_selection(parameters["parents"], parameters["C"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        n, count = len(parameters["parents"]), parameters["K"]
        if len(chosen) != count or len(set(chosen)) != count or any(not 1 <= v <= n for v in chosen):
            return rewards.invalid(f"expected {count} distinct vertices from 1 to {n}")
        cost = selection_cost(parameters["parents"], parameters["C"], set(chosen))
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)

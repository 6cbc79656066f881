"""Spanning tree with a prescribed number of weight-1 edges (edge weights are 0 or 1)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets, vertex_pairs
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.trees import random_tree

_EDGE_RATIOS = tuple(round(1.0 + 0.1 * step, 1) for step in range(21))


class FixedOneEdgeNum_SpanningTree(Task):
    """Choose a spanning tree of a 0/1-weighted graph that uses exactly K edges of weight 1.

    A random spanning tree is planted with each edge weighted 1 with a random probability, K is its number of
    weight-1 edges, and random extra edges (weighted 1 with another random probability) bring the edge count to
    int(ratio·N), the ratio drawn from {1.0, 1.1, ..., 3.0} among those that fit in a simple graph.
    Difficulty: N vertices, N growing as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable or an odd count of endpoints; -0.5 unless the pairs are N - 1 edges of the graph forming a
    spanning tree; then 1 if exactly K of them weigh 1, else 0.
    Answer: the tree's edges as endpoint pairs on one line: u1 v1 u2 v2 ... (separated by spaces).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        ratio = rng.choice([r for r in _EDGE_RATIOS if int(n * r) <= pairs])
        one_probability = rng.random()
        tree = random_tree(rng, n)
        edges = [[u, v, int(rng.random() < one_probability)] for u, v in tree]
        in_tree = {(u, v) for u, v in tree}
        others = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in in_tree]
        extra = rng.sample(others, min(len(others), max(0, int(n * ratio) - len(tree))))
        one_probability = rng.random()
        edges += [[u, v, int(rng.random() < one_probability)] for u, v in extra]
        ones = sum(w for _, _, w in edges[: len(tree)])
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges, "K": ones}
        return Instance(parameters, " ".join(f"{u} {v}" for u, v in tree))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges, written (u, v, w) for an "
            f"edge between u and v of weight w (every weight is 0 or 1):\n{edges}\n"
            f"Choose exactly {n - 1} of these edges so that they connect all {n} vertices without a cycle (a spanning "
            f"tree) and exactly {parameters['K']} of the chosen edges have weight 1.\n"
            "Write the chosen edges on one line as their endpoints, u1 v1 u2 v2 ..., separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]] | None:
        """A spanning tree with exactly K weight-1 edges, or None if there is none.

        The weight-1 edges that every spanning tree needs are those joining the components of the weight-0
        subgraph; starting from them, add further weight-1 edges up to K, then complete with weight-0 edges.
        """
        n, edges, target = parameters["N"], parameters["edges"], parameters["K"]
        zero_forest = DisjointSets(n)
        for u, v, w in edges:
            if w == 0:
                zero_forest.union(u, v)
        forced = [[u, v] for u, v, w in edges if w == 1 and zero_forest.union(u, v)]
        if len(forced) > target:
            return None
        tree, components = list(forced), DisjointSets(n)
        for u, v in forced:
            components.union(u, v)
        for u, v, w in edges:
            if w == 1 and len(tree) < target and components.union(u, v):
                tree.append([u, v])
        if len(tree) < target:
            return None
        tree += [[u, v] for u, v, w in edges if w == 0 and components.union(u, v)]
        return tree if len(tree) == n - 1 else None

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = vertex_pairs(parse_int_list(answer))
        n = parameters["N"]
        if len(pairs) != n - 1:
            return rewards.invalid(f"a spanning tree has {n - 1} edges, got {len(pairs)}")
        weight_of = {(u, v): w for u, v, w in parameters["edges"]}
        keys = [(min(u, v), max(u, v)) for u, v in pairs]
        if any(key not in weight_of for key in keys):
            return rewards.invalid("a pair is not an edge of the graph")
        components = DisjointSets(n)
        if not all(components.union(u, v) for u, v in keys):
            return rewards.invalid("the chosen edges contain a cycle, so they do not span the graph")
        ones = sum(weight_of[key] for key in keys)
        if ones != parameters["K"]:
            return rewards.wrong(f"the tree has {ones} weight-1 edges, not {parameters['K']}")
        return rewards.correct()

"""Colour K vertices of a weighted tree to maximise the same-colour pairwise distances."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import stepped


def _rooted(n: int, edges: list[list[int]]) -> tuple[list[int], list[int], list[int]]:
    """(parent, weight of the edge to the parent, vertices in an order where parents come first), rooted at 0."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    parent, parent_weight, order = [-1] * n, [0] * n, [0]
    for u in order:
        for v, w in neighbours[u]:
            if v != parent[u]:
                parent[v], parent_weight[v] = u, w
                order.append(v)
    return parent, parent_weight, order


def same_colour_distance(n: int, edges: list[list[int]], chosen: list[int]) -> int:
    """Sum of distances over pairs of chosen vertices plus over pairs of unchosen vertices: an edge whose lower
    side holds c chosen of s vertices lies on c·(K - c) + (s - c)·(N - K - (s - c)) such paths."""
    parent, parent_weight, order = _rooted(n, edges)
    size, inside = [1] * n, [0] * n
    for v in chosen:
        inside[v] = 1
    k, total = len(chosen), 0
    for v in reversed(order[1:]):
        total += parent_weight[v] * (
            inside[v] * (k - inside[v]) + (size[v] - inside[v]) * (n - k - size[v] + inside[v])
        )
        size[parent[v]] += size[v]
        inside[parent[v]] += inside[v]
    return total


def best_colouring(n: int, edges: list[list[int]], k: int) -> list[int]:
    """K vertices maximising `same_colour_distance`: a tree knapsack, best[v][c] = largest contribution of the
    edges inside v's subtree with c chosen vertices there, merged child by child (O(N·K))."""
    parent, parent_weight, order = _rooted(n, edges)
    children: list[list[int]] = [[] for _ in range(n)]
    for v in order[1:]:
        children[parent[v]].append(v)
    best: list[list[int | None]] = [[] for _ in range(n)]
    # splits[v][i][c]: of c chosen vertices among v and its first i + 1 child subtrees, how many lie in child i's
    splits: list[list[list[int]]] = [[] for _ in range(n)]
    size = [1] * n
    for v in reversed(order):
        table: list[int | None] = [0, 0] if k >= 1 else [0]
        seen = 1
        for child in children[v]:
            child_table, child_size, w = best[child], size[child], parent_weight[child]
            merged: list[int | None] = [None] * (min(seen + child_size, k) + 1)
            given = [0] * len(merged)
            for here, value in enumerate(table):
                if value is None:
                    continue
                for there, child_value in enumerate(child_table):
                    if child_value is None or here + there > k:
                        continue
                    outside = child_size - there
                    if outside > n - k:
                        continue
                    candidate = value + child_value + w * (there * (k - there) + outside * (n - k - outside))
                    if merged[here + there] is None or candidate > merged[here + there]:
                        merged[here + there], given[here + there] = candidate, there
            table = merged
            splits[v].append(given)
            seen += child_size
        best[v], size[v] = table, seen
    chosen = []
    pending = [(0, k)]
    while pending:
        v, count = pending.pop()
        for child, given in zip(reversed(children[v]), reversed(splits[v]), strict=True):
            there = given[count]
            pending.append((child, there))
            count -= there
        if count == 1:
            chosen.append(v)
    return sorted(chosen)


class TreeColoring(Task):
    """Colour exactly K of the N vertices of an edge-weighted tree to maximise the sum of distances between pairs of
    coloured vertices plus the sum of distances between pairs of uncoloured vertices.

    The tree is random (random attachment) with weights uniform in [1, N]; the optimum is a tree knapsack over the
    number of coloured vertices in each subtree.
    Difficulty: N = d + 3; K is drawn in [1, N - 1].
    Reward: -1 unparsable; -0.5 unless the answer is K distinct vertices in range; else (total / best total)^2.
    Answer: the K coloured vertices on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        k = rng.randint(1, n - 1)
        edges = [[min(u, v), max(u, v), rng.randint(1, n)] for u, v in random_tree_edges(rng, n)]
        return Instance({"N": n, "K": k, "edges": edges}, " ".join(map(str, best_colouring(n, edges, k))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, edges = parameters["N"], parameters["K"], parameters["edges"]
        lines = "\n".join(f"{u} - {v} (weight {w})" for u, v, w in edges)
        return (
            f"A tree has {n} vertices, labelled 0 to {n - 1}, and these {n - 1} weighted edges:\n{lines}\n"
            f"Colour exactly {k} of the vertices; the other {n - k} stay uncoloured. The distance between two "
            "vertices is the total weight of the path joining them. Make this total as large as possible: the sum of "
            "the distances over all pairs of coloured vertices plus the sum over all pairs of uncoloured vertices.\n"
            "Write the coloured vertices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest achievable total (tree knapsack)."""
        n, edges = parameters["N"], parameters["edges"]
        return same_colour_distance(n, edges, best_colouring(n, edges, parameters["K"]))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        n, k = parameters["N"], parameters["K"]
        if len(chosen) != k or len(set(chosen)) != k or any(not 0 <= v < n for v in chosen):
            return rewards.invalid(f"expected {k} distinct vertices in 0..{n - 1}")
        total = same_colour_distance(n, parameters["edges"], chosen)
        return rewards.optimality(total, self.solve(parameters), 2.0, minimize=False)

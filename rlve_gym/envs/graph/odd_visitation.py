"""Odd visitation: a walk in a connected graph that visits every vertex an odd number of times."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown

_EDGE_RATIOS = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0)


class OddVisitation(Task):
    """Find a walk v_0, v_1, …, v_{K-1} in a connected undirected graph (consecutive vertices adjacent) in which
    every vertex appears an odd number of times; the walk may start and end anywhere.

    The graph is a random spanning tree plus random extra edges up to int(ratio·N) edges in all. A walk always
    exists: the reference walks a DFS tree and, returning from a child whose count is even, steps into it once
    more.
    Difficulty: N ← int(1.1·N + 1) from 3; ratio drawn from {1.0, 1.1, …, 2.0} (those giving at most N(N-1)/2
    edges).
    Reward: -1 unparsable; -0.5 for a vertex out of range or two consecutive vertices that are not adjacent;
    1 if every vertex appears an odd number of times, else 0.
    Answer: the walk's vertices on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs_total = n * (n - 1) // 2
        ratio = rng.choice([r for r in _EDGE_RATIOS if int(n * r) <= pairs_total])
        edges = [sorted(edge) for edge in random_tree_edges(rng, n)]
        present = {tuple(edge) for edge in edges}
        others = [[u, v] for u in range(n) for v in range(u + 1, n) if (u, v) not in present]
        edges += rng.sample(others, max(0, min(len(others), int(n * ratio) - len(edges))))
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v})" for u, v in edges)
        return (
            f"A connected undirected graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} edges:\n"
            f"{lines}\n"
            "Find a walk v_0, v_1, ..., v_(K-1) of any length K you like, such that every two consecutive vertices "
            "of the walk are joined by an edge, and every vertex of the graph appears in the walk an odd number of "
            "times. The walk may start and end at any vertices.\n"
            "Write the walk's vertices in order on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A valid walk: DFS over a spanning tree from vertex 0, fixing each child's parity on the way back."""
        n = parameters["N"]
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for u, v in parameters["edges"]:
            neighbours[u].append(v)
            neighbours[v].append(u)
        walk, count = [0], [0] * n
        count[0] = 1
        seen = [False] * n
        seen[0] = True
        stack = [(0, 0)]  # (vertex, index of the next neighbour to look at)
        while stack:
            vertex, cursor = stack[-1]
            if cursor < len(neighbours[vertex]):
                stack[-1] = (vertex, cursor + 1)
                child = neighbours[vertex][cursor]
                if not seen[child]:
                    seen[child] = True
                    walk.append(child)
                    count[child] += 1
                    stack.append((child, 0))
                continue
            stack.pop()
            if stack:  # back to the parent; revisit this vertex once more if its count is even
                parent = stack[-1][0]
                walk.append(parent)
                count[parent] += 1
                if count[vertex] % 2 == 0:
                    walk += [vertex, parent]
                    count[vertex] += 1
                    count[parent] += 1
        if count[0] % 2 == 0:  # the walk ends at 0 here, so dropping the last step fixes the root
            walk.pop()
        return walk

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        walk = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if any(not 0 <= v < n for v in walk):
            return rewards.invalid("a vertex is out of range")
        edges = {(u, v) for u, v in parameters["edges"]}
        if any((min(a, b), max(a, b)) not in edges for a, b in itertools.pairwise(walk)):
            return rewards.invalid("two consecutive vertices are not adjacent")
        count = [0] * n
        for v in walk:
            count[v] += 1
        even = sum(c % 2 == 0 for c in count)
        return rewards.correct() if even == 0 else rewards.wrong(f"{even} vertices appear an even number of times")

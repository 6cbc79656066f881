"""Order the vertices of a tree so that consecutive vertices are at distance at most 2."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 100


def _planted_tree(rng: random.Random, n: int) -> tuple[list[list[int]], list[int]]:
    """RLVE's construction: start from n one-vertex paths; repeatedly pick two paths (weighted by length), join
    the end a of the first and the start b of the second by an edge from a to b or to a neighbour of b (or from b
    to a or a neighbour of a), and concatenate them. Every join keeps consecutive vertices within distance 2."""
    neighbours: list[list[int]] = [[] for _ in range(n)]
    edges: list[list[int]] = []
    paths = [[v] for v in range(n)]
    while len(paths) > 1:
        weights = [len(path) for path in paths]
        for _ in range(_DRAWS):
            first, second = rng.choices(range(len(paths)), weights=weights, k=2)
            if first != second:
                break
        else:  # practically unreachable: the longest path and the next one
            first = max(range(len(paths)), key=lambda index: weights[index])
            second = (first + 1) % len(paths)
        end, start = paths[first][-1], paths[second][0]
        if rng.random() < 0.5:
            u, v = end, rng.choice([start, *neighbours[start]])
        else:
            u, v = start, rng.choice([end, *neighbours[end]])
        edges.append(sorted((u, v)))
        neighbours[u].append(v)
        neighbours[v].append(u)
        joined = paths[first] + paths[second]
        paths = [path for index, path in enumerate(paths) if index not in (first, second)] + [joined]
    rng.shuffle(edges)
    return edges, paths[0]


class MultiDrink(Task):
    """Given a tree on N vertices, find an ordering p[0], ..., p[N-1] of all vertices in which every two
    consecutive vertices are at distance at most 2 in the tree.

    The tree is built around a planted ordering (RLVE's construction), so one always exists.
    Difficulty: N = d + 4.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; otherwise (consecutive pairs at
    distance ≤ 2 / (N-1))^5.
    Answer: p[0] … p[N-1] on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        edges, order = _planted_tree(rng, n)
        return Instance({"N": n, "edges": edges}, " ".join(map(str, order)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"A tree has {n} vertices, labelled 0 to {n - 1}, and these edges:\n{lines}\n"
            f"Find an ordering p[0], p[1], ..., p[{n - 1}] of all the vertices such that for every i < {n - 1} the "
            "distance in the tree between p[i] and p[i + 1] (the number of edges on the path between them) is at "
            "most 2.\n"
            f"Write p[0], p[1], ..., p[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n = parameters["N"]
        if sorted(order) != list(range(n)):
            return rewards.invalid(f"expected a permutation of 0..{n - 1}")
        neighbours: list[set[int]] = [set() for _ in range(n)]
        for u, v in parameters["edges"]:
            neighbours[u].add(v)
            neighbours[v].add(u)
        close = sum(b in neighbours[a] or bool(neighbours[a] & neighbours[b]) for a, b in itertools.pairwise(order))
        return rewards.partial(close / (n - 1), 5.0, f"{close} of {n - 1} steps within distance 2")

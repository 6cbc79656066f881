"""Path from 0 to N-1 minimising (largest edge weight) / (smallest edge weight) (HAOI 2006, "travel")."""

from __future__ import annotations

import itertools
import random
from collections import deque
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_EDGE_RATIOS = tuple(round(1.0 + 0.1 * i, 1) for i in range(21))  # 1.0, 1.1, ..., 3.0
_WEIGHT_MULTIPLE = 5


class MinimumRatioPath(Task):
    """Find a path from vertex 0 to vertex N-1 in a weighted undirected graph whose largest edge weight divided
    by its smallest edge weight is as small as possible.

    A Hamiltonian path from 0 to N-1 is planted; random extra edges (never 0 - (N-1)) bring the edge count to
    int(r·N); weights are uniform in [1, 5·int(r·N)]. The optimum is exact: for each edge taken as the lightest,
    adding heavier edges in weight order until 0 and N-1 connect gives the smallest possible heaviest edge, and
    the best of these ratios (compared as fractions) is the minimum.
    Difficulty: N ← int(1.1·N + 1) from 4; r drawn from {1.0, 1.1, ..., 3.0} (kept when int(r·N) ≤ N(N-1)/2).
    Reward: -1 unparsable; -0.5 if a vertex is out of range, the path does not run from 0 to N-1, or two
    consecutive vertices are not joined by an edge; otherwise (minimum ratio / path ratio)^5, exactly.
    Answer: the vertices of the path in order on one line, starting with 0 and ending with N-1.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edge_ratio = rng.choice([r for r in _EDGE_RATIOS if int(n * r) <= n * (n - 1) // 2])
        wanted = int(n * edge_ratio)
        heaviest = max(1, wanted * _WEIGHT_MULTIPLE)
        middle = list(range(1, n - 1))
        rng.shuffle(middle)
        planted = [0, *middle, n - 1]
        pairs = [(min(u, v), max(u, v)) for u, v in itertools.pairwise(planted)]
        if len(pairs) < wanted:
            present = set(pairs)
            spare = [
                (u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in present and (u, v) != (0, n - 1)
            ]
            pairs += rng.sample(spare, min(len(spare), wanted - len(pairs)))
        edges = [[u, v, rng.randint(1, heaviest)] for u, v in pairs]
        rng.shuffle(edges)
        parameters: dict[str, Any] = {"N": n, "edges": edges}
        path = self.solve(parameters)
        best = _path_ratio(parameters, path)
        parameters["best_max"], parameters["best_min"] = best.numerator, best.denominator
        return Instance(parameters, " ".join(map(str, path)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} edges, each "
            f"written (u, v, w) for an edge between u and v of weight w:\n{lines}\n"
            f"Find a path from vertex 0 to vertex {n - 1} along edges of the graph for which (largest edge weight "
            "on the path) / (smallest edge weight on the path) is as small as possible.\n"
            f"Write the vertices of the path in order on one line, starting with 0 and ending with {n - 1}, "
            "separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A path of minimum ratio (see the class docstring), found by BFS inside the best weight window."""
        n = parameters["N"]
        by_weight = sorted(parameters["edges"], key=lambda edge: edge[2])
        best: tuple[Fraction, int, int] | None = None
        for first in range(len(by_weight)):
            components = DisjointSets(n)
            for u, v, w in by_weight[first:]:
                components.union(u, v)
                if components.find(0) == components.find(n - 1):
                    ratio = Fraction(w, by_weight[first][2])
                    if best is None or ratio < best[0]:
                        best = (ratio, by_weight[first][2], w)
                    break
            else:
                break  # 0 and N-1 stay apart with these edges, so with any later start too
        assert best is not None, "the planted path connects 0 and N-1"
        _, lightest, heaviest = best
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for u, v, w in parameters["edges"]:
            if lightest <= w <= heaviest:
                neighbours[u].append(v)
                neighbours[v].append(u)
        previous = [-1] * n
        previous[0] = 0
        queue = deque([0])
        while queue:
            u = queue.popleft()
            for v in neighbours[u]:
                if previous[v] < 0:
                    previous[v] = u
                    queue.append(v)
        path = [n - 1]
        while path[-1] != 0:
            path.append(previous[path[-1]])
        return path[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        path = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in path):
            return rewards.invalid("vertex out of range")
        if path[0] != 0 or path[-1] != n - 1:
            return rewards.invalid(f"the path must start at 0 and end at {n - 1}")
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        if any((min(u, v), max(u, v)) not in weights for u, v in itertools.pairwise(path)):
            return rewards.invalid("consecutive vertices must be joined by an edge")
        best = Fraction(parameters["best_max"], parameters["best_min"])
        return rewards.optimality(_path_ratio(parameters, path), best, _BETA, minimize=True)


def _path_ratio(parameters: dict[str, Any], path: list[int]) -> Fraction:
    """(heaviest edge weight) / (lightest edge weight) along `path`, whose steps must be edges."""
    weights = {(u, v): w for u, v, w in parameters["edges"]}
    used = [weights[(min(u, v), max(u, v))] for u, v in itertools.pairwise(path)]
    return Fraction(max(used), min(used))

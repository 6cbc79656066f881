"""Longest simple path in a weighted directed graph."""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)
_EXACT_MAX_VERTICES = 15
"""Largest N solved by the subset DP (2^N·N table); larger instances carry a planted, provably longest path."""


class LongestPath(Task):
    """Find a path visiting no vertex twice whose total edge weight is as large as possible in a weighted
    directed graph.

    The graph has int(density·N(N-1)) random distinct arcs with weights uniform in [1, N]. For N ≤ 15 (d ≤ 11)
    the optimum is exact, from a dynamic programme over (visited set, last vertex) run layer by layer in numpy.
    Beyond that a longest path is planted and proved optimal: a random Hamiltonian path p0 → … → p(N-1) gets
    arc weights h(v) into each v ≠ p0, every other arc into v weighs at most h(v), and arcs into p0 weigh at
    most min h. Each vertex of a simple path but its first is entered by exactly one path arc, so any path
    weighs at most ∑ max-in-weight minus the smallest max-in-weight, which the planted path attains.
    Difficulty: N = 4 + d; density drawn from {0.05, 0.15, ..., 0.95} (densities giving no arc are skipped).
    Reward: -1 unparsable; -0.5 for a vertex out of range or repeated or a missing arc; otherwise
    (path weight / longest weight)^5.
    Answer: the vertices of the path in order on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice([d for d in _DENSITIES if int(d * n * (n - 1)) > 0])
        count = int(density * n * (n - 1))
        if n <= _EXACT_MAX_VERTICES:
            pairs = rng.sample([(s, t) for s in range(n) for t in range(n) if s != t], count)
            edges = [[s, t, rng.randint(1, n)] for s, t in pairs]
            parameters: dict[str, Any] = {"N": n, "edges": edges}
            path = self.solve(parameters)
        else:
            edges, path = _planted_instance(rng, n, count)
            parameters = {"N": n, "edges": edges}
        parameters["best"] = self.weight(parameters, path)
        return Instance(parameters, " ".join(map(str, path)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({s}, {t}, {w})" for s, t, w in edges)
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}, and these arcs ({len(edges)} in all), each "
            f"written (s, t, w) for an arc from s to t of weight w:\n{lines}\n"
            "Find a path that follows arcs in their direction and visits no vertex more than once, making the "
            "total weight of its arcs as large as possible. The path may start and end at any vertices.\n"
            "Write the vertices of the path in order on one line, separated by spaces (for example, 0 1 2 is the "
            "path 0 -> 1 -> 2)."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A longest simple path by the subset DP: best[mask, v] is the heaviest path visiting exactly the
        vertices of `mask` and ending at v; masks are processed by number of vertices, all at once per layer."""
        n = parameters["N"]
        missing = -(1 << 40)
        weight = np.full((n, n), missing, dtype=np.int64)
        for s, t, w in parameters["edges"]:
            weight[s, t] = w
        masks = np.arange(1 << n, dtype=np.int64)
        popcount = np.zeros(1 << n, dtype=np.int64)
        for v in range(n):
            popcount += (masks >> v) & 1
        best = np.full((1 << n, n), missing, dtype=np.int64)
        best[1 << np.arange(n), np.arange(n)] = 0
        for size in range(2, n + 1):
            layer = masks[popcount == size]
            for v in range(n):
                ending = layer[(layer >> v) & 1 == 1]
                before = best[ending ^ (1 << v)]  # paths over the mask without v, by their last vertex
                extended = (before + weight[:, v]).max(axis=1)
                best[ending, v] = np.where(extended < 0, missing, extended)  # negative: no such path
        mask, last = np.unravel_index(int(np.argmax(best)), best.shape)
        mask, last = int(mask), int(last)
        path = [last]
        while mask & (mask - 1):
            previous_mask = mask ^ (1 << last)
            candidates = best[previous_mask] + weight[:, last]
            previous = int(np.argmax(candidates))
            mask, last = previous_mask, previous
            path.append(last)
        return path[::-1]

    def weight(self, parameters: dict[str, Any], path: list[int]) -> int:
        """Total weight of `path`, whose consecutive vertices must be joined by arcs."""
        weights = {(s, t): w for s, t, w in parameters["edges"]}
        return sum(weights[(s, t)] for s, t in itertools.pairwise(path))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        path = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in path) or len(set(path)) != len(path):
            return rewards.invalid("vertices must be in range and distinct")
        weights = {(s, t): w for s, t, w in parameters["edges"]}
        if any((s, t) not in weights for s, t in itertools.pairwise(path)):
            return rewards.invalid("consecutive vertices must be joined by an arc")
        return rewards.optimality(self.weight(parameters, path), parameters["best"], _BETA, minimize=False)


def _planted_instance(rng: random.Random, n: int, count: int) -> tuple[list[list[int]], list[int]]:
    """Arcs (the planted Hamiltonian path plus random ones, `count` in all) and the path, which is longest."""
    path = list(range(n))
    rng.shuffle(path)
    into = {v: rng.randint(1, n) for v in path[1:]}  # the planted arc weight entering each v ≠ path[0]
    lightest = min(into.values())
    weights = {(s, t): into[t] for s, t in itertools.pairwise(path)}
    spare = [(s, t) for s in range(n) for t in range(n) if s != t and (s, t) not in weights]
    for s, t in rng.sample(spare, max(0, min(len(spare), count - len(weights)))):
        weights[(s, t)] = rng.randint(1, into[t] if t != path[0] else lightest)
    edges = [[s, t, w] for (s, t), w in weights.items()]
    rng.shuffle(edges)
    return edges, path

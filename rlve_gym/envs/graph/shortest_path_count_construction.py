"""Build a graph with exactly K shortest paths between vertices 1 and 2 (Codeforces 388B)."""

from __future__ import annotations

import random
from math import isqrt
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_SMALL_K = 12
"""From this K on, the vertex count is bounded (below the trivial K + 2)."""
MAX_VERTICES = 1000
"""Largest graph accepted in an answer."""


def vertex_bound(k: int) -> int | None:
    """The strict upper bound on N for K ≥ 12: min(2·(3·bits(K) + 2), K + 2); None below 12 (no bound)."""
    return min((3 * k.bit_length() + 2) * 2, k + 2) if k >= _SMALL_K else None


def count_shortest_paths(rows: list[str]) -> int:
    """The number of shortest paths from vertex 1 to vertex 2 (0 if unreachable) in a Y/N adjacency matrix."""
    n = len(rows)
    neighbours = [[j for j, cell in enumerate(row) if cell == "Y"] for row in rows]
    ways = [0] * n
    ways[0] = 1
    reached = [False] * n
    reached[0] = True
    frontier = [0]
    while frontier and not reached[1]:
        following = []
        for u in frontier:
            for v in neighbours[u]:
                if not reached[v]:
                    if ways[v] == 0:
                        following.append(v)
                    ways[v] += ways[u]
        for v in following:
            reached[v] = True
        frontier = following
    return ways[1]


def ladder_graph(k: int) -> list[str]:
    """A graph with exactly k ≥ 1 shortest paths from vertex 1 to vertex 2 on 5·bits(k) - 2 vertices or fewer.

    A chain of diamonds doubles the path count at each joint (2^j shortest paths reach joint j, at distance 2j);
    a path c_1 … c_M (M = 2·bits - 1) ends next to vertex 2, and joint j feeds c_(2j+1) for each set bit j. Every
    c_t lies at distance t and vertex 2 at M + 1, so the counts of the set bits add up to k.
    """
    bits = k.bit_length()
    edges = []
    joints = [0]
    size = 2  # vertex 0 is the source, vertex 1 the target
    for _ in range(bits - 1):
        left, right, joint = size, size + 1, size + 2
        size += 3
        edges += [(joints[-1], left), (joints[-1], right), (left, joint), (right, joint)]
        joints.append(joint)
    lowest = (k & -k).bit_length() - 1
    chain_length = 2 * bits - 1
    chain = {}
    for position in range(2 * lowest + 1, chain_length + 1):
        chain[position] = size
        size += 1
        if position - 1 in chain:
            edges.append((chain[position - 1], chain[position]))
    edges.append((chain[chain_length], 1))
    for j in range(bits):
        if k >> j & 1:
            edges.append((joints[j], chain[2 * j + 1]))
    return _matrix(size, edges)


def _layer_sizes(k: int) -> tuple[int, int, int]:
    """(a, b, c) with a·b + c = k minimising a + b + c (a ≤ √k, b = ⌊k/a⌋)."""
    return min(((a, k // a, k - a * (k // a)) for a in range(1, isqrt(k) + 1)), key=sum)


def layered_graph(k: int) -> list[str]:
    """A graph with exactly k ≥ 1 shortest paths from vertex 1 to vertex 2, all of length 3, on few vertices when k
    is small: layers A (a vertices) and B (b vertices) fully joined give a·b paths, and c = k - a·b more vertices
    next to vertex 1, each joined to one vertex of B, add one path each."""
    a, b, extra = _layer_sizes(k)
    first = list(range(2, 2 + a + extra))
    second = list(range(2 + a + extra, 2 + a + extra + b))
    edges = [(0, u) for u in first] + [(v, 1) for v in second]
    edges += [(u, v) for u in first[:a] for v in second] + [(u, second[0]) for u in first[a:]]
    return _matrix(2 + a + extra + b, edges)


def _matrix(size: int, edges: list[tuple[int, int]]) -> list[str]:
    matrix = [["N"] * size for _ in range(size)]
    for u, v in edges:
        matrix[u][v] = matrix[v][u] = "Y"
    return ["".join(row) for row in matrix]


def small_graph(k: int) -> list[str]:
    """The smaller of `ladder_graph(k)` and `layered_graph(k)` (always under the bound of `vertex_bound`)."""
    bits, lowest = k.bit_length(), (k & -k).bit_length() - 1
    ladder_size = 2 + 3 * (bits - 1) + 2 * (bits - lowest) - 1
    return layered_graph(k) if 2 + sum(_layer_sizes(k)) < ladder_size else ladder_graph(k)


class ShortestPathCountConstruction(Task):
    """Construct a simple undirected graph in which vertex 1 and vertex 2 are joined by exactly K shortest paths.

    For K ≥ 12 the graph must have fewer than min(2·(3·bits(K) + 2), K + 2) vertices, which rules out the trivial
    K + 2-vertex answer; for smaller K the prompt only asks to avoid it. The reference answer is the smaller of a
    chain of diamonds feeding a path by the binary digits of K and two fully joined layers (a·b + c paths).
    Difficulty: K is uniform in [3, MAX_K], MAX_K ← int(1.5·MAX_K) from 12.
    Reward: -1 unparsable (first line not N, not N rows of N letters Y/N, not symmetric, a Y on the diagonal, or
    N outside [2, 1000]); -0.5 if K ≥ 12 and N reaches the bound; otherwise (min/max)^10 of the number of
    shortest paths and K (0 when vertex 2 is unreachable).
    Answer: first line N, then N lines of N letters Y or N (row i, column j is Y iff vertices i and j are adjacent).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_K": grown(12, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"K": rng.randint(3, self.ladder(difficulty)["MAX_K"])}
        rows = small_graph(parameters["K"])
        return Instance(parameters, "\n".join([str(len(rows)), *rows]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        k = parameters["K"]
        bound = vertex_bound(k)
        size_rule = (
            f"The number of vertices N must be less than {bound}."
            if bound is not None
            else f"Please avoid the trivial answer with N = {k + 2} ({k} middle vertices each joined to 1 and 2)."
        )
        return (
            "Construct a simple undirected graph with N vertices, numbered 1 to N, in which there are exactly "
            f"{k} shortest paths between vertex 1 and vertex 2 (so at least one path must exist). Any such graph "
            f"is accepted. {size_rule}\n"
            "Write N on the first line, then N lines of N letters each, the adjacency matrix: the j-th letter of "
            "line i is Y if vertices i and j are joined by an edge and N otherwise. The matrix must be symmetric "
            "with N on the diagonal."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        lines = ["".join(line.split()) for line in answer.strip().split("\n")]
        lines = [line for line in lines if line]
        n = parse_int(lines[0]) if lines else -1
        if not 2 <= n <= MAX_VERTICES:
            raise AnswerFormatError(f"the first line must be N, between 2 and {MAX_VERTICES}")
        rows = [line.upper() for line in lines[1:]]
        if len(rows) != n or any(len(row) != n or row.strip("YN") for row in rows):
            raise AnswerFormatError(f"expected {n} lines of {n} letters Y or N")
        if any(rows[i][i] == "Y" for i in range(n)) or ["".join(column) for column in zip(*rows)] != rows:
            raise AnswerFormatError("the matrix must be symmetric with N on the diagonal")
        k = parameters["K"]
        bound = vertex_bound(k)
        if bound is not None and n >= bound:
            return rewards.invalid(f"the graph must have fewer than {bound} vertices")
        return rewards.exact_or_closeness(count_shortest_paths(rows), k, 10.0)

"""Count the bijections that map a tree T into a graph G on the same vertices (edges to edges)."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import random_tree, rooted

_BETA = 10.0
_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# primes below 2^26: a product of two residues stays an exact float64 integer
_PRIMES = (67108859, 67108837, 67108819, 67108777, 67108763, 67108757, 67108753, 67108747)
_CHUNK_BITS = 16
_EXACT_LIMIT = 2**53
"""Largest hom-count bound for which the float64 DP runs without a modulus."""


def _signed_sum(n: int, order: list[int], parent: list[int], adjacent: list[list[bool]], prime: int | None) -> int:
    """Σ over vertex subsets S of G of (-1)^(n-|S|)·hom(T → G[S]), modulo `prime` (exactly when None).

    ways[u][x, s] counts the maps of u's subtree into subset s sending u to x; a child v contributes
    Σ_{y adjacent to x} ways[v][y, s], summed over x's neighbours or, when x has more neighbours than
    non-neighbours, as the column total minus the non-neighbours. The arithmetic is float64 on integers below 2^53
    (the caller checks the bound when `prime` is None; residues below 2^26 keep products below 2^52), hence exact;
    plain vector adds avoid BLAS, whose threads only contend on a busy machine.
    """
    total = 0
    rows = np.arange(n, dtype=np.int64)[:, None]
    chunk = 1 << min(n, _CHUNK_BITS)
    plans = []
    for x in range(n):
        linked = [y for y in range(n) if adjacent[x][y]]
        unlinked = [y for y in range(n) if y != x and not adjacent[x][y]]
        plans.append((False, linked) if len(linked) <= len(unlinked) + 2 else (True, unlinked))
    for start in range(0, 1 << n, chunk):
        masks = np.arange(start, start + chunk, dtype=np.int64)[None, :]
        inside = ((masks >> rows) & 1).astype(np.float64)  # inside[x, s] = 1 iff vertex x is in subset s
        ways: list[np.ndarray | None] = [None] * n
        for u in reversed(order):
            value = inside.copy()
            for v in range(n):
                if parent[v] != u:
                    continue
                child, ways[v] = ways[v], None
                column_total = child.sum(axis=0) if any(by_complement for by_complement, _ in plans) else None
                reached = np.zeros_like(child)
                for x, (by_complement, others) in enumerate(plans):
                    row = reached[x]
                    if by_complement:
                        row += column_total
                        row -= child[x]
                        for y in others:
                            row -= child[y]
                    else:
                        for y in others:
                            row += child[y]
                if prime is not None:
                    np.fmod(reached, prime, out=reached)
                value *= reached
                if prime is not None:
                    np.fmod(value, prime, out=value)
            ways[u] = value
        homomorphisms = ways[order[0]].sum(axis=0).astype(np.int64).tolist()
        odd = ((n - inside.sum(axis=0).astype(np.int64)) % 2).tolist()
        total += sum(-count if flip else count for count, flip in zip(homomorphisms, odd))
        if prime is not None:
            total %= prime
    return total


def count_tree_embeddings(n: int, graph_edges: list[list[int]], tree_edges: list[list[int]]) -> int:
    """The number of bijections p with (p(u), p(v)) an edge of G for every tree edge (u, v).

    Inclusion-exclusion over the image: maps onto a set of n vertices are the bijections, and
    Σ_S (-1)^(n-|S|) hom(T → G[S]) counts exactly those; each hom is a tree DP, vectorised over all subsets with
    numpy. When n·Δ^(n-1) (Δ the largest degree of G, bounding every hom count) is below 2^53 the DP is exact in
    float64; otherwise it runs modulo primes below 2^26 and the count, at most n!, is rebuilt by the Chinese
    remainder theorem.
    """
    adjacent = [[False] * n for _ in range(n)]
    for u, v in graph_edges:
        adjacent[u][v] = adjacent[v][u] = True
    parent, order = rooted(n, tree_edges)
    largest_degree = max(sum(row) for row in adjacent)
    if n * largest_degree ** (n - 1) < _EXACT_LIMIT:
        return _signed_sum(n, order, parent, adjacent, None)
    value, modulus = 0, 1
    for prime in _PRIMES:
        if modulus > math.factorial(n):
            break
        residue = _signed_sum(n, order, parent, adjacent, prime)
        # CRT step: value ≡ old value (mod modulus), value ≡ residue (mod prime)
        step = (residue - value) * pow(modulus, -1, prime) % prime
        value, modulus = value + modulus * step, modulus * prime
    if modulus <= math.factorial(n):
        raise ValueError(f"n = {n} is too large for the configured primes")
    return value


class GraphContainTreeCounting(Task):
    """Count the bijections p from the vertices of a tree T to those of a graph G mapping every tree edge onto an edge.

    G is built from a relabelled copy of T plus random extra edges up to int(density·N(N-1)/2), the density drawn
    from {0.1, ..., 0.9} among those giving at least N - 1 edges, so the count is positive. It is computed exactly by
    inclusion-exclusion over vertex subsets of G with a tree DP for each (2^N work).
    Difficulty: N vertices, N ← N + 1 from 4.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer, the number of such bijections.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) >= n - 1])
        tree = random_tree(rng, n)
        relabel = rng.sample(range(n), n)
        planted = {tuple(sorted((relabel[u], relabel[v]))) for u, v in tree}
        others = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in planted]
        graph = [list(edge) for edge in sorted(planted)]
        graph += [list(edge) for edge in rng.sample(others, max(0, int(density * pairs) - len(graph)))]
        rng.shuffle(graph)
        parameters: dict[str, Any] = {"N": n, "G_edges": graph, "T_edges": tree}
        parameters["count"] = count_tree_embeddings(n, graph, tree)
        return Instance(parameters, str(parameters["count"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        graph = "\n".join(f"({u}, {v})" for u, v in parameters["G_edges"])
        tree = "\n".join(f"({u}, {v})" for u, v in parameters["T_edges"])
        return (
            f"An undirected graph G and a tree T both have {n} vertices, numbered 0 to {n - 1}.\n"
            f"The edges of G:\n{graph}\nThe edges of T:\n{tree}\n"
            "How many bijections (permutations) p from the vertices of T to the vertices of G are there such that for "
            "every edge (u, v) of T, (p(u), p(v)) is an edge of G?\n"
            "Your answer should be a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of bijections."""
        return count_tree_embeddings(parameters["N"], parameters["G_edges"], parameters["T_edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, parameters["count"], _BETA)

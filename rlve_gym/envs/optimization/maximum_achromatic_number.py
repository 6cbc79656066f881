"""Colour a graph completely (every two colours meet on an edge) with as many colours as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency_bitsets, random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_DENSITIES = (0.02, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)
_HEURISTIC_TRIES = 40


def _largest_complete(pairs: int) -> int:
    """The largest k with k(k-1)/2 ≤ pairs: k colours need k(k-1)/2 distinct edges."""
    k = 1
    while (k + 1) * k // 2 <= pairs:
        k += 1
    return k


def _neighbourhood(members: int, neighbours: list[int]) -> int:
    union = 0
    while members:
        low = members & -members
        union |= neighbours[low.bit_length() - 1]
        members ^= low
    return union


def _edges_within(members: int, neighbours: list[int]) -> int:
    total, rest = 0, members
    while rest:
        low = rest & -rest
        total += (neighbours[low.bit_length() - 1] & members).bit_count()
        rest ^= low
    return total // 2


def _greedy_complete_colouring(n: int, neighbours: list[int], rng: random.Random) -> list[int]:
    """A complete colouring (as class bitmasks): a random proper colouring whose classes are then merged two at a
    time while some pair of classes has no edge between them (merging such a pair keeps the colouring proper)."""
    classes: list[int] = []
    for vertex in rng.sample(range(n), n):
        fits = [index for index, members in enumerate(classes) if not members & neighbours[vertex]]
        if fits and rng.random() < 0.9:
            classes[rng.choice(fits)] |= 1 << vertex
        else:
            classes.append(1 << vertex)
    merged = True
    while merged:
        merged = False
        for a in range(len(classes)):
            around = _neighbourhood(classes[a], neighbours)
            for b in range(a + 1, len(classes)):
                if not around & classes[b]:
                    classes[a] |= classes.pop(b)
                    merged = True
                    break
            if merged:
                break
    return classes


def maximum_complete_colouring(n: int, edges: list[list[int]]) -> list[int]:
    """Colours 0..k-1 for the vertices of a complete colouring with the most colours k (the achromatic number).

    Greedy complete colourings give a lower bound; the edge count gives the upper bound k(k-1)/2 ≤ edges. Then an
    exact branch and bound builds the colour classes one at a time, each holding the lowest unplaced vertex
    (vertices relabelled by decreasing degree), and each required to touch every earlier class, so every
    partition is met once and ends complete. It prunes with three counts: a future class needs its own vertex
    next to each existing class; the future classes need one edge per pair among the unplaced vertices; and the
    edges joining already-adjacent classes are wasted for good.
    """
    degree = [0] * n
    for u, v in edges:
        degree[u] += 1
        degree[v] += 1
    order = sorted(range(n), key=lambda v: (-degree[v], v))
    label = {vertex: index for index, vertex in enumerate(order)}
    neighbours = adjacency_bitsets(n, [[label[u], label[v]] for u, v in edges])
    upper = min(n, _largest_complete(len(edges)))
    rng = random.Random(n * 100_003 + len(edges))  # deterministic: the same graph always gets the same answer
    best = max((_greedy_complete_colouring(n, neighbours, rng) for _ in range(_HEURISTIC_TRIES)), key=len)
    classes: list[int] = []
    around: list[int] = []  # around[i] = vertices adjacent to classes[i]

    def promising(remaining: int) -> bool:
        target = len(best) + 1
        future = remaining.bit_count()
        for neighbourhood in around:
            future = min(future, (neighbourhood & remaining).bit_count())
        if future == 0 or len(classes) + future < target:
            return False
        if len(classes) + _largest_complete(_edges_within(remaining, neighbours)) < target:
            return False
        adjacent_pairs = sum(
            1 for a in range(len(classes)) for b in range(a + 1, len(classes)) if around[a] & classes[b]
        )
        wasted = _edges_within(((1 << n) - 1) & ~remaining, neighbours) - adjacent_pairs
        return len(edges) - wasted >= target * (target - 1) // 2

    def candidates(remaining: int) -> list[int]:
        """Independent sets within `remaining` holding its lowest vertex and touching every existing class."""
        lowest = remaining & -remaining
        found: list[int] = []

        def extend(members: int, allowed: int, unmet: list[int]) -> None:
            if not unmet:
                found.append(members)
            if any(not need & allowed for need in unmet):
                return
            rest = allowed
            while rest:
                low = rest & -rest
                rest ^= low
                extend(members | low, rest & ~neighbours[low.bit_length() - 1], [x for x in unmet if not x & low])

        unmet = [need & remaining for need in around if not need & lowest]
        extend(lowest, remaining & ~neighbours[lowest.bit_length() - 1] & ~lowest, unmet)
        return sorted(found, key=int.bit_count)

    def search(remaining: int) -> bool:
        """Place the remaining vertices; True once a colouring meeting the upper bound is found."""
        nonlocal best
        if not remaining:
            if len(classes) > len(best):
                best = list(classes)
            return len(best) >= upper
        if not promising(remaining):
            return False
        for members in candidates(remaining):
            classes.append(members)
            around.append(_neighbourhood(members, neighbours))
            done = search(remaining & ~members)
            classes.pop()
            around.pop()
            if done:
                return True
        return False

    if len(best) < upper:
        search((1 << n) - 1)
    colours = [0] * n
    for colour, members in enumerate(best):
        for vertex in range(n):
            if members >> label[vertex] & 1:
                colours[vertex] = colour
    return colours


class MaximumAchromaticNumber(Task):
    """Colour the vertices of an undirected graph with non-negative integers so that adjacent vertices differ and
    every two colours used appear together on some edge (a complete colouring), using as many colours as possible.

    The graph has int(density·N(N-1)/2) random edges. The optimum (the achromatic number) is found exactly by
    branch and bound over colour classes and stored with the instance.
    Difficulty: N = d + 5; the density is drawn from {0.02, 0.05, 0.15, 0.25, ..., 0.95}, keeping those giving at
    least one edge. Generation time grows exponentially with N (p99 about 20 ms at N = 15 and 0.25 s at N = 18 on
    one core).
    Reward: -1 unparsable; -0.5 for the wrong number of values, a negative colour, an edge with equal colours, or
    two used colours never meeting on an edge; else (colours used / achromatic number)^5.
    Answer: c[0] … c[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        edges = random_simple_graph_edges(rng, n, int(density * pairs))
        colours = maximum_complete_colouring(n, edges)
        return Instance({"N": n, "edges": edges, "optimum": len(set(colours))}, " ".join(map(str, colours)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v})" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} edges:\n{lines}\n"
            f"Give every vertex v a colour c[v], a non-negative integer, such that:\n"
            "- the two ends of every edge get different colours;\n"
            "- for every two different colours x and y that you use, some edge joins a vertex coloured x to a "
            "vertex coloured y (a complete colouring);\n"
            "- the number of distinct colours used is as large as possible.\n"
            f"Write c[0], c[1], ..., c[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A complete colouring with the most colours (branch and bound, see `maximum_complete_colouring`)."""
        return maximum_complete_colouring(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        colours = parse_int_list(answer)
        n, edges = parameters["N"], parameters["edges"]
        if len(colours) != n or any(c < 0 for c in colours):
            return rewards.invalid(f"expected {n} non-negative colours")
        if any(colours[u] == colours[v] for u, v in edges):
            return rewards.invalid("an edge joins two vertices of the same colour")
        used = len(set(colours))
        meeting = {(min(colours[u], colours[v]), max(colours[u], colours[v])) for u, v in edges}
        if len(meeting) < used * (used - 1) // 2:
            return rewards.invalid("two of the colours used never meet on an edge")
        return rewards.optimality(used, parameters["optimum"], _BETA, minimize=False)

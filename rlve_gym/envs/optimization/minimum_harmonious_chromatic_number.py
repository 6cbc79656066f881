"""Harmonious colouring of a graph with as few colours as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency_bitsets, maximum_clique, random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.subsets import members

_DENSITIES = (0.02, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


def harmonious_colouring(n: int, edges: list[list[int]]) -> list[int]:
    """A harmonious colouring with the fewest colours, by branch and bound.

    Vertices at distance 1 or 2 always need different colours (two equal colours next to a common neighbour
    would repeat a colour pair), so the search colours the square of the graph DSATUR-style — the uncoloured
    vertex seeing the most colours first — and also keeps every colour pair on at most one edge. Isolated
    vertices are left out (they take colour 0). Lower bounds: a maximum clique of the square, and
    k(k-1)/2 ≥ edges; the search stops when the best colouring meets them."""
    if not edges:
        return [0] * n
    neighbours = adjacency_bitsets(n, edges)
    square = []
    for v in range(n):
        reach = neighbours[v]
        for u in members(neighbours[v]):
            reach |= neighbours[u]
        square.append(reach & ~(1 << v))
    square_edges = [[u, v] for v in range(n) for u in members(square[v]) if u < v]
    clique = maximum_clique(n, square_edges)
    lower_bound = max(len(clique), 1)
    while lower_bound * (lower_bound - 1) // 2 < len(edges):
        lower_bound += 1
    colours = [-1] * n
    isolated = [v for v in range(n) if not neighbours[v]]
    for v in isolated:  # unconstrained: they take colour 0 at the end (searching their colours is pure waste)
        colours[v] = 0
    classes: list[int] = []  # classes[k] = bitmask of the vertices coloured k (every class is non-empty)
    pair_used: set[tuple[int, int]] = set()
    best, best_count = list(range(n)), n
    for colour, vertex in enumerate(clique):  # the clique needs distinct colours anyway: fix them first
        colours[vertex] = colour
        classes.append(1 << vertex)
    for u, v in edges:
        if colours[u] >= 0 and colours[v] >= 0:
            pair_used.add((min(colours[u], colours[v]), max(colours[u], colours[v])))

    def search(coloured: int) -> bool:
        """Extend the partial colouring; True once a colouring meeting the lower bound is found."""
        nonlocal best, best_count
        if coloured == n - len(isolated):
            best, best_count = list(colours), len(classes)
            return best_count <= lower_bound
        vertex, key = -1, (-1, -1)
        for v in range(n):
            if colours[v] < 0:
                candidate_key = (sum(1 for group in classes if group & square[v]), square[v].bit_count())
                if candidate_key > key:
                    vertex, key = v, candidate_key
        coloured_neighbours = [colours[u] for u in members(neighbours[vertex]) if colours[u] >= 0]
        for colour in range(len(classes) + 1):
            if colour == len(classes):
                if len(classes) + 1 >= best_count:
                    break
                classes.append(0)
            elif classes[colour] & square[vertex]:
                continue
            new_pairs = [(min(colour, other), max(colour, other)) for other in coloured_neighbours]
            if any(pair in pair_used for pair in new_pairs):
                if not classes[colour]:
                    classes.pop()
                continue
            colours[vertex] = colour
            classes[colour] |= 1 << vertex
            pair_used.update(new_pairs)
            done = search(coloured + 1)
            pair_used.difference_update(new_pairs)
            classes[colour] &= ~(1 << vertex)
            colours[vertex] = -1
            if not classes[colour]:
                classes.pop()  # only a class opened for this vertex (the last one) can become empty
            if done:
                return True
        return False

    search(len(clique))
    return best


def is_harmonious(colours: list[int], edges: list[list[int]]) -> bool:
    """True iff adjacent vertices differ and no colour pair appears on two edges."""
    pairs = set()
    for u, v in edges:
        if colours[u] == colours[v]:
            return False
        pair = (min(colours[u], colours[v]), max(colours[u], colours[v]))
        if pair in pairs:
            return False
        pairs.add(pair)
    return True


class MinimumHarmoniousChromaticNumber(Task):
    """Give every vertex of an undirected graph a colour (a non-negative integer) so that adjacent vertices differ
    and no two edges join the same pair of colours (a harmonious colouring), using as few colours as possible.

    The graph is random with int(density·N(N-1)/2) edges; the optimum is found exactly by branch and bound.
    Difficulty: N = d + 5; the density is drawn from {0.02, 0.05, 0.15, 0.25, ..., 0.95}, keeping those giving at
    least one edge.
    Reward: -1 unparsable; -0.5 for the wrong number of values, a negative colour, an edge with equal colours or a
    colour pair on two edges; otherwise (fewest colours / colours used)^5.
    Answer: c[0] … c[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        edges = random_simple_graph_edges(rng, n, int(density * pairs))
        colouring = harmonious_colouring(n, edges)
        return Instance({"N": n, "edges": edges, "optimum": len(set(colouring))}, " ".join(map(str, colouring)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these edges ({len(edges)} in all):\n"
            f"{lines}\n"
            "Give every vertex v a colour c[v], a non-negative integer, such that:\n"
            "- the two ends of every edge get different colours;\n"
            "- for any two colours x and y, at most one edge has one end coloured x and the other coloured y;\n"
            "- as few distinct colours as possible are used.\n"
            f"Write c[0], c[1], ..., c[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A harmonious colouring with the fewest colours."""
        return harmonious_colouring(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        colours = parse_int_list(answer)
        n = parameters["N"]
        if len(colours) != n or any(c < 0 for c in colours):
            return rewards.invalid(f"expected {n} non-negative colours")
        if not is_harmonious(colours, parameters["edges"]):
            return rewards.invalid("an edge has equal colours or a colour pair appears on two edges")
        return rewards.optimality(len(set(colours)), parameters["optimum"], 5.0, minimize=True)

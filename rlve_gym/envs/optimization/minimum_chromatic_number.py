"""Colour the vertices of a graph with as few colours as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency_bitsets, maximum_clique, random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.02, 0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


def optimal_colouring(n: int, edges: list[list[int]]) -> list[int]:
    """A proper colouring with the fewest colours: DSATUR branch and bound (colour the uncoloured vertex seeing
    the most colours; try each colour its neighbours lack, and one new colour while that can still beat the best),
    starting from a maximum clique coloured 0, 1, ... and stopped as soon as it matches the clique size."""
    neighbours = adjacency_bitsets(n, edges)
    clique = maximum_clique(n, edges)
    lower_bound = len(clique)
    best, best_count = list(range(n)), n
    # the clique needs distinct colours in every colouring, so fixing them first loses nothing and removes the
    # symmetric relabellings of those colours from the search
    colours = [-1] * n
    classes: list[int] = []  # classes[k] = bitmask of the vertices with colour k (every class is non-empty)
    for colour, vertex in enumerate(clique):
        colours[vertex] = colour
        classes.append(1 << vertex)

    def search(coloured: int) -> bool:
        """Extend the partial colouring; True once a colouring meeting the lower bound is found."""
        nonlocal best, best_count
        if coloured == n:
            best, best_count = list(colours), len(classes)
            return best_count <= lower_bound
        vertex, key = -1, (-1, -1)
        for v in range(n):
            if colours[v] < 0:
                candidate_key = (sum(1 for members in classes if members & neighbours[v]), neighbours[v].bit_count())
                if candidate_key > key:
                    vertex, key = v, candidate_key
        for colour in range(len(classes) + 1):
            if colour == len(classes):
                if len(classes) + 1 >= best_count:
                    break
                classes.append(0)
            elif classes[colour] & neighbours[vertex]:
                continue
            colours[vertex] = colour
            classes[colour] |= 1 << vertex
            done = search(coloured + 1)
            classes[colour] &= ~(1 << vertex)
            colours[vertex] = -1
            if not classes[colour]:
                classes.pop()  # only a class opened for this vertex (the last one) can become empty
            if done:
                return True
        return False

    search(len(clique))
    return best


class MinimumChromaticNumber(Task):
    """Give every vertex of an undirected graph a colour (a non-negative integer), adjacent vertices differently,
    using as few distinct colours as possible.

    The graph is random with int(density·N(N-1)/2) edges; the chromatic number is found exactly (DSATUR branch and
    bound with a maximum-clique lower bound).
    Difficulty: N = d + 5; the density is drawn from {0.02, 0.05, 0.15, 0.25, ..., 0.95}, keeping those giving at
    least one edge.
    Reward: -1 unparsable; -0.5 for the wrong number of values, a negative colour, or an edge with equal colours;
    else (chromatic number / colours used)^5.
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
        colouring = optimal_colouring(n, edges)
        return Instance({"N": n, "edges": edges, "optimum": len(set(colouring))}, " ".join(map(str, colouring)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} edges:\n{lines}\n"
            f"Give every vertex v a colour c[v], a non-negative integer, so that the two ends of every edge get "
            "different colours, using as few distinct colours as possible.\n"
            f"Write c[0], c[1], ..., c[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A colouring with the fewest colours (branch and bound)."""
        return optimal_colouring(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        colours = parse_int_list(answer)
        n = parameters["N"]
        if len(colours) != n or any(c < 0 for c in colours):
            return rewards.invalid(f"expected {n} non-negative colours")
        if any(colours[u] == colours[v] for u, v in parameters["edges"]):
            return rewards.invalid("an edge joins two vertices of the same colour")
        return rewards.optimality(len(set(colours)), parameters["optimum"], 5.0, minimize=True)

"""Vertex K-center: choose K vertices minimising the largest distance from any vertex to its nearest choice."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import dijkstra, random_tree_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_DENSITIES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)


def _can_cover(within: list[int], uncovered: int, centres_left: int, failed: dict[int, int]) -> list[int] | None:
    """Centres (at most `centres_left`) whose balls `within[c]` cover the bitmask `uncovered`, or None.

    Branches on the uncovered vertex with the fewest possible centres; `failed` remembers, per uncovered set, the
    most centres that were not enough."""
    if not uncovered:
        return []
    if centres_left == 0 or failed.get(uncovered, -1) >= centres_left:
        return None
    options = None
    remaining = uncovered
    while remaining:
        vertex = (remaining & -remaining).bit_length() - 1
        remaining &= remaining - 1
        covering = [c for c in range(len(within)) if within[c] >> vertex & 1]
        if options is None or len(covering) < len(options):
            options = covering
    # larger balls first: good covers are found sooner
    for centre in sorted(options, key=lambda c: -(within[c] & uncovered).bit_count()):
        rest = _can_cover(within, uncovered & ~within[centre], centres_left - 1, failed)
        if rest is not None:
            return [centre, *rest]
    failed[uncovered] = centres_left
    return None


class Vertex_KCenter(Task):
    """Choose K distinct vertices of a connected weighted graph so that the largest distance from a vertex to its
    nearest chosen vertex is as small as possible.

    The reference tries the candidate radii (distinct pairwise distances) from the smallest up and, for each, looks
    for at most K balls of that radius covering every vertex by branch and bound with memoised failures; the first
    radius that works is the optimum.
    Difficulty: N ← N + 1 from 4; K uniform in [1, N − 1]; a random spanning tree plus random further edges up to
    int(density·N(N−1)/2), density drawn from {0.02, 0.05, 0.1, …, 0.9} among those giving at least N − 1 edges;
    weights uniform in [1, N].
    Reward: -1 unparsable; -0.5 unless the answer is K distinct vertices in range; otherwise
    (optimal radius / achieved radius)^5.
    Answer: the K chosen vertices on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice([d for d in _DENSITIES if int(d * n * (n - 1) / 2) >= n - 1])
        k = rng.randint(1, n - 1)
        pairs = [[min(u, v), max(u, v)] for u, v in random_tree_edges(rng, n)]
        used = {(u, v) for u, v in pairs}
        spare = [[u, v] for u in range(n) for v in range(u + 1, n) if (u, v) not in used]
        pairs += rng.sample(spare, max(0, min(len(spare), int(density * n * (n - 1) / 2) - len(pairs))))
        rng.shuffle(pairs)
        parameters = {"N": n, "K": k, "edges": [[u, v, rng.randint(1, n)] for u, v in pairs]}
        centres, best = self.solve(parameters)
        parameters["best"] = best
        return Instance(parameters, " ".join(map(str, centres)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"A connected undirected graph has {n} vertices, numbered 0 to {n - 1}; each line (u, v, w) below is an "
            f"edge between u and v of weight w:\n{edges}\n"
            "The distance between two vertices is the total weight of a lightest path between them. Choose "
            f"{k} distinct vertices so that the largest distance from any vertex of the graph to its nearest chosen "
            "vertex is as small as possible.\n"
            f"Write the {k} chosen vertices on one line, in any order, separated by spaces."
        )

    @staticmethod
    def distances(parameters: dict[str, Any]) -> list[list[int]]:
        """All-pairs shortest distances."""
        n = parameters["N"]
        return [[int(x) for x in dijkstra(n, parameters["edges"], source, directed=False)] for source in range(n)]

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], int]:
        """(an optimal set of K centres, sorted; the optimal radius)."""
        n, k = parameters["N"], parameters["K"]
        distance = self.distances(parameters)
        everyone = (1 << n) - 1
        for radius in sorted({d for row in distance for d in row}):
            within = [sum(1 << v for v in range(n) if distance[c][v] <= radius) for c in range(n)]
            centres = _can_cover(within, everyone, k, {})
            if centres is not None:
                # pad with unused vertices: extra centres never hurt
                extra = [v for v in range(n) if v not in centres][: k - len(centres)]
                return sorted(centres + extra), radius
        raise AssertionError("unreachable: the largest distance is always coverable by one centre")

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        centres = parse_int_list(answer)
        n, k = parameters["N"], parameters["K"]
        if len(centres) != k or len(set(centres)) != k or any(not 0 <= c < n for c in centres):
            return rewards.invalid(f"the answer must be {k} distinct vertices in 0..{n - 1}")
        distance = self.distances(parameters)
        radius = max(min(distance[c][v] for c in centres) for v in range(n))
        return rewards.optimality(radius, parameters["best"], _BETA, minimize=True)

"""Dynamite (POI 2011): place M centres in a tree to minimise the farthest key vertex's distance to a centre."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import bfs_distances, random_tree_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


class DynDynamite(Task):
    """A tree on N vertices with some key vertices: choose M distinct vertices as centres so that the largest
    distance (in edges) from a key vertex to its nearest centre is as small as possible.

    Difficulty: N = 3 + d; the tree is random recursive with shuffled labels; the key vertices are a random
    subset of 2..N vertices and M is uniform in [1, keys - 1].
    Reward: -1 unparsable; -0.5 unless the answer is M distinct vertices in range; otherwise
    (optimal radius / achieved radius)^5.
    Answer: the M chosen vertices on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted(edge) for edge in random_tree_edges(rng, n)]
        keys = rng.sample(range(n), rng.randint(2, n))
        parameters = {"N": n, "edges": edges, "keys": keys, "M": rng.randint(1, len(keys) - 1)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, centres = parameters["N"], parameters["M"]
        edges = "\n".join(f"{u} {v}" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} edges (one per line, as two "
            f"endpoints):\n{edges}\n"
            f"The key vertices are: {' '.join(map(str, parameters['keys']))}\n"
            f"Choose exactly {centres} distinct vertices (any vertices of the tree) as centres so that the largest "
            "distance, counted in edges, from a key vertex to its nearest centre is as small as possible.\n"
            f"Write the {centres} chosen vertices on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Binary search on the radius r with a greedy that, bottom-up, places a centre only when the farthest
        uncovered key below a vertex is exactly r edges away (as high as possible). The greedy's centres at the
        optimal r, padded with unused vertices, are returned."""
        n, quota = parameters["N"], parameters["M"]
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for u, v in parameters["edges"]:
            neighbours[u].append(v)
            neighbours[v].append(u)
        parent, order = [-1] * n, [0]
        for u in order:
            for v in neighbours[u]:
                if v != parent[u] and v != 0:
                    parent[v] = u
                    order.append(v)
        is_key = [False] * n
        for key in parameters["keys"]:
            is_key[key] = True

        def greedy_centres(radius: int) -> list[int]:
            none_far, none_near = -(n + 1), n + 1
            farthest_uncovered = [none_far] * n  # distance down to the farthest key not yet covered
            nearest_centre = [none_near] * n  # distance down to the nearest centre already placed
            centres = []
            for u in reversed(order):
                if is_key[u]:
                    farthest_uncovered[u] = max(farthest_uncovered[u], 0)
                if farthest_uncovered[u] + nearest_centre[u] <= radius:
                    farthest_uncovered[u] = none_far
                if farthest_uncovered[u] == radius or (u == 0 and farthest_uncovered[u] >= 0):
                    centres.append(u)
                    farthest_uncovered[u], nearest_centre[u] = none_far, 0
                p = parent[u]
                if p >= 0:
                    farthest_uncovered[p] = max(farthest_uncovered[p], farthest_uncovered[u] + 1)
                    nearest_centre[p] = min(nearest_centre[p], nearest_centre[u] + 1)
            return centres

        low, high = 0, n
        while low < high:
            middle = (low + high) // 2
            if len(greedy_centres(middle)) <= quota:
                high = middle
            else:
                low = middle + 1
        centres = greedy_centres(low)
        chosen = set(centres)
        centres += [v for v in range(n) if v not in chosen][: quota - len(centres)]
        return sorted(centres)

    def radius(self, parameters: dict[str, Any], centres: list[int]) -> int:
        """The largest distance from a key vertex to its nearest centre."""
        n, edges = parameters["N"], parameters["edges"]
        # multi-source BFS via a virtual vertex n joined to every centre
        distance = bfs_distances(n + 1, [*edges, *([n, c] for c in centres)], n, directed=False)
        return max(distance[key] for key in parameters["keys"]) - 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        centres = parse_int_list(answer)
        n, quota = parameters["N"], parameters["M"]
        if len(centres) != quota or len(set(centres)) != quota or any(not 0 <= c < n for c in centres):
            return rewards.invalid(f"expected {quota} distinct vertices in [0, {n})")
        best = self.radius(parameters, self.solve(parameters))
        return rewards.optimality(self.radius(parameters, centres), best, _BETA, minimize=True)

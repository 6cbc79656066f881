"""Add one edge of a given weight to a weighted tree so that the longest shortest distance is as small as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import all_pairs_tree_distances, random_tree

_BETA = 5.0


def diameter_with_edge(distance: list[list[int]], x: int, y: int, weight: int, bound: float = float("inf")) -> int:
    """The largest shortest distance once an edge x–y of `weight` joins the tree (0-based; `distance` is the tree's
    all-pairs table). Stops early, returning a value ≥ `bound`, once some pair reaches `bound`."""
    n = len(distance)
    from_x, from_y = distance[x], distance[y]
    largest = 0
    for a in range(n):
        row = distance[a]
        via_x, via_y = row[x] + weight, row[y] + weight  # a → x → (new edge) → y, and a → y → x
        for b in range(a + 1, n):
            length = min(row[b], via_x + from_y[b], via_y + from_x[b])
            if length > largest:
                largest = length
                if largest >= bound:
                    return largest
    return largest


class TreeAddOneEdgeDiameter(Task):
    """Add exactly one new edge of weight L to a weighted tree so that the largest shortest-path distance between
    two vertices of the resulting graph is as small as possible.

    Every pair of endpoints is tried against the tree's all-pairs distance table (a path either avoids the new
    edge or crosses it once), with an early stop once a pair is no better than the best so far.
    Difficulty: N ← N + 1 from 4; a random tree on 1..N with edge weights uniform in [0, N]; L uniform in [0, N].
    Reward: -1 unparsable or not two integers; -0.5 if an endpoint is outside 1..N; otherwise
    (smallest achievable / achieved largest distance)^5 (1 when both are 0).
    Answer: the two endpoints x y of the new edge, on one line.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [[u, v, rng.randint(0, n)] for u, v in random_tree(rng, n, first_label=1)]
        parameters = {"N": n, "edges": edges, "L": rng.randint(0, n)}
        (x, y), best = self.solve(parameters)
        parameters["best"] = best
        return Instance(parameters, f"{x} {y}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, weight = parameters["N"], parameters["L"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and these {n - 1} edges; (u, v, w) is an edge between u and "
            f"v of weight w:\n{edges}\n"
            f"Add exactly one new edge of weight {weight} between two vertices x and y of your choice. The distance "
            "between two vertices is the total weight of a lightest path between them in the new graph. Choose x "
            "and y so that the largest distance over all pairs of vertices is as small as possible.\n"
            "Write x and y on one line, separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[tuple[int, int], int]:
        """(best endpoints as 1-based labels, the smallest achievable largest distance)."""
        n, weight = parameters["N"], parameters["L"]
        distance = all_pairs_tree_distances(n, [[u - 1, v - 1, w] for u, v, w in parameters["edges"]])
        best_pair, best = (1, 1), max(map(max, distance))  # a loop at one vertex changes nothing
        for x in range(n):
            for y in range(x + 1, n):
                value = diameter_with_edge(distance, x, y, weight, bound=best)
                if value < best:
                    best_pair, best = (x + 1, y + 1), value
        return best_pair, best

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        if len(values) != 2:
            raise AnswerFormatError("expected two vertices x y")
        n = parameters["N"]
        x, y = values
        if not (1 <= x <= n and 1 <= y <= n):
            return rewards.invalid(f"vertices must lie in 1..{n}")
        distance = all_pairs_tree_distances(n, [[u - 1, v - 1, w] for u, v, w in parameters["edges"]])
        achieved = diameter_with_edge(distance, x - 1, y - 1, parameters["L"])
        return rewards.optimality(achieved, parameters["best"], _BETA, minimize=True)

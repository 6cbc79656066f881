"""Count the triples of tree vertices whose three pairwise distances are equal."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import random_tree, rooted, tree_distances

_BETA = 10.0


class Tree_DistanceEqualTriad_Counting(Task):
    """Count the sets of three vertices of a tree whose pairwise distances (in edges) are all equal.

    The three paths of such a triple meet at one centre c, each vertex at the same distance t from c and in a
    different branch of c. So for every centre and every t, the count adds the sum over three distinct branches of
    the products of how many vertices each branch has at depth t (an elementary symmetric sum).
    Difficulty: N ← N + 1 from 4; a random tree on 1..N.
    Reward: -1 unparsable or negative; otherwise (min/max of answer and truth)^10 (0 scores 1 only when the truth
    is 0).
    Answer: one non-negative integer, the number of such triples.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_tree(rng, n, first_label=1)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"{u} {v}" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and these {n - 1} edges (one per line, as two endpoints):\n"
            f"{edges}\n"
            "The distance between two vertices is the number of edges on the path between them. How many sets of "
            "three distinct vertices {A, B, C} have dist(A, B) = dist(A, C) = dist(B, C)?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of equidistant triples."""
        n = parameters["N"]
        edges = [[u - 1, v - 1] for u, v in parameters["edges"]]
        degree = [0] * n
        for u, v in edges:
            degree[u] += 1
            degree[v] += 1
        total = 0
        for centre in range(n):
            if degree[centre] < 3:
                continue
            parent, order = rooted(n, edges, centre)
            depth = tree_distances(n, edges, centre)
            branch = [-1] * n
            per_depth: dict[int, dict[int, int]] = {}  # depth → branch → vertices at that depth
            for v in order[1:]:
                branch[v] = v if parent[v] == centre else branch[parent[v]]
                counts = per_depth.setdefault(depth[v], {})
                counts[branch[v]] = counts.get(branch[v], 0) + 1
            for counts in per_depth.values():
                one = two = three = 0  # elementary symmetric sums of the branch counts seen so far
                for count in counts.values():
                    three += two * count
                    two += one * count
                    one += count
                total += three
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("a count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

"""Walk exactly M steps from the root of a tree, visiting as many distinct vertices as possible."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.trees import random_tree, rooted

_BETA = 3.0


class TreeMaximumVisitedVertex(Task):
    """Starting at vertex 0 of a tree, walk exactly M steps along edges (revisits allowed) so that the number of
    distinct vertices visited is as large as possible.

    With L the depth of the deepest vertex: if M ≤ L the best is M + 1 (walk straight down); otherwise every
    vertex off a deepest root path costs two steps (in and out), so the best is min(N, L + 1 + ⌊(M − L)/2⌋). The
    reference tours the chosen side vertices depth-first, finishes down the deepest path, and spends any spare
    steps bouncing on the last edge.
    Difficulty: N ← int(1.1·N + 1) from 3; a random tree on 0..N−1; M uniform in [2, 2N − 3].
    Reward: -1 unparsable; -0.5 unless the answer has M + 1 vertices in range, starts at 0 and moves along edges;
    otherwise (distinct vertices visited / best possible)^3.
    Answer: the M + 1 vertices of the walk in order, starting with 0, on one line separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_tree(rng, n), "M": rng.randint(2, 2 * (n - 1) - 1)}
        walk = self.solve(parameters)
        parameters["best"] = len(set(walk))
        return Instance(parameters, " ".join(map(str, walk)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, steps = parameters["N"], parameters["M"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} edges:\n{edges}\n"
            f"Starting at vertex 0, make a walk of exactly {steps} steps; each step moves to a vertex adjacent to the "
            "current one, and vertices may be visited more than once. Make the number of distinct vertices visited "
            "(vertex 0 included) as large as possible.\n"
            f"Write the {steps + 1} vertices of the walk in order, starting with 0, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal walk of exactly M steps."""
        n, steps = parameters["N"], parameters["M"]
        parent, order = rooted(n, parameters["edges"])
        deepest = order[-1]  # breadth-first order ends at a deepest vertex
        spine = [deepest]
        while spine[-1] != 0:
            spine.append(parent[spine[-1]])
        spine.reverse()
        depth = len(spine) - 1
        if steps <= depth:
            return spine[: steps + 1]
        on_spine = set(spine)
        # side vertices in breadth-first order: each one's parent is on the spine or was taken before it
        side = [v for v in order if v not in on_spine][: (steps - depth) // 2]
        kept = on_spine | set(side)
        children: list[list[int]] = [[] for _ in range(n)]
        for v in order[1:]:
            if v in kept:
                children[parent[v]].append(v)
        walk = []

        def tour(vertex: int) -> None:
            """Depth-first walk of the kept vertices below `vertex`, returning to it (iterative)."""
            stack = [(vertex, iter(children[vertex]))]
            while stack:
                _, pending = stack[-1]
                child = next(pending, None)
                if child is None:
                    stack.pop()
                    if stack:
                        walk.append(stack[-1][0])
                elif child not in on_spine:
                    walk.append(child)
                    stack.append((child, iter(children[child])))

        for vertex in spine:
            walk.append(vertex)
            tour(vertex)  # side branches first, then on down the spine
        while len(walk) < steps + 1:  # spare steps: back and forth over the last edge
            walk.append(walk[-2])
        return walk

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        walk = parse_int_list(answer)
        n, steps = parameters["N"], parameters["M"]
        if len(walk) != steps + 1 or walk[0] != 0 or any(not 0 <= v < n for v in walk):
            return rewards.invalid(f"the walk must have {steps + 1} vertices in range, starting at 0")
        edges = {(min(u, v), max(u, v)) for u, v in parameters["edges"]}
        if any((min(u, v), max(u, v)) not in edges for u, v in itertools.pairwise(walk)):
            return rewards.invalid("the walk uses a missing edge")
        return rewards.optimality(len(set(walk)), parameters["best"], _BETA, minimize=False)

"""Zero-XOR paths of a weighted tree while its edges are deleted one by one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import random_tree, rooted

_BETA = 5.0


class TreeDynamic_XORZeroPath(Task):
    """A weighted tree loses its edges one at a time in a given order; before any removal and after each one,
    count the unordered pairs of vertices still joined by a path whose weights XOR to 0.

    With x(v) the XOR of the weights from vertex 0 to v in the whole tree, a surviving path u–v has XOR
    x(u) ⊕ x(v), so each count is the number of pairs in the same remaining component with equal x.
    Difficulty: N ← N + 1 from 3; a random tree on 0..N−1 with weights uniform in [0, N]; the removal order is a
    random permutation of the N − 1 edges.
    Reward: -1 unparsable; -0.5 unless exactly N integers are given; otherwise (correct positions / N)^5.
    Answer: N integers on one line separated by spaces: the count before any removal, then after each removal.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [[u, v, rng.randint(0, n)] for u, v in random_tree(rng, n)]
        parameters = {"N": n, "edges": edges, "removes": rng.sample(range(n - 1), n - 1)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"edge {i}: ({u}, {v}, {w})" for i, (u, v, w) in enumerate(parameters["edges"]))
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and {n - 1} edges; edge i: (u, v, w) joins u and v with "
            f"weight w:\n{edges}\n"
            f"The edges are deleted one at a time in this order of edge numbers: "
            f"{' '.join(map(str, parameters['removes']))}\n"
            "For a pair of distinct vertices joined by a path of remaining edges, the value of the path is the "
            "bitwise XOR of its weights. Count the unordered pairs whose path exists and has value 0: first before "
            f"any deletion, then after each of the {n - 1} deletions.\n"
            f"Write these {n} counts on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The N counts, before and after each removal."""
        n, edges, removes = parameters["N"], parameters["edges"], parameters["removes"]
        parent, order = rooted(n, edges)
        weight = {(min(u, v), max(u, v)): w for u, v, w in edges}
        label = [0] * n  # XOR of the weights on the path from vertex 0
        for v in order[1:]:
            label[v] = label[parent[v]] ^ weight[(min(v, parent[v]), max(v, parent[v]))]
        counts = []
        for removed_count in range(n):
            components = DisjointSets(n)
            for index in removes[removed_count:]:
                components.union(edges[index][0], edges[index][1])
            groups: dict[tuple[int, int], int] = {}
            for v in range(n):
                key = (components.find(v), label[v])
                groups[key] = groups.get(key, 0) + 1
            counts.append(sum(size * (size - 1) // 2 for size in groups.values()))
        return counts

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer, allow_empty=True)
        n = parameters["N"]
        if len(values) != n:
            return rewards.invalid(f"expected exactly {n} counts")
        matches = sum(a == b for a, b in zip(values, self.solve(parameters)))
        return rewards.partial(matches / n, _BETA, f"{matches}/{n} counts right")

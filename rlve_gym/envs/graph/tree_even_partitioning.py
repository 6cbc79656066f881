"""Split a tree on N·K vertices into N connected parts of K vertices each."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task

_BETA = 5.0


class TreeEvenPartitioning(Task):
    """Partition the vertices of a tree with N·K vertices into N sets of exactly K vertices, each set inducing a
    connected subtree.

    The tree is built around a planted answer: the vertices 1..NK are shuffled into N groups of K, each group gets a
    random spanning tree of its own, and each group after the first is linked by one edge to a random vertex of an
    earlier group.
    Difficulty: N uniform in [2, MAX_N] and K in [2, MAX_K], starting from MAX_N = 3, MAX_K = 2; each level raises
    MAX_K by 1 while it is below MAX_N, else MAX_N by 1.
    Reward: -1 unparsable or not N lines of K integers; -0.5 unless every vertex 1..NK appears exactly once;
    otherwise (connected sets / N)^5.
    Answer: N lines, each with the K vertices of one set separated by spaces (sets and vertices in any order).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        max_n, max_k = 3, 2
        for _ in range(difficulty):
            if max_k < max_n:
                max_k += 1
            else:
                max_n += 1
        return {"MAX_N": max_n, "MAX_K": max_k}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        ladder = self.ladder(difficulty)
        n, k = rng.randint(2, ladder["MAX_N"]), rng.randint(2, ladder["MAX_K"])
        shuffled = rng.sample(range(1, n * k + 1), n * k)
        groups = [shuffled[i * k : (i + 1) * k] for i in range(n)]
        edges = []
        for index, group in enumerate(groups):
            for position in range(1, k):
                u, v = group[position], group[rng.randrange(position)]
                edges.append([min(u, v), max(u, v)])
            if index:
                u, v = rng.choice(group), rng.choice(groups[rng.randrange(index)])
                edges.append([min(u, v), max(u, v)])
        rng.shuffle(edges)
        parameters = {"N": n, "K": k, "edges": edges}
        return Instance(parameters, "\n".join(" ".join(map(str, group)) for group in groups))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n * k} vertices, numbered 1 to {n * k}, and these {n * k - 1} edges:\n{edges}\n"
            f"Split the vertices into {n} disjoint sets of exactly {k} vertices each, so that the vertices of every "
            "set are connected to each other using only edges between vertices of that set.\n"
            f"Write {n} lines, each listing the {k} vertices of one set separated by spaces (the sets, and the "
            "vertices within a set, may be in any order)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        n, k = parameters["N"], parameters["K"]
        groups = parse_int_rows(answer)
        if len(groups) != n or any(len(group) != k for group in groups):
            raise AnswerFormatError(f"expected {n} lines of {k} vertices")
        if sorted(v for group in groups for v in group) != list(range(1, n * k + 1)):
            return rewards.invalid(f"every vertex 1..{n * k} must appear exactly once")
        label = {v: index for index, group in enumerate(groups) for v in group}
        inside = [0] * n
        for u, v in parameters["edges"]:
            if label[u] == label[v]:
                inside[label[u]] += 1
        # a set of K tree vertices is connected exactly when it contains K − 1 tree edges
        connected = sum(count == k - 1 for count in inside)
        return rewards.partial(connected / n, _BETA, f"{connected}/{n} sets connected")

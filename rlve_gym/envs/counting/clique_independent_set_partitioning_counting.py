"""Split partitions (POI 2011 Conspiracy): a clique plus an independent set."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class Clique_IndependentSet_Partitioning_Counting(Task):
    """Count the ways to split the vertices of a graph into a non-empty clique S and a non-empty independent set T.

    A split is planted: a clique of 2..N-1 random vertices, the rest independent, plus a random number of random
    clique-to-rest edges, so the count is at least 1.
    Difficulty: N = 3 + d.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        clique = sorted(rng.sample(range(n), rng.randint(2, n - 1)))
        rest = [v for v in range(n) if v not in clique]
        edges = [[u, v] for i, u in enumerate(clique) for v in clique[i + 1 :]]
        cross = [sorted([u, v]) for u in clique for v in rest]
        edges += rng.sample(cross, rng.randint(0, len(cross)))
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these {len(parameters['edges'])} "
            f"edges:\n{edges}\n"
            "In how many ways can the vertices be divided into two non-empty groups S and T (every vertex in "
            "exactly one group) such that every two vertices of S are joined by an edge and no two vertices of T "
            "are? Two ways differ when their groups S differ.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Find one split (clique, independent) from the degree sequence, then count them all.

        Split-graph test (Hammer–Simeone): with degrees sorted descending, let k be the largest i with
        d_i ≥ i - 1; the graph is split iff Σ_{i ≤ k} d_i = k(k-1) + Σ_{i > k} d_i, and then the k largest form
        a clique and the rest an independent set. Any two splits (S, T), (S', T') have |S ∩ T'| ≤ 1 (a clique
        that is independent) and |S' ∩ T| ≤ 1, so all splits come from moving at most one vertex each way.
        """
        n = parameters["N"]
        adjacent = [[False] * n for _ in range(n)]
        for u, v in parameters["edges"]:
            adjacent[u][v] = adjacent[v][u] = True
        degree = [sum(row) for row in adjacent]
        ranked = sorted(range(n), key=lambda v: -degree[v])
        k = max(i for i in range(1, n + 1) if degree[ranked[i - 1]] >= i - 1)
        top = sum(degree[v] for v in ranked[:k])
        if top != k * (k - 1) + sum(degree[v] for v in ranked[k:]):
            return 0
        in_clique = [False] * n
        for v in ranked[:k]:
            in_clique[v] = True
        clique = [v for v in range(n) if in_clique[v]]
        independent = [v for v in range(n) if not in_clique[v]]
        # a clique vertex may move to T only if it has no neighbour left in T; an independent vertex may move to
        # S only if it sees every vertex left in S
        neighbours_in_t = {v: sum(adjacent[v][w] for w in independent) for v in clique}
        strangers_in_s = {w: sum(not adjacent[w][v] for v in clique) for w in independent}
        count = 0
        for leaving in [None, *clique]:
            for joining in [None, *independent]:
                size_s = len(clique) - (leaving is not None) + (joining is not None)
                if size_s in (0, n):
                    continue
                blockers_t = neighbours_in_t[leaving] if leaving is not None else 0
                blockers_s = strangers_in_s[joining] if joining is not None else 0
                if leaving is not None and joining is not None:
                    if adjacent[leaving][joining]:
                        blockers_t -= 1  # the neighbour it had in T has moved to S
                    else:
                        blockers_s -= 1  # the stranger it had in S has moved to T
                count += blockers_t == 0 and blockers_s == 0
        return count

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

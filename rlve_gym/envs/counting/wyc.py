"""The weight of the K-th lightest walk in a directed multigraph with edge weights 1, 2 or 3."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_BETA = 10.0
_VERTEX_COUNTS = (2, 3, 4, 5, 6, 7, 8)
_DRAWS = 100


def _capped_product(left: list[list[int]], right: list[list[int]], cap: int) -> list[list[int]]:
    """Matrix product with every entry replaced by min(entry, cap) (exact below the cap, since entries are ≥ 0)."""
    size = len(right[0])
    product = []
    for row in left:
        out = [0] * size
        for k, a in enumerate(row):
            if a:
                for j, b in enumerate(right[k]):
                    if b:
                        out[j] = min(cap, out[j] + a * b)
        product.append(out)
    return product


def walk_count_below(n: int, edges: list[list[int]]) -> int | None:
    """Number of walks with at least one edge when finitely many exist (the graph has no cycle), else None."""
    indegree = [0] * (n + 1)
    for _, t, _ in edges:
        indegree[t] += 1
    order, ready = [], [v for v in range(1, n + 1) if not indegree[v]]
    while ready:
        v = ready.pop()
        order.append(v)
        for s, t, _ in edges:
            if s == v:
                indegree[t] -= 1
                if not indegree[t]:
                    ready.append(t)
    if len(order) < n:
        return None
    ending = dict.fromkeys(range(1, n + 1), 1)  # walks (the empty one included) ending at each vertex
    for v in order:
        for s, t, _ in edges:
            if s == v:
                ending[t] += ending[v]
    return sum(ending.values()) - n


class WYC(Task):
    """Consider every walk with at least one edge in a directed multigraph whose edge weights are 1, 2 or 3
    (vertices and edges may repeat; each listed edge is a distinct edge). Sorted by total weight, what is the
    weight of the K-th walk?

    Expanding each vertex into a chain of three waiting states turns weights into unit steps; walks of weight
    ≤ L then correspond to paths of length L + 1 into an absorbing "stop" state, so the answer is found by
    binary lifting over capped powers of that (3N + 1)-state matrix (POI 2015 "Wycieczki").
    Difficulty: N drawn from {2, …, 8}; between 1 and N(N − 1) edges between random distinct vertices with
    weights uniform in {1, 2, 3}; K uniform in [1, MAX_K], MAX_K doubling from 5. A draw with fewer than K
    walks is redrawn (after 100 draws K is lowered to at most the number of walks instead).
    Reward: -1 unparsable or not positive; otherwise (min/max of answer and truth)^10.
    Answer: one positive integer, the weight of the K-th walk.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_K": doubled(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest_k = self.ladder(difficulty)["MAX_K"]
        n = rng.choice(_VERTEX_COUNTS)
        for _ in range(_DRAWS):
            edges = []
            for _ in range(rng.randint(1, n * (n - 1))):
                s, t = rng.sample(range(1, n + 1), 2)
                edges.append([s, t, rng.randint(1, 3)])
            k = rng.randint(1, largest_k)
            finite = walk_count_below(n, edges)
            if finite is None or finite >= k:
                break
        else:  # a cycle appears in most draws, so this is a safety net
            k = rng.randint(1, min(largest_k, finite))
        parameters = {"N": n, "edges": edges, "K": k}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        edges = "\n".join(f"({s}, {t}, {w})" for s, t, w in parameters["edges"])
        return (
            f"A directed graph has {n} vertices, numbered 1 to {n}. Each line (s, t, w) below is an edge from s to t "
            f"with weight w (1, 2 or 3); every line is a separate edge, even if two lines are identical:\n{edges}\n"
            "A walk is a sequence of one or more edges in which each edge starts where the previous one ends; it may "
            "start and end anywhere and may repeat vertices and edges. Two walks are different when their sequences "
            "of edges differ. List all walks in order of non-decreasing total weight. What is the total weight of "
            f"the {k}-th walk in this list?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The weight of the K-th walk."""
        n, k = parameters["N"], parameters["K"]
        size = 3 * n + 1
        stop = 0

        def state(vertex: int, delay: int) -> int:  # `delay` more unit steps until standing on `vertex`
            return 3 * (vertex - 1) + delay + 1

        step = [[0] * size for _ in range(size)]
        step[stop][stop] = 1
        for v in range(1, n + 1):
            step[state(v, 0)][stop] = 1  # the walk may end here
            step[state(v, 1)][state(v, 0)] = 1
            step[state(v, 2)][state(v, 1)] = 1
        for s, t, w in parameters["edges"]:
            step[state(s, 0)][state(t, w - 1)] += 1
        start = [[0] * size]
        for v in range(1, n + 1):
            start[0][state(v, 0)] = 1
        cap = k + n  # the n empty walks are counted too; beyond the cap, counts only need to stay "large"

        def walks_within(vector: list[list[int]]) -> int:
            return vector[0][stop] - n  # non-empty walks of weight < the number of steps taken

        powers = [step]  # powers[i] = step^(2^i)
        while walks_within(_capped_product(start, powers[-1], cap)) < k:
            # with a cycle, going round it gives ≥ 2 walks per 3 units of weight; without one, walks weigh < 3N
            if 1 << len(powers) > 3 * (k + n) + 8:
                raise ValueError("fewer than K walks exist")
            powers.append(_capped_product(powers[-1], powers[-1], cap))
        # largest L with fewer than K walks of weight ≤ L − 1: the K-th walk then weighs exactly L
        vector, length = start, 0
        for bit in range(len(powers) - 1, -1, -1):
            candidate = _capped_product(vector, powers[bit], cap)
            if walks_within(candidate) < k:
                vector, length = candidate, length + (1 << bit)
        return length

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the weight must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

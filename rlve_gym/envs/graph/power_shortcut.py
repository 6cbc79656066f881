"""Power shortcuts: the fewest hops from 0 to N-1 when one hop follows a walk of exactly 2^k edges (k ≤ K)."""

from __future__ import annotations

import itertools
import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DENSITIES = (0.01, 0.02, 0.03)
_MAX_EXPONENTS = (1, 2, 3)


class PowerShortcut(Task):
    """In a directed graph on N vertices, find the shortest sequence p[1] = 0, …, p[m] = N-1 such that each
    p[i+1] is reached from p[i] by a walk of exactly 2^k edges for some 0 ≤ k ≤ K.

    A hidden Hamiltonian path from 0 to N-1 guarantees a solution; random extra arcs bring the arc count to
    int(density·N(N-1)). Hops of length 2^k are boolean matrix squarings of the adjacency (rows as bitsets);
    the reference is a BFS over the union of those hop relations.
    Difficulty: N ← int(1.1·N + 1) from 4; density drawn from {0.01, 0.02, 0.03}; K drawn from {1, 2, 3}.
    Reward: -1 unparsable or empty; -0.5 for a vertex out of range, wrong endpoints, or a hop that no walk of
    length 2^k (k ≤ K) makes; otherwise (shortest m / m)^5.
    Answer: p[1] … p[m] on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density, max_exponent = rng.choice(_DENSITIES), rng.choice(_MAX_EXPONENTS)
        middle = list(range(1, n - 1))
        rng.shuffle(middle)
        route = [0, *middle, n - 1]
        arcs = [[s, t] for s, t in itertools.pairwise(route)]
        on_route = {(s, t) for s, t in arcs}
        others = [[s, t] for s in range(n) for t in range(n) if s != t and (s, t) not in on_route]
        arcs += rng.sample(others, max(0, min(len(others), int(density * n * (n - 1)) - len(arcs))))
        rng.shuffle(arcs)
        parameters = {"N": n, "K": max_exponent, "edges": arcs}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, arcs = parameters["N"], parameters["K"], parameters["edges"]
        lines = "\n".join(f"({s}, {t})" for s, t in arcs)
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}, and these {len(arcs)} directed edges "
            f"(s, t), each going from s to t:\n{lines}\n"
            f"Find a sequence of vertices p[1], p[2], ..., p[m] with p[1] = 0 and p[m] = {n - 1} such that for "
            "every consecutive pair (p[i], p[i+1]) there is a walk from p[i] to p[i+1] that uses exactly 2^k edges "
            f"for some integer k with 0 ≤ k ≤ {k} (vertices and edges may repeat along the walk). Make m, the "
            "length of the sequence, as small as possible.\n"
            "Write p[1] p[2] ... p[m] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A shortest sequence (BFS over the hop relation)."""
        n = parameters["N"]
        hops = _hops(n, parameters["K"], parameters["edges"])
        previous = [-1] * n
        previous[0] = 0
        queue = deque([0])
        while queue:
            vertex = queue.popleft()
            targets = hops[vertex]
            while targets:
                target = (targets & -targets).bit_length() - 1
                targets &= targets - 1
                if previous[target] < 0:
                    previous[target] = vertex
                    queue.append(target)
        sequence = [n - 1]
        while sequence[-1] != 0:
            sequence.append(previous[sequence[-1]])
        return sequence[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sequence = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in sequence):
            return rewards.invalid("a vertex is out of range")
        if sequence[0] != 0 or sequence[-1] != n - 1:
            return rewards.invalid(f"the sequence must start at 0 and end at {n - 1}")
        hops = _hops(n, parameters["K"], parameters["edges"])
        if any(not hops[s] >> t & 1 for s, t in itertools.pairwise(sequence)):
            return rewards.invalid("a hop is not a walk of length 2^k")
        return rewards.optimality(len(sequence), len(self.solve(parameters)), _BETA, minimize=True)


def _hops(n: int, max_exponent: int, arcs: list[list[int]]) -> list[int]:
    """For each vertex, the bitset of vertices reachable by a walk of exactly 2^k arcs for some k ≤ max_exponent."""
    walks = [0] * n  # walks[s]: targets of walks of exactly 2^k arcs, for the current k
    for s, t in arcs:
        walks[s] |= 1 << t
    union = walks[:]
    for _ in range(max_exponent):
        squared = []
        for s in range(n):
            middle, targets = walks[s], 0
            while middle:
                m = (middle & -middle).bit_length() - 1
                middle &= middle - 1
                targets |= walks[m]
            squared.append(targets)
        walks = squared
        union = [u | w for u, w in zip(union, walks)]
    return union

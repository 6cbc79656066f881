"""Longest simple path from a given vertex in a tournament."""

from __future__ import annotations

import itertools
import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


def _reachable(beats: list[list[bool]], source: int, *, forward: bool) -> list[int]:
    n = len(beats)
    seen = [False] * n
    seen[source] = True
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v in range(n):
            if not seen[v] and (beats[u][v] if forward else beats[v][u]):
                seen[v] = True
                queue.append(v)
    return [v for v in range(n) if seen[v]]


def hamiltonian_path(beats: list[list[bool]], vertices: list[int]) -> list[int]:
    """A Hamiltonian path of the sub-tournament on `vertices` (insertion: every tournament has one)."""
    path: list[int] = []
    for v in vertices:
        if not path or beats[v][path[0]]:
            path.insert(0, v)
            continue
        # path[0] → v; the first i with v → path[i] has path[i-1] → v (or v goes last)
        position = next((i for i in range(1, len(path)) if beats[v][path[i]]), len(path))
        path.insert(position, v)
    return path


def hamiltonian_cycle(beats: list[list[bool]], vertices: list[int]) -> list[int]:
    """A Hamiltonian cycle (as a vertex list) of a strongly connected sub-tournament with ≥ 3 vertices.

    Start from a 3-cycle and grow it: an outside vertex with both an in- and an out-neighbour on the cycle slots in
    between some c_i → x → c_(i+1); if none has both, strong connectivity gives a ← C and b → C with a → b, and
    c_1 → a → b → c_2 lengthens the cycle by two.
    """
    u = vertices[0]
    outs = [v for v in vertices if beats[u][v]]
    ins = [v for v in vertices if beats[v][u]]
    v, w = next((v, w) for v in outs for w in ins if beats[v][w])
    cycle = [u, v, w]
    outside = [x for x in vertices if x not in cycle]
    while outside:
        for x in outside:
            slot = next(
                (i for i in range(len(cycle)) if beats[cycle[i]][x] and beats[x][cycle[(i + 1) % len(cycle)]]), None
            )
            if slot is not None:
                cycle.insert(slot + 1, x)
                outside.remove(x)
                break
        else:
            dominated = [x for x in outside if beats[cycle[0]][x]]  # every cycle vertex beats these
            dominating = [x for x in outside if beats[x][cycle[0]]]
            a, b = next((a, b) for a in dominated for b in dominating if beats[a][b])
            cycle[1:1] = [a, b]
            outside.remove(a)
            outside.remove(b)
    return cycle


class Tournament_LongestPath(Task):
    """Find a longest path without repeated vertices, starting from vertex S, in a tournament (a directed graph
    with exactly one edge between every two vertices).

    Edges i → j (i < j) are kept forward with a probability p uniform in [0, 1) and reversed otherwise. The best
    path visits every vertex reachable from S: S's strongly connected component has a Hamiltonian cycle (Camion),
    entered at S, and every later component is beaten by all earlier ones, so a Hamiltonian path of the rest
    follows.
    Difficulty: N ← N + 1 from 3; S uniform in [0, N-1].
    Reward: -1 unparsable; -0.5 if the path does not start at S, repeats or leaves the range of vertices, or uses
    a missing edge; otherwise (vertices on the path / vertices on a longest path)^5.
    Answer: the path's vertices in order, starting with S, on one line separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        keep = rng.random()
        edges = []
        for i in range(n):
            for j in range(i + 1, n):
                edges.append([i, j] if rng.random() < keep else [j, i])
        edges.sort()
        parameters = {"N": n, "edges": edges, "S": rng.randrange(n)}
        path = self.solve(parameters)
        parameters["best"] = len(path)
        return Instance(parameters, " ".join(map(str, path)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, start = parameters["N"], parameters["S"]
        edges = "\n".join(f"({s}, {t})" for s, t in parameters["edges"])
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}; each pair (s, t) below is an edge from s to "
            f"t:\n{edges}\n"
            "Between every two distinct vertices there is exactly one edge, in one direction.\n"
            f"Find a path that starts at vertex {start}, follows edges in their direction, never visits a vertex "
            "twice, and contains as many vertices as possible.\n"
            f"Write the vertices of the path in order on one line, starting with {start}, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A longest path from S: around S's strong component from S, then a Hamiltonian path of the rest."""
        n, start = parameters["N"], parameters["S"]
        beats = [[False] * n for _ in range(n)]
        for s, t in parameters["edges"]:
            beats[s][t] = True
        reach = _reachable(beats, start, forward=True)
        back = set(_reachable(beats, start, forward=False))
        component = [v for v in reach if v in back]
        later = [v for v in reach if v not in back]
        if len(component) == 1:
            path = [start]
        else:
            cycle = hamiltonian_cycle(beats, component)
            i = cycle.index(start)
            path = cycle[i:] + cycle[:i]
        return path + hamiltonian_path(beats, later)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        path = parse_int_list(answer)
        n = parameters["N"]
        if path[0] != parameters["S"]:
            return rewards.invalid(f"the path must start at {parameters['S']}")
        if any(not 0 <= v < n for v in path) or len(set(path)) != len(path):
            return rewards.invalid("vertices must be distinct and in range")
        edges = {(s, t) for s, t in parameters["edges"]}
        if any((u, v) not in edges for u, v in itertools.pairwise(path)):
            return rewards.invalid("the path uses a missing edge")
        return rewards.optimality(len(path), parameters["best"], _BETA, minimize=False)

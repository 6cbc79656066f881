"""Re-point the fewest-cost in-edges of a functional graph to make it one Hamiltonian cycle."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_NOT_ONE_CYCLE = -0.2
"""RLVE's reward for an answer that is not a single cycle through every vertex."""


def is_single_cycle(sources: list[int]) -> bool:
    """True iff following i → sources[i] from 0 visits every vertex once before returning to 0."""
    steps, vertex = 0, 0
    for _ in range(len(sources)):
        vertex = sources[vertex]
        steps += 1
        if vertex == 0:
            break
    return vertex == 0 and steps == len(sources)


def cheapest_cycle(sources: list[int], costs: list[int]) -> list[int]:
    """New in-edge sources A' forming one cycle through all vertices with the least total cost of changed entries.

    Keeping the edge A[i] → i saves C[i]. Kept edges must form vertex-disjoint paths: every vertex keeps at most
    one of its out-edges (the dearest, as nothing else competes for it) and every cycle of the functional graph
    loses at least one edge (the cheapest switch to a tree child, or dropping it outright). The paths are then
    chained into one cycle (Luogu P3651)."""
    n = len(sources)
    if is_single_cycle(sources):
        return list(sources)
    children: list[list[int]] = [[] for _ in range(n)]
    for child, parent in enumerate(sources):
        children[parent].append(child)
    # vertices on cycles: walk from every vertex until a vertex repeats within the walk
    on_cycle = [False] * n
    state = [0] * n  # 0 unvisited, 1 on the current walk, 2 done
    for start in range(n):
        walk, vertex = [], start
        while state[vertex] == 0:
            state[vertex] = 1
            walk.append(vertex)
            vertex = sources[vertex]
        if state[vertex] == 1:
            cycle_vertex = vertex
            while True:
                on_cycle[cycle_vertex] = True
                cycle_vertex = sources[cycle_vertex]
                if cycle_vertex == vertex:
                    break
        for visited in walk:
            state[visited] = 2
    kept_child: list[int | None] = [None] * n
    for vertex in range(n):
        off_cycle = [c for c in children[vertex] if not on_cycle[c]]
        if off_cycle:
            kept_child[vertex] = max(off_cycle, key=lambda c: (costs[c], -c))
        if on_cycle[vertex]:
            cycle_child = next(c for c in children[vertex] if on_cycle[c])
            if kept_child[vertex] is None or costs[cycle_child] >= costs[kept_child[vertex]]:
                kept_child[vertex] = cycle_child
    # a cycle kept whole: its vertex losing least switches to its dearest tree child (or keeps nothing)
    done = [False] * n
    for start in range(n):
        if not on_cycle[start] or done[start]:
            continue
        cycle, vertex = [], start
        while not done[vertex]:
            done[vertex] = True
            cycle.append(vertex)
            vertex = sources[vertex]
        if all(on_cycle[kept_child[v]] for v in cycle):  # every cycle vertex kept its cycle child
            tree_best = {
                v: max((c for c in children[v] if not on_cycle[c]), key=lambda c: (costs[c], -c), default=None)
                for v in cycle
            }
            switched = min(
                cycle,
                key=lambda v: (costs[kept_child[v]] - (costs[tree_best[v]] if tree_best[v] is not None else 0), v),
            )
            kept_child[switched] = tree_best[switched]
    kept = [False] * n
    for vertex in range(n):
        if kept_child[vertex] is not None:
            kept[kept_child[vertex]] = True
    heads = [v for v in range(n) if not kept[v]]
    tails = []
    for head in heads:
        vertex = head
        while kept_child[vertex] is not None:
            vertex = kept_child[vertex]
        tails.append(vertex)
    result = list(sources)
    for index, head in enumerate(heads):
        result[head] = tails[index - 1]
    return result


def change_cost(sources: list[int], costs: list[int], changed: list[int]) -> int:
    """Total C[i] over the entries of `changed` that differ from `sources`."""
    return sum(cost for old, new, cost in zip(sources, changed, costs) if old != new)


class MinConversionToCycleCost(Task):
    """Vertex i of a directed graph has exactly one in-edge, from A[i]. Changing A[i] costs C[i]. Change entries
    so that the graph becomes a single directed cycle through all N vertices, at the least total cost.

    Solved exactly: keep the dearest out-edge of every vertex, break each cycle where it loses least, and chain
    the resulting paths (Luogu P3651); the tests check it against every Hamiltonian cycle at small N.
    Difficulty: N ← int(1.1·N + 1) from 3; A[i] uniform over the vertices other than i; C[i] uniform in [1, N].
    Reward: -1 unparsable; -0.5 unless the answer is N vertices in [0, N-1]; -0.2 if it is not one cycle through
    every vertex; else (least cost / cost paid)^3 (1 when both are 0).
    Answer: the final A[0] … A[N-1] on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        sources = [(i + rng.randint(1, n - 1)) % n for i in range(n)]
        parameters = {"A": sources, "C": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        sources, costs = parameters["A"], parameters["C"]
        n = len(sources)
        return (
            f"A directed graph has {n} vertices, labelled 0 to {n - 1}. Every vertex i has exactly one incoming "
            f"edge, coming from vertex A[i]: {' '.join(f'A[{i}]={a}' for i, a in enumerate(sources))}\n"
            f"You may change A[i] to any vertex; changing it costs C[i]: "
            f"{' '.join(f'C[{i}]={c}' for i, c in enumerate(costs))}\n"
            "Change some entries so that the graph becomes a single directed cycle passing through every vertex "
            "exactly once, with the smallest possible total cost (an entry counts as changed when its final value "
            "differs from the original).\n"
            f"Write the final A[0], A[1], ..., A[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A cheapest final array (see `cheapest_cycle`)."""
        return cheapest_cycle(parameters["A"], parameters["C"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        final = parse_int_list(answer)
        sources, costs = parameters["A"], parameters["C"]
        n = len(sources)
        if len(final) != n or any(not 0 <= a < n for a in final):
            return rewards.invalid(f"expected {n} vertices in [0, {n - 1}]")
        if not is_single_cycle(final):
            return rewards.wrong("the result is not a single cycle through every vertex", reward=_NOT_ONE_CYCLE)
        best = change_cost(sources, costs, self.solve(parameters))
        return rewards.optimality(change_cost(sources, costs, final), best, _BETA, minimize=True)

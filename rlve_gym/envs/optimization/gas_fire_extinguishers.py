"""Fire extinguishers on a tree: serve every vertex from a vertex within distance K, minimising Σ ceil(load / S)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import all_pairs_tree_distances, random_tree, rooted, tree_distances

_BETA = 3.0


def _match(rooms: list[int], places: list[list[int]], server: list[int]) -> None:
    """Serve rooms from the places' spare capacity (entries [vertex, spare]) until one list runs out."""
    while rooms and places:
        place = places[-1]
        taken = min(len(rooms), place[1])
        for _ in range(taken):
            server[rooms.pop()] = place[0]
        place[1] -= taken
        if place[1] == 0:
            places.pop()


def serve_greedily(n: int, edges: list[list[int]], reach: int, capacity: int) -> list[int]:
    """An optimal assignment P (vertex → serving vertex) for the tree, by the bottom-up greedy.

    Going up from the leaves, each vertex u keeps the still-unserved vertices of its subtree and the spare capacity
    of the extinguishers placed so far, both bucketed by distance from u. Vertices at distance `reach` must be served
    now, so ceil(count / capacity) extinguishers go to u; then pairs (vertex, spare) whose distances sum to `reach`
    or `reach - 1` are matched, since they could never meet higher up. At the root every remaining pair within
    `reach` is matched and the leftovers get new extinguishers at the root.
    """
    parent, order = rooted(n, edges)
    children: list[list[int]] = [[] for _ in range(n)]
    for v in order[1:]:
        children[parent[v]].append(v)
    server = [-1] * n
    unserved: list[list[list[int]] | None] = [None] * n
    spare: list[list[list[list[int]]] | None] = [None] * n
    for u in reversed(order):
        rooms: list[list[int]] = [[] for _ in range(reach + 1)]
        places: list[list[list[int]]] = [[] for _ in range(reach + 1)]
        rooms[0].append(u)
        for v in children[u]:
            for distance in range(reach):
                rooms[distance + 1] += unserved[v][distance]
                places[distance + 1] += spare[v][distance]
            unserved[v] = spare[v] = None
        if rooms[reach]:
            places[0].append([u, -(-len(rooms[reach]) // capacity) * capacity])
            _match(rooms[reach], places[0], server)
        for total in (reach, reach - 1):
            for distance in range(total + 1):
                _match(rooms[distance], places[total - distance], server)
        unserved[u], spare[u] = rooms, places
    rooms, places = unserved[0], spare[0]
    for distance in range(reach + 1):
        for other in range(reach + 1 - distance):
            _match(rooms[distance], places[other], server)
    leftovers = [room for bucket in rooms for room in bucket]
    if leftovers:
        _match(leftovers, [[0, -(-len(leftovers) // capacity) * capacity]], server)
    return server


def extinguisher_count(assignment: list[int], capacity: int, n: int) -> int:
    """Σ_v ceil(C[v] / capacity), C[v] the number of vertices assigned to v."""
    load = [0] * n
    for vertex in assignment:
        load[vertex] += 1
    return sum(-(-count // capacity) for count in load)


class GasFireExtinguishers(Task):
    """On a tree, pick for every vertex u a vertex P[u] within distance K, minimising Σ_v ceil(C[v] / S).

    C[v] counts the vertices u with P[u] = v (each extinguisher at v serves S vertices). The optimum comes from the
    classic bottom-up greedy, which also yields the reference assignment.
    Difficulty: N vertices, N ← N + 1 from 3; K uniform in [1, max(1, ⌊diameter / 2⌋)], S uniform in
    [2, max(2, ⌊N / K⌋)].
    Reward: -1 unparsable; -0.5 unless there are N entries, each within distance K of its vertex; otherwise
    (least total / total)^3.
    Answer: P[0] P[1] ... P[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = random_tree(rng, n)
        diameter = max(max(row) for row in all_pairs_tree_distances(n, edges))
        reach = rng.randint(1, max(1, diameter // 2))
        capacity = rng.randint(2, max(2, n // reach))
        assignment = serve_greedily(n, edges, reach, capacity)
        parameters = {"N": n, "edges": edges, "K": reach, "S": capacity}
        parameters["best"] = extinguisher_count(assignment, capacity, n)
        return Instance(parameters, " ".join(map(str, assignment)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, reach, capacity = parameters["N"], parameters["K"], parameters["S"]
        edges = "\n".join(f"{u} {v}" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} edges (one per line, u v):\n{edges}\n"
            f"For every vertex u choose a vertex P[u] whose distance from u (the number of edges on the path) is at "
            f"most {reach}; P[u] may be u itself. Let C[v] be the number of vertices u with P[u] = v.\n"
            f"Make the sum of ceil(C[v] / {capacity}) over all vertices v as small as possible (ceil rounds up).\n"
            f"Write P[0], P[1], ..., P[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        assignment = parse_int_list(answer)
        n, reach = parameters["N"], parameters["K"]
        if len(assignment) != n:
            return rewards.invalid(f"expected {n} entries, got {len(assignment)}")
        if any(not 0 <= target < n for target in assignment):
            return rewards.invalid(f"every entry must be a vertex in [0, {n - 1}]")
        for vertex, target in enumerate(assignment):
            if tree_distances(n, parameters["edges"], vertex)[target] > reach:
                return rewards.invalid(f"P[{vertex}] = {target} is farther than {reach} from {vertex}")
        total = extinguisher_count(assignment, parameters["S"], n)
        return rewards.optimality(total, parameters["best"], _BETA, minimize=True)

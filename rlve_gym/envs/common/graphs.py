"""Random graph builders and reference graph algorithms shared by tasks.

Vertices are ``0..n-1``; edge lists are lists of ``[u, v]`` or ``[u, v, w]`` (lists, not tuples, so problems
round-trip through JSON unchanged).
"""

from __future__ import annotations

import heapq
import random
from collections import deque

from rlve_gym.core.errors import AnswerFormatError


def random_tree_edges(rng: random.Random, n: int) -> list[list[int]]:
    """A uniformly shuffled random tree on n vertices (random attachment), as ``[parent, child]`` pairs."""
    order = list(range(n))
    rng.shuffle(order)
    edges = [[order[rng.randrange(i)], order[i]] for i in range(1, n)]
    rng.shuffle(edges)
    return edges


def random_dag_edges(rng: random.Random, order: list[int], edge_probability: float) -> list[list[int]]:
    """Edges ``[u, v]`` that respect `order` (u before v), each pair kept with `edge_probability`."""
    edges = []
    for i, u in enumerate(order):
        for v in order[i + 1 :]:
            if rng.random() < edge_probability:
                edges.append([u, v])
    return edges


def adjacency(n: int, edges: list[list[int]], *, directed: bool) -> list[list[tuple[int, int]]]:
    """Adjacency lists of ``(neighbour, weight)`` (weight 1 for unweighted edges)."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for edge in edges:
        u, v = edge[0], edge[1]
        weight = edge[2] if len(edge) > 2 else 1
        neighbours[u].append((v, weight))
        if not directed:
            neighbours[v].append((u, weight))
    return neighbours


def dijkstra(n: int, edges: list[list[int]], source: int, *, directed: bool) -> list[float]:
    """Shortest distances from `source` (inf where unreachable); weights must be non-negative."""
    neighbours = adjacency(n, edges, directed=directed)
    distance = [float("inf")] * n
    distance[source] = 0
    heap = [(0, source)]
    while heap:
        dist_u, u = heapq.heappop(heap)
        if dist_u > distance[u]:
            continue
        for v, weight in neighbours[u]:
            if dist_u + weight < distance[v]:
                distance[v] = dist_u + weight
                heapq.heappush(heap, (distance[v], v))
    return distance


def bfs_distances(n: int, edges: list[list[int]], source: int, *, directed: bool) -> list[int]:
    """Unweighted distances from `source` (-1 where unreachable)."""
    neighbours = adjacency(n, edges, directed=directed)
    distance = [-1] * n
    distance[source] = 0
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v, _ in neighbours[u]:
            if distance[v] < 0:
                distance[v] = distance[u] + 1
                queue.append(v)
    return distance


class DisjointSets:
    """Union-find with path halving and union by size."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        """Representative of x's set."""
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of a and b; False if they were already one set."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]
        return True


def is_topological_order(n: int, edges: list[list[int]], order: list[int]) -> bool:
    """True iff `order` is a permutation of 0..n-1 placing every edge's tail before its head."""
    if sorted(order) != list(range(n)):
        return False
    position = {vertex: index for index, vertex in enumerate(order)}
    return all(position[u] < position[v] for u, v, *_ in edges)


def vertex_pairs(values: list[int]) -> list[tuple[int, int]]:
    """Read a flat answer ``u1 v1 u2 v2 …`` as edges ``[(u1, v1), (u2, v2), …]``.

    Raises AnswerFormatError (the answer is not a list of pairs) when the count is odd.
    """
    if len(values) % 2:
        raise AnswerFormatError("expected an even number of vertices (pairs u v)")
    return [(values[i], values[i + 1]) for i in range(0, len(values), 2)]


def min_cost_max_flow(
    n: int, arcs: list[tuple[int, int, int, int]], source: int, sink: int
) -> tuple[int, int, list[int]]:
    """Minimum-cost maximum flow by successive shortest paths (Dijkstra on reduced costs).

    `arcs` are ``(tail, head, capacity, cost)`` with non-negative integer costs; returns
    ``(flow value, total cost, flow on each arc)``. Exact for integer data.
    """
    # residual arcs in pairs: 2i is arc i, 2i+1 its reverse
    head, capacity, cost = [], [], []
    outgoing: list[list[int]] = [[] for _ in range(n)]
    for tail, to, cap, price in arcs:
        outgoing[tail].append(len(head))
        head.append(to), capacity.append(cap), cost.append(price)
        outgoing[to].append(len(head))
        head.append(tail), capacity.append(0), cost.append(-price)
    potential = [0] * n  # valid from the start: every original cost is non-negative
    total_flow = total_cost = 0
    while True:
        distance = [None] * n
        distance[source] = 0
        parent_arc = [-1] * n
        heap = [(0, source)]
        while heap:
            dist_u, u = heapq.heappop(heap)
            if dist_u > distance[u]:
                continue
            for arc in outgoing[u]:
                if capacity[arc]:
                    v = head[arc]
                    candidate = dist_u + cost[arc] + potential[u] - potential[v]
                    if distance[v] is None or candidate < distance[v]:
                        distance[v] = candidate
                        parent_arc[v] = arc
                        heapq.heappush(heap, (candidate, v))
        if distance[sink] is None:
            break
        # unreached vertices move up by the largest distance, which keeps every residual reduced cost ≥ 0
        farthest = max(d for d in distance if d is not None)
        for v in range(n):
            potential[v] += farthest if distance[v] is None else distance[v]
        push, v = None, sink
        while v != source:
            arc = parent_arc[v]
            push = capacity[arc] if push is None else min(push, capacity[arc])
            v = head[arc ^ 1]
        v = sink
        while v != source:
            arc = parent_arc[v]
            capacity[arc] -= push
            capacity[arc ^ 1] += push
            total_cost += push * cost[arc]
            v = head[arc ^ 1]
        total_flow += push
    return total_flow, total_cost, [capacity[2 * i + 1] for i in range(len(arcs))]


def random_simple_graph_edges(rng: random.Random, n: int, m: int) -> list[list[int]]:
    """`m` distinct undirected edges ``[u, v]`` (u < v) on vertices 0..n-1, chosen uniformly, in random order."""
    pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
    return rng.sample(pairs, m)


def adjacency_bitsets(n: int, edges: list[list[int]]) -> list[int]:
    """For each vertex, the bitmask of its neighbours in an undirected graph."""
    neighbours = [0] * n
    for u, v, *_ in edges:
        neighbours[u] |= 1 << v
        neighbours[v] |= 1 << u
    return neighbours


def _colour_classes(candidates: int, neighbours: list[int]) -> list[tuple[int, int]]:
    """Greedy colouring of the candidate set: (vertex, colour number) in order of non-decreasing colour.

    A clique within the candidates has at most as many vertices as colours, which bounds the search."""
    ordered = []
    colour, uncoloured = 0, candidates
    while uncoloured:
        colour += 1
        available = uncoloured
        while available:
            vertex = (available & -available).bit_length() - 1
            available &= ~neighbours[vertex] & ~(1 << vertex)
            uncoloured &= ~(1 << vertex)
            ordered.append((vertex, colour))
    return ordered


def maximum_clique(n: int, edges: list[list[int]]) -> list[int]:
    """A largest clique, by branch and bound with greedy-colouring bounds (Tomita and Seki's MCQ scheme)."""
    neighbours = adjacency_bitsets(n, edges)
    best: list[int] = []

    def expand(clique: list[int], candidates: int) -> None:
        nonlocal best
        for vertex, colour in reversed(_colour_classes(candidates, neighbours)):
            if len(clique) + colour <= len(best):
                return
            grown = [*clique, vertex]
            inside = candidates & neighbours[vertex]
            if inside:
                expand(grown, inside)
            elif len(grown) > len(best):
                best = grown
            candidates &= ~(1 << vertex)

    expand([], (1 << n) - 1)
    return sorted(best)


def costed_graph(rng: random.Random, n: int, densities: tuple[float, ...], max_cost: int) -> dict[str, list]:
    """A random graph with int(density·n(n-1)/2) edges (density drawn among those giving at least one edge) and
    vertex costs uniform in [1, max_cost], as parameters ``{"edges", "C"}``."""
    pairs = n * (n - 1) // 2
    density = rng.choice([d for d in densities if int(d * pairs) > 0])
    edges = random_simple_graph_edges(rng, n, int(density * pairs))
    return {"edges": edges, "C": [rng.randint(1, max_cost) for _ in range(n)]}


def costed_graph_text(n: int, edges: list[list[int]], costs: list[int]) -> str:
    """Prompt lines describing an undirected graph on 0..n-1 and its vertex costs C[v]."""
    lines = "\n".join(f"{u} - {v}" for u, v in edges)
    cost_list = " ".join(f"C[{v}]={c}" for v, c in enumerate(costs))
    return (
        f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} edges:\n{lines}\n"
        f"Vertex v costs C[v]: {cost_list}\n"
    )


def min_cost_assignment(cost: list[list[int]]) -> list[int]:
    """A permutation P minimising Σ cost[i][P[i]] (Hungarian algorithm with potentials, O(n³); exact on ints)."""
    n = len(cost)
    infinity = float("inf")
    row_potential = [0] * (n + 1)
    column_potential = [0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j] = 1-based row matched to column j (0: free); column 0 is a sentinel
    for row in range(1, n + 1):
        owner[0] = row
        column = 0
        slack = [infinity] * (n + 1)
        came_from = [0] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[column] = True
            current_row, delta, next_column = owner[column], infinity, 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[current_row - 1][j - 1] - row_potential[current_row] - column_potential[j]
                    if reduced < slack[j]:
                        slack[j], came_from[j] = reduced, column
                    if slack[j] < delta:
                        delta, next_column = slack[j], j
            for j in range(n + 1):
                if used[j]:
                    row_potential[owner[j]] += delta
                    column_potential[j] -= delta
                else:
                    slack[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = came_from[column]
            owner[column] = owner[previous]
            column = previous
    assignment = [0] * n
    for j in range(1, n + 1):
        assignment[owner[j] - 1] = j - 1
    return assignment

"""Maximum flow and minimum cut on integer networks (Dinic's algorithm), for tasks solved by a cut."""

from __future__ import annotations

from collections import deque


class FlowNetwork:
    """A directed network on vertices 0..n-1 with integer arc capacities.

    Arcs are stored in pairs (arc 2i and its residual reverse 2i + 1); `add_arc` returns the arc's index, whose
    flow `flow_on` reports after `max_flow`.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.head: list[int] = []
        self.capacity: list[int] = []
        self.outgoing: list[list[int]] = [[] for _ in range(n)]

    def add_arc(self, tail: int, head: int, capacity: int) -> int:
        """Add an arc tail → head; returns its index."""
        index = len(self.head)
        self.outgoing[tail].append(index)
        self.head.append(head)
        self.capacity.append(capacity)
        self.outgoing[head].append(index + 1)
        self.head.append(tail)
        self.capacity.append(0)
        return index

    def flow_on(self, arc: int) -> int:
        """Flow currently sent along `arc` (the capacity of its reverse)."""
        return self.capacity[arc ^ 1]

    def _levels(self, source: int, sink: int) -> list[int] | None:
        level = [-1] * self.n
        level[source] = 0
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for arc in self.outgoing[u]:
                v = self.head[arc]
                if self.capacity[arc] and level[v] < 0:
                    level[v] = level[u] + 1
                    queue.append(v)
        return level if level[sink] >= 0 else None

    def max_flow(self, source: int, sink: int) -> int:
        """Push a maximum flow from `source` to `sink` (blocking flows on BFS level graphs; explicit stacks, so
        long paths cannot overflow the interpreter's recursion limit). Returns its value."""
        head, capacity, outgoing = self.head, self.capacity, self.outgoing
        total = 0
        while (level := self._levels(source, sink)) is not None:
            pointer = [0] * self.n
            path: list[int] = []  # arcs from the source to the current vertex
            u = source
            while True:
                if u == sink:
                    pushed = min(capacity[arc] for arc in path)
                    for arc in path:
                        capacity[arc] -= pushed
                        capacity[arc ^ 1] += pushed
                    total += pushed
                    # resume from the tail of the first arc the push saturated
                    cut = next(index for index, arc in enumerate(path) if not capacity[arc])
                    u = head[path[cut] ^ 1]
                    del path[cut:]
                    continue
                arcs = outgoing[u]
                position = pointer[u]
                while position < len(arcs):
                    arc = arcs[position]
                    if capacity[arc] and level[head[arc]] == level[u] + 1:
                        break
                    position += 1
                pointer[u] = position
                if position < len(arcs):
                    path.append(arcs[position])
                    u = head[arcs[position]]
                    continue
                level[u] = -1  # dead end: never enter u again in this phase
                if not path:
                    break
                u = head[path.pop() ^ 1]
                pointer[u] += 1
        return total

    def source_side(self, source: int) -> list[bool]:
        """Vertices reachable from `source` in the residual network: after `max_flow`, a minimum cut's source
        side."""
        reached = [False] * self.n
        reached[source] = True
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for arc in self.outgoing[u]:
                v = self.head[arc]
                if self.capacity[arc] and not reached[v]:
                    reached[v] = True
                    queue.append(v)
        return reached

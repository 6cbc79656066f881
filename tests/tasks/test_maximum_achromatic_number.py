"""MaximumAchromaticNumber: the branch and bound against every partition of the vertices (small graphs)."""

from __future__ import annotations

import functools
import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.maximum_achromatic_number import (
    MaximumAchromaticNumber,
    maximum_complete_colouring,
)

TASK = MaximumAchromaticNumber()


def partitions(n: int):
    """Every set partition of 0..n-1 as a restricted growth string."""

    def grow(prefix: list[int], largest: int):
        if len(prefix) == n:
            yield prefix
            return
        for colour in range(largest + 2):
            yield from grow([*prefix, colour], max(largest, colour))

    yield from grow([], -1)


def brute_force(n: int, edges: list[list[int]]) -> int:
    best = 0
    for colours in partitions(n):
        if any(colours[u] == colours[v] for u, v in edges):
            continue
        used = max(colours) + 1
        meeting = {(min(colours[u], colours[v]), max(colours[u], colours[v])) for u, v in edges}
        if len(meeting) == used * (used - 1) // 2:
            best = max(best, used)
    return best


def is_complete_colouring(n: int, edges: list[list[int]], colours: list[int]) -> bool:
    return TASK.score({"N": n, "edges": edges, "optimum": len(set(colours))}, " ".join(map(str, colours))).reward == 1


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_partition(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["optimum"] == brute_force(p["N"], p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(14)
    for _ in range(40):
        n = rng.randint(2, 7)
        pairs = [[u, v] for u, v in itertools.combinations(range(n), 2)]
        edges = rng.sample(pairs, rng.randint(1, len(pairs)))
        colours = maximum_complete_colouring(n, edges)
        assert is_complete_colouring(n, edges, colours)
        assert len(set(colours)) == brute_force(n, edges)


def test_hand_example_and_invalid_answers() -> None:
    # a path 0-1-2-3: three colours (1 and 2 differ, 0 and 3 share a colour that meets both)
    p = {"N": 4, "edges": [[0, 1], [1, 2], [2, 3]], "optimum": 3}
    assert brute_force(4, p["edges"]) == 3
    assert TASK.score(p, "0 1 2 0").reward == 1.0
    assert TASK.score(p, "0 1 0 1").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(p, "0 1 2 3").reward == rewards.INVALID_SOLUTION  # 0 and 3 never meet
    assert TASK.score(p, "0 0 1 2").reward == rewards.INVALID_SOLUTION  # edge 0-1 monochromatic
    assert TASK.score(p, "0 1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 -1 0").reward == rewards.INVALID_SOLUTION


def vertex_by_vertex_search(n: int, edges: list[list[int]]) -> int:
    """A second exact search: colour vertices in label order (a new colour or a compatible old one), keep a
    colouring that ends complete; pruned only by colours so far + vertices left ≤ best."""
    neighbours = [0] * n
    for u, v in edges:
        neighbours[u] |= 1 << v
        neighbours[v] |= 1 << u
    best = 0
    classes: list[int] = []

    def around(members: int) -> int:
        return functools.reduce(lambda acc, v: acc | neighbours[v], (v for v in range(n) if members >> v & 1), 0)

    def place(vertex: int) -> None:
        nonlocal best
        if len(classes) + n - vertex <= best:
            return
        if vertex == n:
            if all(around(a) & b for a, b in itertools.combinations(classes, 2)):
                best = len(classes)
            return
        classes.append(1 << vertex)
        place(vertex + 1)
        classes.pop()
        for index, members in enumerate(classes):
            if not members & neighbours[vertex]:
                classes[index] |= 1 << vertex
                place(vertex + 1)
                classes[index] = members

    place(0)
    return best


def test_larger_random_graphs_against_a_second_search() -> None:
    rng = random.Random(15)
    for _ in range(6):
        n = rng.randint(9, 10)
        pairs = [[u, v] for u, v in itertools.combinations(range(n), 2)]
        edges = rng.sample(pairs, rng.randint(n, len(pairs) - n))
        assert len(set(maximum_complete_colouring(n, edges))) == vertex_by_vertex_search(n, edges)

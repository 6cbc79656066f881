"""MinimumChromaticNumber: branch and bound against a search over every partition into independent sets."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.optimization.minimum_chromatic_number import MinimumChromaticNumber, optimal_colouring

TASK = MinimumChromaticNumber()


def chromatic_number(n: int, edges: list[list[int]]) -> int:
    """Fewest blocks over all set partitions (restricted growth strings) whose blocks hold no edge."""
    best = n
    labels = [0] * n

    def extend(v: int, blocks: int) -> None:
        nonlocal best
        if blocks >= best:
            return
        if v == n:
            if all(labels[a] != labels[b] for a, b in edges):
                best = blocks
            return
        for label in range(blocks + 1):
            labels[v] = label
            extend(v + 1, max(blocks, label + 1))

    extend(0, 0)
    return max(best, 1)


def is_proper(colours: list[int], edges: list[list[int]]) -> bool:
    return all(colours[u] != colours[v] for u, v in edges)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = chromatic_number(p["N"], p["edges"])
        colouring = TASK.solve(p)
        assert p["optimum"] == best == len(set(colouring)) and is_proper(colouring, p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(3)
    for _ in range(120):
        n = rng.randint(1, 9)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        colouring = optimal_colouring(n, edges)
        assert len(colouring) == n and is_proper(colouring, edges)
        assert len(set(colouring)) == chromatic_number(n, edges)


def test_odd_cycle_needs_three_colours_without_a_triangle() -> None:
    cycle = [[i, (i + 1) % 5] for i in range(5)]
    assert len(set(optimal_colouring(5, cycle))) == 3
    p = {"N": 5, "edges": cycle, "optimum": 3}
    assert TASK.score(p, "0 1 0 1 2").reward == 1.0
    assert TASK.score(p, "0 1 2 3 4").reward == pytest.approx((3 / 5) ** 5)
    for bad in ("0 1 0 1 0", "0 1 0 1", "0 1 0 1 -2", "0 1 0 1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

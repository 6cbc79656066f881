"""MinimumHarmoniousChromaticNumber: branch and bound against every partition of the vertices into colours."""

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.optimization.minimum_harmonious_chromatic_number import (
    MinimumHarmoniousChromaticNumber,
    harmonious_colouring,
    is_harmonious,
)

TASK = MinimumHarmoniousChromaticNumber()


def harmonious_number(n: int, edges: list[list[int]]) -> int:
    """Fewest colours over all restricted-growth strings that are harmonious."""
    best = n
    labels = [0] * n

    def extend(v: int, used: int) -> None:
        nonlocal best
        if used >= best:
            return
        if v == n:
            if is_harmonious(labels, edges):
                best = used
            return
        for colour in range(used + 1):
            labels[v] = colour
            extend(v + 1, max(used, colour + 1))

    extend(0, 0)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["optimum"] == harmonious_number(p["N"], p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(6)
    for _ in range(80):
        n = rng.randint(1, 7)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        colouring = harmonious_colouring(n, edges)
        assert len(colouring) == n and is_harmonious(colouring, edges)
        assert len(set(colouring)) == harmonious_number(n, edges)


def test_path_needs_a_third_colour_and_rewards() -> None:
    path = [[0, 1], [1, 2], [2, 3]]  # 0 1 2 0 repeats no pair; two colours would repeat the pair {0, 1}
    assert len(set(harmonious_colouring(4, path))) == 3
    p = {"N": 4, "edges": path, "optimum": 3}
    assert TASK.score(p, "0 1 2 0").reward == 1.0
    assert TASK.score(p, "0 1 2 3").reward == pytest.approx((3 / 4) ** 5)
    for bad in ("0 1 0 1", "0 0 1 2", "0 1 2", "0 1 2 -1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

"""Minimum_DominatingSet_Grid: the frontier DP against subset enumeration and a general-graph branch and bound."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.minimum_dominating_set import minimum_dominating_set
from rlve_gym.envs.optimization.minimum_dominating_set_grid import (
    UNSUCCESSFUL,
    Minimum_DominatingSet_Grid,
    cheapest_dominating_cells,
    dominated_count,
)

TASK = Minimum_DominatingSet_Grid()


def enumerated_optimum(costs: list[list[int]]) -> int:
    n, m = len(costs), len(costs[0])
    cells = [(r, c) for r in range(n) for c in range(m)]
    return min(
        sum(costs[r][c] for r, c in chosen)
        for size in range(len(cells) + 1)
        for chosen in itertools.combinations(cells, size)
        if dominated_count(n, m, list(chosen)) == n * m
    )


def graph_optimum(costs: list[list[int]]) -> int:
    """The optimum on the grid graph by another helper's exact search (an independent algorithm)."""
    n, m = len(costs), len(costs[0])
    edges = [[r * m + c, r * m + c + 1] for r in range(n) for c in range(m - 1)]
    edges += [[r * m + c, (r + 1) * m + c] for r in range(n - 1) for c in range(m)]
    flat = [cost for row in costs for cost in row]
    return sum(flat[v] for v in minimum_dominating_set(n * m, edges, flat))


def test_generated_instances_match_exact_searches() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            costs = p["F"]
            assert p["optimum"] == graph_optimum(costs)
            if len(costs) * len(costs[0]) <= 12:
                assert p["optimum"] == enumerated_optimum(costs)
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_shapes_including_one_wide_grids() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n, m = rng.randint(1, 6), rng.randint(1, 6)
        costs = [[rng.randint(0, 9) for _ in range(m)] for _ in range(n)]  # free cells too
        chosen = cheapest_dominating_cells(costs)
        assert dominated_count(n, m, chosen) == n * m
        assert sum(costs[r][c] for r, c in chosen) == graph_optimum(costs)


def test_hand_example_and_rewards() -> None:
    costs = [[5, 1, 5], [5, 5, 5]]  # the top middle cell dominates only 4 cells; 1 + 5 is the best
    assert sum(costs[r][c] for r, c in cheapest_dominating_cells(costs)) == 6 == enumerated_optimum(costs)
    p = {"F": costs, "optimum": 6}
    assert TASK.score(p, "1 2\n2 2").reward == 1.0
    assert TASK.score(p, "1 2\n2 1\n2 3").reward == pytest.approx((6 / 11) ** 5)
    assert TASK.score(p, "1 2").reward == UNSUCCESSFUL
    assert TASK.score(p, "1 2\n1 2\n2 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 2\n3 2").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 2 3")

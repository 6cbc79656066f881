"""MinimumIntervalCoverage: the flow formulation against networkx's network simplex and exhaustive search."""

from __future__ import annotations

import itertools
import random

import networkx
import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.minimum_interval_coverage import MinimumIntervalCoverage

TASK = MinimumIntervalCoverage()


def network_simplex_price(parameters: dict) -> int:
    """The same LP as a circulation with node demands, solved by networkx (a different algorithm)."""
    n, intervals, needs = parameters["N"], parameters["intervals"], parameters["needs"]
    padded = [0, *needs, 0]
    graph = networkx.MultiDiGraph()
    for node in range(n + 1):
        graph.add_node(node, demand=padded[node + 1] - padded[node])
    for i in range(n):
        graph.add_edge(i, i + 1, weight=0)
    for left, right, price in intervals:
        graph.add_edge(right, left - 1, weight=price)
    price, _ = networkx.network_simplex(graph)
    return price


def exhaustive_price(parameters: dict) -> int:
    n, intervals, needs = parameters["N"], parameters["intervals"], parameters["needs"]
    top = max(needs, default=0)
    best = None
    for counts in itertools.product(range(top + 1), repeat=len(intervals)):
        ok = all(
            sum(c for c, (a, b, _) in zip(counts, intervals) if a <= point <= b) >= needs[point - 1]
            for point in range(1, n + 1)
        )
        if ok:
            price = sum(c * p for c, (_, _, p) in zip(counts, intervals))
            best = price if best is None else min(best, price)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_network_simplex(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == network_simplex_price(p)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_tiny_instances_match_exhaustive_search() -> None:
    rng = random.Random(9)
    for _ in range(60):
        n = rng.randint(1, 4)
        intervals = []
        for _ in range(rng.randint(1, 4)):
            a, b = sorted((rng.randint(1, n), rng.randint(1, n)))
            intervals.append([a, b, rng.randint(1, 3 * (b - a + 1))])
        covered = {x for a, b, _ in intervals for x in range(a, b + 1)}
        p = {
            "N": n,
            "intervals": intervals,
            "needs": [rng.randint(0, 2) if x in covered else 0 for x in range(1, n + 1)],
        }
        counts = TASK.solve(p)
        assert sum(c * price for c, (_, _, price) in zip(counts, intervals)) == exhaustive_price(p), p


def test_hand_example_and_invalid_answers() -> None:
    # points 1..3 need 1, 2, 1: the long interval twice (8) loses to long + middle (4 + 1)
    p = {"N": 3, "intervals": [[1, 3, 4], [2, 2, 1], [1, 1, 2]], "needs": [1, 2, 1], "best": 5}
    assert TASK.solve(p) == [1, 1, 0]
    assert TASK.score(p, "1 1 0").reward == 1.0
    assert TASK.score(p, "2 0 0").reward == pytest.approx((5 / 8) ** 5)
    for bad in ("1 0 0", "0 2 1", "-1 3 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 1")
    nothing_needed = {"N": 2, "intervals": [[1, 2, 3]], "needs": [0, 0], "best": 0}
    assert TASK.score(nothing_needed, "0").reward == 1.0
    assert TASK.score(nothing_needed, "1").reward == 0.0

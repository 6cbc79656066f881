"""SLOElephants: the cycle formula against Dijkstra over all orders; the planted swaps reach it."""

from __future__ import annotations

import heapq
import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.slo_elephants import SLOElephants, apply_swaps, minimum_swap_cost

TASK = SLOElephants()


def brute_force_cost(order: list[int], target: list[int], cost: list[int]) -> int:
    """Cheapest path from `order` to `target` in the graph of all orders, one edge per swap of two labels."""
    start, goal = tuple(order), tuple(target)
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        spent, state = heapq.heappop(heap)
        if state == goal:
            return spent
        if spent > best[state]:
            continue
        for i, j in itertools.combinations(range(len(order)), 2):
            following = tuple(apply_swaps(list(state), [(i, j)]))
            price = spent + cost[i] + cost[j]
            if price < best.get(following, price + 1):
                best[following] = price
                heapq.heappush(heap, (price, following))
    raise AssertionError("target unreachable")


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_formula_and_reference_match_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = brute_force_cost(p["A"], p["B"], p["C"])
        assert minimum_swap_cost(p["A"], p["B"], p["C"]) == best
        swaps = TASK.solve(p)
        assert apply_swaps(p["A"], swaps) == p["B"]
        assert sum(p["C"][i] + p["C"][j] for i, j in swaps) == best
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_borrowing_the_lightest_item_pays_off() -> None:
    # cycle 1 → 2 → 3 → 4 of heavy items and a light item 0 already in place: lending 0 is cheaper
    p = {"N": 5, "A": [0, 2, 3, 4, 1], "B": [0, 1, 2, 3, 4], "C": [1, 10, 10, 10, 10]}
    assert minimum_swap_cost(p["A"], p["B"], p["C"]) == brute_force_cost(p["A"], p["B"], p["C"]) == 40 + 10 + 5
    assert TASK.score(p, "\n".join(f"{i} {j}" for i, j in TASK.solve(p))).reward == 1.0


def test_scoring_branches() -> None:
    p = {"N": 3, "A": [1, 0, 2], "B": [0, 1, 2], "C": [1, 2, 3]}
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "0 2\n1 2\n0 2").reward == pytest.approx((3 / 13) ** 5)  # reaches B at cost 13
    assert TASK.score(p, "0 2").reward == -0.2
    assert TASK.score(p, "0 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 3").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 2")

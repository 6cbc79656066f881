"""CampfireParty: the reference cost against Dijkstra over every seating reachable by any operations."""

from __future__ import annotations

import heapq
import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.campfire_party import UNSUCCESSFUL, CampfireParty, seats_wished

TASK = CampfireParty()


def least_cost(neighbours: list[list[int]]) -> int:
    n = len(neighbours)
    operations = [op for m in range(2, n + 1) for op in itertools.permutations(range(n), m) if op[0] == min(op)]
    start = tuple(range(n))  # seat of each student
    best = {start: 0}
    heap = [(0, start)]
    while heap:
        cost, seats = heapq.heappop(heap)
        if cost > best[seats]:
            continue
        if seats_wished(neighbours, list(seats)):
            return cost
        for op in operations:
            moved = list(seats)
            old = [seats[s] for s in op]
            for student, seat in zip(op, old[1:] + old[:1]):
                moved[student] = seat
            key, new_cost = tuple(moved), cost + len(op)
            if new_cost < best.get(key, 10**9):
                best[key] = new_cost
                heapq.heappush(heap, (new_cost, key))
    raise AssertionError("unreachable")


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_cost_is_least(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        cost = sum(len(line.split()) for line in problem.reference_answer.split("\n"))
        assert cost == least_cost(p["neighbours"]) > 0
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_hand_example_and_scoring() -> None:
    # wished circle 0 1 3 2: swapping students 2 and 3 is enough (so is swapping 0 and 1)
    p = {"neighbours": [[1, 2], [0, 3], [0, 3], [1, 2]]}
    assert sum(map(len, TASK.solve(p))) == 2
    assert TASK.score(p, "2 3").reward == 1.0
    assert TASK.score(p, "3 2").reward == 1.0
    assert TASK.score(p, "0 1\n1 0\n2 3").reward == pytest.approx((2 / 6) ** 3)
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "0 2").reward == UNSUCCESSFUL
    assert TASK.score(p, "2 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "2 4").reward == rewards.INVALID_SOLUTION

"""GasFireExtinguishers: the bottom-up greedy against the least feasible extinguisher count (bipartite matching)."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.common.graphs import bfs_distances
from rlve_gym.envs.optimization.gas_fire_extinguishers import (
    GasFireExtinguishers,
    extinguisher_count,
    serve_greedily,
)

TASK = GasFireExtinguishers()


def fewest_extinguishers(n: int, edges: list[list[int]], reach: int, capacity: int) -> int:
    """Try every placement of T extinguishers, T = 1, 2, ...; a placement works iff every vertex can be matched to
    one of the capacity·T slots within distance `reach` (Kuhn's augmenting paths)."""
    distance = [bfs_distances(n, edges, source, directed=False) for source in range(n)]
    for total in range(1, n + 1):
        for placement in itertools.combinations_with_replacement(range(n), total):
            slots = [v for v in placement for _ in range(capacity)]
            owner = [-1] * len(slots)

            def augment(room: int, seen: list[bool], slots=slots, owner=owner) -> bool:
                for k, place in enumerate(slots):
                    if distance[room][place] <= reach and not seen[k]:
                        seen[k] = True
                        if owner[k] < 0 or augment(owner[k], seen):
                            owner[k] = room
                            return True
                return False

            if all(augment(room, [False] * len(slots)) for room in range(n)):
                return total
    raise AssertionError("n extinguishers always suffice")


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == fewest_extinguishers(p["N"], p["edges"], p["K"], p["S"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_greedy_on_random_trees_with_any_reach_and_capacity() -> None:
    rng = random.Random(5)
    for _ in range(120):
        n = rng.randint(2, 7)
        order = rng.sample(range(n), n)
        edges = [[order[i], order[rng.randrange(i)]] for i in range(1, n)]
        reach, capacity = rng.randint(1, 4), rng.randint(1, 4)
        assignment = serve_greedily(n, edges, reach, capacity)
        for vertex, target in enumerate(assignment):
            assert bfs_distances(n, edges, vertex, directed=False)[target] <= reach
        assert extinguisher_count(assignment, capacity, n) == fewest_extinguishers(n, edges, reach, capacity)


def test_hand_example_and_invalid_answers() -> None:
    # a path 0-1-2-3-4, reach 1, capacity 3: two extinguishers (at 1 and 3) are needed and suffice
    parameters = {"N": 5, "edges": [[0, 1], [1, 2], [2, 3], [3, 4]], "K": 1, "S": 3, "best": 2}
    assert TASK.score(parameters, "1 1 1 3 3").reward == 1.0
    assert TASK.score(parameters, "0 1 2 3 4").reward == pytest.approx((2 / 5) ** 3)
    assert TASK.score(parameters, "2 1 1 3 3").reward == -0.5  # vertex 0 is 2 edges from vertex 2
    assert TASK.score(parameters, "1 1 1 3").reward == -0.5
    assert TASK.score(parameters, "1 1 1 3 9").reward == -0.5

"""BAJBytecomputer: the left-to-right DP against breadth-first search over all reachable arrays."""

from __future__ import annotations

import itertools
from collections import deque

import pytest

from rlve_gym.envs.algorithmic.baj_bytecomputer import BAJBytecomputer

TASK = BAJBytecomputer()


def fewest_operations(values: list[int], bound: int = 3) -> int | None:
    """BFS over arrays whose entries stay within [-bound, bound] (a wider box than the DP allows itself)."""
    start = tuple(values)
    distance = {start: 0}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if all(a <= b for a, b in itertools.pairwise(state)):
            return distance[state]
        for i in range(len(state) - 1):
            changed = state[i + 1] + state[i]
            if abs(changed) <= bound and state[i] != 0:
                successor = (*state[: i + 1], changed, *state[i + 2 :])
                if successor not in distance:
                    distance[successor] = distance[state] + 1
                    queue.append(successor)
    return None


@pytest.mark.parametrize("length", [2, 3, 4])
def test_solver_matches_bfs_on_every_small_array(length: int) -> None:
    for values in itertools.product((-1, 0, 1), repeat=length):
        assert TASK.solve({"X": list(values)}) == fewest_operations(list(values)), values


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_bfs(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        expected = fewest_operations(problem.parameters["X"])
        assert expected is not None
        assert problem.reference_answer == str(expected)
        assert TASK.score(problem.parameters, str(expected)).accuracy == 1


def test_hand_examples() -> None:
    assert TASK.solve({"X": [1, -1]}) == 2  # -1 → 0 → 1
    assert TASK.solve({"X": [0, -1]}) is None
    assert TASK.solve({"X": [-1, 1, 0]}) == 1  # X[3] += X[2]
    assert TASK.solve({"X": [1, -1, -1]}) == 4
    assert TASK.score({"X": [1, -1]}, "3").reward == 0.0

"""InversionPair: the inversion count against breadth-first search over both arrays' arrangements."""

from __future__ import annotations

import random
from collections import deque

import pytest

from rlve_gym.envs.algorithmic.inversion_pair import InversionPair, count_inversions

TASK = InversionPair()


def fewest_moves_by_bfs(first: list[int], second: list[int]) -> int:
    def cost(state: tuple[tuple[int, ...], tuple[int, ...]]) -> int:
        return sum((a - b) ** 2 for a, b in zip(*state))

    start = (tuple(first), tuple(second))
    distance = {start: 0}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for which in (0, 1):
            for i in range(len(first) - 1):
                row = list(state[which])
                row[i], row[i + 1] = row[i + 1], row[i]
                nxt = (tuple(row), state[1]) if which == 0 else (state[0], tuple(row))
                if nxt not in distance:
                    distance[nxt] = distance[state] + 1
                    queue.append(nxt)
    best = min(cost(state) for state in distance)
    return min(moves for state, moves in distance.items() if cost(state) == best)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_bfs(difficulty: int) -> None:
    for seed in range(4 if difficulty == 2 else 8):
        problem = TASK.generate(seed, difficulty)
        expected = fewest_moves_by_bfs(problem.parameters["A"], problem.parameters["B"])
        assert problem.reference_answer == str(expected)


def test_merge_sort_inversions_against_pairs() -> None:
    rng = random.Random(0)
    for _ in range(200):
        values = [rng.randint(0, 20) for _ in range(rng.randint(0, 12))]
        pairs = sum(values[i] > values[j] for i in range(len(values)) for j in range(i + 1, len(values)))
        assert count_inversions(values) == pairs


def test_hand_example_and_rewards() -> None:
    parameters = {"A": [1, 3, 2], "B": [10, 20, 30]}  # one swap in A pairs ranks
    assert TASK.solve(parameters) == 1
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-1").reward == -1.0
    assert TASK.solve({"A": [5, 1, 4], "B": [9, 2, 7]}) == 0  # already rank-aligned

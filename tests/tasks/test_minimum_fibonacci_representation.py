"""MinimumFibonacciRepresentation: the two-branch recursion against breadth-first search over signed sums."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.minimum_fibonacci_representation import MinimumFibonacciRepresentation, fibonacci_up_to

TASK = MinimumFibonacciRepresentation()
LIMIT = 1000


@pytest.fixture(scope="module")
def fewest_terms() -> dict[int, int]:
    """BFS from 0 with steps ±F over a window wide enough that no shortest path leaves it."""
    window = 4 * LIMIT
    steps = fibonacci_up_to(2 * window)
    distance = {0: 0}
    queue = deque([0])
    while queue:
        value = queue.popleft()
        for step in steps:
            for nxt in (value + step, value - step):
                if -window <= nxt <= window and nxt not in distance:
                    distance[nxt] = distance[value] + 1
                    queue.append(nxt)
    return distance


def test_every_k_up_to_limit(fewest_terms: dict[int, int]) -> None:
    for k in range(1, LIMIT + 1):
        assert TASK.solve({"K": k}) == fewest_terms[k], k


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_match_bfs(difficulty: int, fewest_terms: dict[int, int]) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(fewest_terms[problem.parameters["K"]])


def test_prompt_examples_and_rewards() -> None:
    assert [TASK.solve({"K": k}) for k in (10, 19, 17, 1070)] == [2, 2, 3, 4]
    assert TASK.score({"K": 17}, "3").reward == 1.0
    assert TASK.score({"K": 17}, "2").reward == 0.0
    with pytest.raises(AnswerFormatError):
        TASK.score({"K": 17}, "three")

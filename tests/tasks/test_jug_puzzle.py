"""JugPuzzle: the planted target is reachable (breadth-first search) and non-trivial; the verifier simulates."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.jug_puzzle import JugPuzzle, apply_action

TASK = JugPuzzle()


def brute_shortest(capacities: list[int], target: int, limit: int = 200_000) -> int | None:
    """Fewest actions after which some jug holds `target` (breadth-first over volume vectors)."""
    n = len(capacities)
    start = (0,) * n
    distance = {start: 0}
    queue = deque([start])
    while queue and len(distance) < limit:
        state = queue.popleft()
        if target in state:
            return distance[state]
        actions = [("Fill", i, -1) for i in range(n)] + [("Empty", i, -1) for i in range(n)]
        actions += [("Pour", i, j) for i in range(n) for j in range(n) if i != j]
        for action in actions:
            volumes = list(state)
            apply_action(volumes, capacities, action)
            following = tuple(volumes)
            if following not in distance:
                distance[following] = distance[state] + 1
                queue.append(following)
    return None


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_target_reachable_and_reference_reaches_it(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        capacities, target = problem.parameters["capacities"], problem.parameters["target"]
        shortest = brute_shortest(capacities, target)
        assert shortest is not None and shortest <= len(problem.reference_answer.split("\n"))
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1
        differences = {a - b for a in capacities for b in capacities if a != b}
        if problem.reference_answer.count("\n"):  # a walk was planted, not the single-fill fallback
            assert target not in capacities and target not in differences


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"capacities": [3, 5], "target": 4}
    solution = "Fill 1\nPour 1 0\nEmpty 0\nPour 1 0\nFill 1\nPour 1 0"
    assert TASK.score(parameters, solution).reward == 1.0
    assert TASK.score(parameters, solution.lower()).reward == 1.0
    assert TASK.score(parameters, solution + "\nEmpty 1").reward == 0.0  # judged after the last action
    assert TASK.score(parameters, "Fill 2").reward == -0.5
    assert TASK.score(parameters, "Fill 0\nPour 0 0").reward == -0.5
    for malformed in ("Fill", "Pour 1", "Fill 1 2", "Shake 1", "Fill x", "Fill 0\n" * 10_001):
        with pytest.raises(AnswerFormatError):
            TASK.score(parameters, malformed)

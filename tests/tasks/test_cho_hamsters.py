"""ChoHamsters: the min-plus walk against a breadth-first search over (matching state, occurrences so far)."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.envs.algorithmic.cho_hamsters import ChoHamsters, shortest_length

TASK = ChoHamsters()


def bfs_shortest(names: list[str], occurrences: int) -> int:
    """Shortest text over {a, b} with enough occurrences: the state is the longest suffix that is a prefix of a
    name (which decides every future occurrence) and the occurrences found so far, capped."""
    prefixes = {name[:k] for name in names for k in range(len(name) + 1)}

    def step(state: str, char: str) -> tuple[str, int]:
        text = state + char
        found = sum(text.endswith(name) for name in names)
        while text not in prefixes:
            text = text[1:]
        return text, found

    start = ("", 0)
    distance = {start: 0}
    queue = deque([start])
    while queue:
        state, count = queue.popleft()
        if count >= occurrences:
            return distance[state, count]
        for char in "ab":
            following, found = step(state, char)
            key = (following, min(occurrences, count + found))
            if key not in distance:
                distance[key] = distance[state, count] + 1
                queue.append(key)
    raise AssertionError("unreachable")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_answer_matches_bfs(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        names = p["S"]
        assert not any(i != j and x in y for i, x in enumerate(names) for j, y in enumerate(names))
        assert int(problem.reference_answer) == bfs_shortest(names, p["M"])


def test_hand_examples_and_scoring() -> None:
    assert shortest_length(("aba",), 3) == 7  # abababa
    assert shortest_length(("ab", "ba"), 4) == 5  # ababa
    assert shortest_length(("aab", "bb"), 1) == 2
    p = {"S": ["aba"], "M": 3}
    assert TASK.score(p, "7").reward == 1.0
    assert TASK.score(p, "9").reward == 0.0

"""BinaryAlternation: the fewest swaps agree with a breadth-first search over strings."""

from __future__ import annotations

from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.binary_alternation import BinaryAlternation, is_alternating

TASK = BinaryAlternation()


def bfs_fewest_swaps(text: str) -> int:
    seen, queue = {text: 0}, deque([text])
    while queue:
        current = queue.popleft()
        if is_alternating(current):
            return seen[current]
        for i in range(len(current)):
            for j in range(i + 1, len(current)):
                if current[i] != current[j]:
                    chars = list(current)
                    chars[i], chars[j] = chars[j], chars[i]
                    nxt = "".join(chars)
                    if nxt not in seen:
                        seen[nxt] = seen[current] + 1
                        queue.append(nxt)
    raise AssertionError("unreachable")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_is_a_shortest_valid_sequence(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        text = problem.parameters["string"]
        assert not is_alternating(text)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0
        assert len(problem.reference_answer.split("\n")) == bfs_fewest_swaps(text)


def test_hand_example_and_scoring() -> None:
    p = {"string": "0011"}  # one swap suffices: indices 1 and 2 give 0101
    assert TASK.score(p, "1 2").reward == 1.0
    assert TASK.score(p, "0 3").reward == 1.0  # 1010
    assert TASK.score(p, "0 1\n1 2").reward == pytest.approx(0.5**5)  # 0011 → 0011 → 0101
    assert TASK.score(p, "0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 4").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 2 3")

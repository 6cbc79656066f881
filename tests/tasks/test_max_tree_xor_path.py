"""MaxTreeXorPath: root XORs against walking every path explicitly."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.max_tree_xor_path import MaxTreeXorPath

TASK = MaxTreeXorPath()


def path_xor(n: int, edges: list[list[int]], source: int, target: int) -> int:
    """XOR along the unique path, found by a depth-first search that records the XOR so far."""
    neighbours: dict[int, list[tuple[int, int]]] = {v: [] for v in range(n)}
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    stack = [(source, -1, 0)]
    while stack:
        u, parent, value = stack.pop()
        if u == target:
            return value
        stack.extend((v, u, value ^ w) for v, w in neighbours[u] if v != parent)
    raise AssertionError("disconnected")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_against_every_path(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        best = max(path_xor(n, edges, u, v) for u in range(n) for v in range(n))
        u, v = map(int, problem.reference_answer.split())
        assert path_xor(n, edges, u, v) == best


def test_hand_example_and_bad_answers() -> None:
    p = {"N": 4, "edges": [[0, 1, 5], [1, 2, 3], [1, 3, 6]]}
    # path XORs: 0-1 5, 0-2 6, 0-3 3, 1-2 3, 1-3 6, 2-3 5
    assert TASK.score(p, "0 2").reward == 1.0
    assert TASK.score(p, "3 1").reward == 1.0
    assert TASK.score(p, "2 3").reward == pytest.approx((5 / 6) ** 5)
    assert TASK.score(p, "2 2").reward == 0.0
    for bad in ("0", "0 1 2", "0 4", "-1 2"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

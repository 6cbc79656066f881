"""CheckAllCycleXorZero: the potential check against the XOR of every simple cycle."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.check_all_cycle_xor_zero import CheckAllCycleXorZero, all_cycles_xor_zero

TASK = CheckAllCycleXorZero()


def every_simple_cycle_xor_zero(n: int, edges: list[list[int]]) -> bool:
    """Depth-first enumeration of simple cycles from their smallest vertex (closed walks are sums of these)."""
    weight = {}
    for u, v, w in edges:
        weight[u, v] = weight[v, u] = w
    neighbours = {u: [v for (a, v) in weight if a == u] for u in range(1, n + 1)}

    def extend(start: int, path: list[int], xor: int) -> bool:
        last = path[-1]
        for v in neighbours[last]:
            if v == start and len(path) >= 3 and xor ^ weight[last, v]:
                return False
            if v > start and v not in path and not extend(start, [*path, v], xor ^ weight[last, v]):
                return False
        return True

    return all(extend(start, [start], 0) for start in range(1, n + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_answer_matches_cycle_enumeration(difficulty: int) -> None:
    answers = set()
    for seed in range(12):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = "YES" if every_simple_cycle_xor_zero(p["N"], p["edges"]) else "NO"
        assert problem.reference_answer == expected
        answers.add(expected)
    assert answers == {"YES", "NO"}


def test_hand_example_and_scoring() -> None:
    triangle = [[1, 2, 3], [2, 3, 5], [1, 3, 6]]  # 3 ^ 5 = 6
    assert all_cycles_xor_zero(3, triangle)
    assert not all_cycles_xor_zero(3, [[1, 2, 3], [2, 3, 5], [1, 3, 7]])
    p = {"N": 3, "edges": triangle}
    assert TASK.score(p, "YES").reward == 1.0
    assert TASK.score(p, "yes").reward == 1.0
    assert TASK.score(p, "NO").reward == 0.0
    assert TASK.score(p, "MAYBE").reward == rewards.INVALID_SOLUTION

"""BitAndZero_PathCounting: the bit-column DP against a DP over every vertex between S and T."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bitand_zero_path_counting import BitAndZero_PathCounting, count_paths

TASK = BitAndZero_PathCounting()


def brute_force(source: int, target: int) -> int:
    """Paths with at least one edge, by summing over predecessors u in [source, v) with u & v = 0."""
    paths = {source: 1}
    for v in range(source + 1, target + 1):
        paths[v] = sum(paths[u] for u in range(source, v) if u & v == 0)
    return paths[target] if target > source else 0


def test_matches_vertex_dp_for_all_small_pairs() -> None:
    for source in range(1, 33):
        for target in range(source + 1, 100):
            assert count_paths(bin(source)[2:], bin(target)[2:], 10**12) == brute_force(source, target)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_answer_matches_vertex_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        source, target = (int(problem.parameters[key], 2) for key in ("S", "T"))
        assert source <= target
        expected = brute_force(source, target) % 10_000
        assert expected not in (0, 1)
        assert int(problem.reference_answer) == expected


def test_fallback_instance_is_non_trivial() -> None:
    for length in range(3, 12):
        assert count_paths("1", "1" + "0" * (length - 1)) not in (0, 1)


def test_scoring() -> None:
    p = {"S": "1", "T": "100"}  # 1 → 4 and 1 → 2 → 4
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
    assert TASK.score(p, "10000").reward == rewards.INVALID_SOLUTION

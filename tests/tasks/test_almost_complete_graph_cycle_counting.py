"""AlmostCompleteGraphCycleCounting: the O(N) recurrence against enumerated cycles."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.almost_complete_graph_cycle_counting import (
    AlmostCompleteGraphCycleCounting,
    almost_complete_cycle_count,
)

TASK = AlmostCompleteGraphCycleCounting()


def brute_force(n: int) -> int:
    """Cycles as vertex sequences starting at their smallest vertex, one direction each."""
    count = 0
    for size in range(3, n + 1):
        for cycle in itertools.permutations(range(1, n + 1), size):
            if cycle[0] != min(cycle) or cycle[1] > cycle[-1]:
                continue
            pairs = [{cycle[i], cycle[(i + 1) % size]} for i in range(size)]
            count += {1, n} not in pairs
    return count


@pytest.mark.parametrize("n", range(3, 9))
def test_recurrence_matches_enumeration(n: int) -> None:
    exact = brute_force(n)
    for modulus in (3, 7, 999_999, 10**9 + 1):
        assert almost_complete_cycle_count(n, modulus) == exact % modulus


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_answer_is_the_enumerated_count(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["MOD"] % 2 == 1
        assert int(problem.reference_answer) == brute_force(p["N"]) % p["MOD"]


def test_scoring() -> None:
    p = {"N": 4, "MOD": 7}  # K4 has 7 cycles, 4 of which use the edge {1, 4}
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "4").reward == 0.0
    assert TASK.score(p, "7").reward == rewards.INVALID_SOLUTION

"""NumberPartitionCounting: the conjugate coin-change count against listing the partitions."""

from __future__ import annotations

import pytest

from rlve_gym.envs.counting.number_partition_counting import NumberPartitionCounting

TASK = NumberPartitionCounting()


def partitions(total: int, parts: int, largest: int) -> int:
    """Non-increasing sequences of `parts` positive integers ≤ largest summing to total, listed recursively."""
    if parts == 0:
        return int(total == 0)
    return sum(partitions(total - first, parts - 1, first) for first in range(1, min(largest, total) + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        n, k = problem.parameters["N"], problem.parameters["K"]
        assert problem.reference_answer == str(partitions(n, k, n))


def test_every_small_pair() -> None:
    for n in range(1, 21):
        for k in range(1, n + 1):
            assert TASK.solve({"N": n, "K": k}) == partitions(n, k, n), (n, k)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 7, "K": 3}  # 5+1+1 4+2+1 3+3+1 3+2+2
    assert TASK.solve(parameters) == 4
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == -1.0

"""HeapCounting: the hook-length formula against listing permutations and a subset DP over heap orders."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.heap_counting import HeapCounting

TASK = HeapCounting()


def heaps_by_listing(n: int) -> int:
    return sum(all(p[i - 1] > p[i // 2 - 1] for i in range(2, n + 1)) for p in itertools.permutations(range(1, n + 1)))


def heaps_by_subset_dp(n: int) -> int:
    """Assign values 1, 2, … in increasing order; a node may take the next value once its parent has one."""
    ways = [0] * (1 << n)
    ways[0] = 1
    for filled in range(1 << n):
        if ways[filled]:
            for node in range(1, n + 1):
                bit = 1 << (node - 1)
                if not filled & bit and (node == 1 or filled >> (node // 2 - 1) & 1):
                    ways[filled | bit] += ways[filled]
    return ways[-1]


def test_listing_and_subset_dp_agree_with_formula() -> None:
    for n in range(1, 9):
        exact = heaps_by_listing(n)
        assert heaps_by_subset_dp(n) == exact
        assert TASK.solve({"N": n, "P": 1_000_000_007}) == exact, n


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_subset_dp(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        n, prime = problem.parameters["N"], problem.parameters["P"]
        assert problem.reference_answer == str(heaps_by_subset_dp(n) % prime)


def test_hand_example_and_rewards() -> None:
    assert TASK.solve({"N": 5, "P": 1_000_003}) == 8  # 5! / (5·3·1·1·1)
    parameters = {"N": 5, "P": 7}
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "8").reward == -0.5
    assert TASK.score(parameters, "2").reward == 0.0

"""SameAdjacencyCounting: the complement formula against listing sequences and a last-value DP."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.same_adjacency_counting import SameAdjacencyCounting

TASK = SameAdjacencyCounting()


def count_by_listing(length: int, values: int) -> int:
    return sum(any(a == b for a, b in itertools.pairwise(s)) for s in itertools.product(range(values), repeat=length))


def count_by_dp(length: int, values: int) -> int:
    """State: (last value, whether an equal pair was seen)."""
    seen, unseen = [0] * values, [1] * values
    for _ in range(length - 1):
        total_seen, total_unseen = sum(seen), sum(unseen)
        seen = [total_seen + unseen[v] for v in range(values)]
        unseen = [total_unseen - unseen[v] for v in range(values)]
    return sum(seen)


def test_listing_small() -> None:
    for length in range(2, 7):
        for values in range(2, 5):
            assert count_by_dp(length, values) == count_by_listing(length, values)
            assert TASK.solve({"N": length, "M": values, "MOD": 10**30}) == count_by_listing(length, values)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_dp(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        length, values, modulus = (problem.parameters[key] for key in ("N", "M", "MOD"))
        assert values <= modulus <= 2 * values
        assert problem.reference_answer == str(count_by_dp(length, values) % modulus)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 3, "M": 2, "MOD": 4}  # 8 − 2 alternating = 6
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "6").reward == -0.5
    assert TASK.score(parameters, "1").reward == 0.0

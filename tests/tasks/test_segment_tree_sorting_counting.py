"""SegmentTreeSortingCounting: the level-by-level search against trying every operation sequence."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.segment_tree_sorting_counting import (
    SegmentTreeSortingCounting,
    count_sorting_sequences,
    swap_blocks,
)

TASK = SegmentTreeSortingCounting()


def brute_force(values: list[int], levels: int) -> int:
    """Every ordered choice of distinct types, each with every pair of blocks, simulated in order."""
    goal = sorted(values)
    total = 0

    def extend(current: list[int], remaining: frozenset[int]) -> None:
        nonlocal total
        total += current == goal
        for kind in remaining:
            size = 1 << (kind - 1)
            for first, second in itertools.combinations(range(len(current) // size), 2):
                extend(swap_blocks(current, first, second, size), remaining - {kind})

    extend(values, frozenset(range(1, levels + 1)))
    return total


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_matches_every_sequence(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["A"], p["N"]))


def test_other_permutations_of_eight() -> None:
    rng = random.Random(0)
    for _ in range(40):
        values = rng.sample(range(1, 9), 8)
        assert count_sorting_sequences(values, 3) == brute_force(values, 3)
    for values in ([1, 2, 3, 4, 5, 6, 7, 8], [5, 6, 7, 8, 1, 2, 3, 4], [2, 1, 3, 4, 5, 6, 8, 7]):
        assert count_sorting_sequences(values, 3) == brute_force(values, 3)


def test_hand_examples_and_scoring() -> None:
    # [2, 1, 3, 4]: only type 1 exchanging blocks 1 and 2
    assert TASK.solve({"N": 2, "A": [2, 1, 3, 4]}) == 1
    # the sorted array: only the empty sequence
    assert TASK.solve({"N": 2, "A": [1, 2, 3, 4]}) == 1
    # [4, 3, 1, 2]: type 1 on blocks (1, 2) then type 2, or type 2 then type 1 on blocks (3, 4)
    assert TASK.solve({"N": 2, "A": [4, 3, 1, 2]}) == 2
    p = {"N": 2, "A": [2, 1, 3, 4]}
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-1").reward == -1.0

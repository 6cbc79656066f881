"""EmperorWorries: the closed form against an exact search over medal sets (small rings) and against the
interval check of the contest solution (generated instances)."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.math.emperor_worries import EmperorWorries

TASK = EmperorWorries()


def feasible_by_sets(needs: list[int], types: int) -> bool:
    """Give general 0 the types {0, …, a_0 − 1} (by symmetry) and walk the ring over actual type sets."""
    if max(needs) > types:
        return False
    first = (1 << needs[0]) - 1
    options = [[sum(1 << t for t in chosen) for chosen in itertools.combinations(range(types), need)] for need in needs]
    current = {first}
    for i in range(1, len(needs)):
        current = {s for s in options[i] for previous in current if not s & previous}
        if not current:
            return False
    return any(not s & first for s in current)


def fewest_by_sets(needs: list[int]) -> int:
    types = 1
    while not feasible_by_sets(needs, types):
        types += 1
    return types


def fewest_by_intervals(needs: list[int]) -> int:
    """The contest check: neighbours must fit together, and with general 0's types as a block, track the least
    and most types of that block each general can take; the ring closes when the last one can take none."""

    def feasible(types: int) -> bool:
        low = high = needs[0]
        for i in range(1, len(needs)):
            if needs[i] + needs[i - 1] > types:
                return False
            others = types - needs[0]
            new_high = min(needs[i], needs[0] - low)
            new_low = max(0, needs[i] - (others - (needs[i - 1] - high)))
            if new_low > new_high:
                return False
            low, high = new_low, new_high
        return low == 0

    types = max(needs)
    while not feasible(types):
        types += 1
    return types


def test_random_small_rings_match_set_search() -> None:
    rng = random.Random(5)
    for _ in range(60):
        needs = [rng.randint(1, 3) for _ in range(rng.randint(2, 7))]
        assert TASK.solve({"A": needs}) == fewest_by_sets(needs), needs


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_interval_check(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        needs = problem.parameters["A"]
        assert problem.reference_answer == str(fewest_by_intervals(needs))
        if sum(needs) <= 14 and len(needs) <= 5:
            assert problem.reference_answer == str(fewest_by_sets(needs))


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"A": [1, 1, 1]}) == 3  # a triangle
    assert TASK.solve({"A": [2, 2, 2, 2, 2]}) == 5  # ⌈10 / 2⌉
    assert TASK.solve({"A": [1, 5, 1, 1]}) == 6
    assert TASK.score({"A": [1, 1, 1]}, "3").reward == 1.0
    assert TASK.score({"A": [1, 1, 1]}, "2").reward == 0.0

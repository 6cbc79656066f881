"""LandAcquisition: the staircase dynamic programme against every set partition at small N."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.optimization import land_acquisition
from rlve_gym.envs.optimization.land_acquisition import LandAcquisition, _simple_cost, optimal_groups

TASK = LandAcquisition()


def set_partitions(items: list[int]):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        yield [[first], *partition]
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1 :]]


def cost(widths: list[int], lengths: list[int], groups: list[list[int]]) -> int:
    return sum(max(widths[i] for i in g) * max(lengths[i] for i in g) for g in groups)


def brute_best(widths: list[int], lengths: list[int]) -> int:
    return min(cost(widths, lengths, p) for p in set_partitions(list(range(len(widths)))))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        widths, lengths = problem.parameters["W"], problem.parameters["L"]
        best = brute_best(widths, lengths)
        groups = [[int(x) - 1 for x in line.split()] for line in problem.reference_answer.split("\n")]
        assert sorted(i for g in groups for i in g) == list(range(len(widths)))
        assert cost(widths, lengths, groups) == best == optimal_groups(widths, lengths)[0]
        assert best < _simple_cost(widths, lengths)  # RLVE-Gym's acceptance condition


def test_random_instances_with_ties() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n = rng.randint(1, 7)
        widths, lengths = [rng.randint(1, 6) for _ in range(n)], [rng.randint(1, 6) for _ in range(n)]
        best, groups = optimal_groups(widths, lengths)
        assert best == brute_best(widths, lengths) == cost(widths, lengths, groups)
        assert sorted(i for g in groups for i in g) == list(range(n))


def test_planted_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(land_acquisition, "_DRAWS", 0)
    for difficulty in (0, 2, 5):
        problem = TASK.generate(0, difficulty)
        widths, lengths = problem.parameters["W"], problem.parameters["L"]
        n = len(widths)
        assert optimal_groups(widths, lengths)[0] == 3 * n * n < _simple_cost(widths, lengths)
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"W": [1, 4, 4, 2], "L": [5, 1, 1, 3]}
    # staircase (1,5), (2,3), (4,1): best is 1·5 + 4·3 = 17 (items 2 and 3 together) vs 2·5 + 4·1 = 14
    assert optimal_groups(parameters["W"], parameters["L"])[0] == 14
    assert TASK.score(parameters, "1 4\n2 3").reward == 1.0
    assert TASK.score(parameters, "1\n4\n2 3").reward == pytest.approx((14 / 15) ** 5)
    assert TASK.score(parameters, "1 4\n2").reward == -0.5
    assert TASK.score(parameters, "1 4\n2 3 3").reward == -0.5
    assert TASK.score(parameters, "1 4 5\n2 3").reward == -0.5

"""MakingGrade: the dynamic programme against enumeration of every monotone integer sequence at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.making_grade import MakingGrade, closest_monotone, is_monotone

TASK = MakingGrade()


def brute_best(values: list[int]) -> int:
    """Enumerate every non-decreasing sequence over all integers in [min, max] (and its reverse)."""
    levels = range(min(values), max(values) + 1)
    best = None
    for b in itertools.combinations_with_replacement(levels, len(values)):
        for candidate in (b, b[::-1]):
            cost = sum(abs(a - x) for a, x in zip(values, candidate))
            best = cost if best is None else min(best, cost)
    return best


def dp_all_integers(values: list[int]) -> int:
    """Independent check at larger sizes: the same recurrence over every integer level, not only A's values."""
    levels = range(min(values), max(values) + 1)

    def non_decreasing(seq: list[int]) -> int:
        cost = [abs(seq[0] - level) for level in levels]
        for value in seq[1:]:
            running = list(itertools.accumulate(cost, min))
            cost = [running[k] + abs(value - level) for k, level in enumerate(levels)]
        return min(cost)

    return min(non_decreasing(values), non_decreasing(values[::-1]))


@pytest.mark.parametrize(("difficulty", "seeds"), [(0, range(6)), (1, range(2)), (2, range(6)), (6, range(3))])
def test_reference_matches_brute_force(difficulty: int, seeds: range) -> None:
    for seed in seeds:
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        assert not is_monotone(values)
        reference = list(map(int, problem.reference_answer.split()))
        assert is_monotone(reference) and len(reference) == len(values)
        best = brute_best(values) if difficulty <= 1 else dp_all_integers(values)
        assert sum(abs(a - b) for a, b in zip(values, reference)) == best == closest_monotone(values)[0]


def test_random_small_cases() -> None:
    rng = random.Random(2)
    for _ in range(40):
        values = [rng.randint(0, 6) for _ in range(rng.randint(1, 5))]
        assert closest_monotone(values)[0] == brute_best(values)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"A": [1, 3, 2, 4]}
    assert closest_monotone(parameters["A"])[0] == 1
    assert TASK.score(parameters, "1 2 2 4").reward == 1.0
    assert TASK.score(parameters, "1 3 3 4").reward == 1.0
    assert TASK.score(parameters, "1 1 1 1").reward == pytest.approx((1 / 6) ** 5)
    assert TASK.score(parameters, "1 3 2 4").reward == -0.5
    assert TASK.score(parameters, "1 2 3").reward == -0.5

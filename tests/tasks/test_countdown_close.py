"""CountdownClose: the exhaustive closest-value search against a plain recursive brute force, and the exact-hit
construction used for larger instances."""

from __future__ import annotations

import functools
import random
from fractions import Fraction

import pytest

from rlve_gym.envs.puzzle import countdown_close
from rlve_gym.envs.puzzle.countdown import evaluate_countdown
from rlve_gym.envs.puzzle.countdown_close import CountdownClose, closest_reachable

TASK = CountdownClose()


@functools.cache
def brute_values(values: tuple[Fraction, ...]) -> frozenset[Fraction]:
    """Every value reachable by repeatedly replacing two numbers with their sum, product, difference or quotient."""
    if len(values) == 1:
        return frozenset(values)
    found: set[Fraction] = set()
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            a, b = values[i], values[j]
            rest = values[:i] + values[i + 1 : j] + values[j + 1 :]
            results = [a + b, a * b, a - b, b - a] + ([a / b] if b else []) + ([b / a] if a else [])
            for result in results:
                found |= brute_values(tuple(sorted((*rest, result))))
    return frozenset(found)


def brute_best_gap(numbers: list[int], target: int) -> Fraction:
    return min(abs(value - target) for value in brute_values(tuple(sorted(map(Fraction, numbers)))))


def _check_reference(parameters: dict, reference: str, best_gap: Fraction) -> None:
    value, used = evaluate_countdown(reference)
    assert sorted(used) == sorted(parameters["numbers"])
    assert abs(value - parameters["target"]) == best_gap
    assert abs(Fraction(parameters["closest"]) - parameters["target"]) == best_gap


@pytest.mark.parametrize(("difficulty", "seeds"), [(0, range(8)), (1, range(5)), (2, range(1))])
def test_reference_matches_brute_force(difficulty: int, seeds: range) -> None:
    for seed in seeds:
        problem = TASK.generate(seed, difficulty)
        parameters = problem.parameters
        best_gap = brute_best_gap(parameters["numbers"], parameters["target"])
        _check_reference(parameters, problem.reference_answer, best_gap)


def test_closest_search_on_hand_picked_instances() -> None:
    rng = random.Random(7)
    cases = [([7, 3, 5], 0), ([7, 3, 5], 1000), ([1, 1, 1], 5), ([2, 3], 1), ([9, 9, 9, 9], 480), ([5, 7, 11], 3)]
    cases += [([rng.randint(1, 12) for _ in range(4)], rng.randint(0, 120)) for _ in range(4)]
    for numbers, target in cases:
        value, expression = closest_reachable(numbers, target)
        best_gap = brute_best_gap(numbers, target)
        assert abs(Fraction(value[0], value[1]) - target) == best_gap
        reached, used = evaluate_countdown(expression)
        assert sorted(used) == sorted(numbers) and abs(reached - target) == best_gap


@pytest.mark.parametrize("difficulty", [3, 6, 10])
def test_larger_instances_hit_the_target(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        value, used = evaluate_countdown(problem.reference_answer)
        assert sorted(used) == sorted(problem.parameters["numbers"]) and len(used) == difficulty + 3
        assert value == problem.parameters["target"] == int(problem.parameters["closest"])


def test_planted_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(countdown_close, "_REST_TRIES", 0)
    problem = TASK.generate(1, 4)
    value, used = evaluate_countdown(problem.reference_answer)
    assert sorted(used) == sorted(problem.parameters["numbers"])
    assert value == problem.parameters["target"] and 0 <= value <= 480


def test_hand_example_and_shaping() -> None:
    parameters = {"numbers": [2, 3, 4], "target": 100, "closest": "24"}
    assert closest_reachable([2, 3, 4], 100)[0] == (24, 1)
    assert TASK.score(parameters, "2 * 3 * 4").reward == 1.0
    assert TASK.score(parameters, "(2 + 3) * 4 = 20").reward == pytest.approx(77 / 81)
    assert TASK.score(parameters, "2 + 3 + 4").reward == pytest.approx(77 / 92)
    assert TASK.score(parameters, "2 * 3").reward == -0.5
    assert TASK.score(parameters, "2 * 3 * 4 * 4").reward == -0.5
    assert TASK.score(parameters, "2 / (4 - 4) + 3").reward == -0.5
    assert closest_reachable([3, 5], 1)[0] == (3, 5)
    fraction = {"numbers": [3, 5], "target": 1, "closest": "3/5"}
    assert TASK.score(fraction, "3 / 5").reward == 1.0
    assert TASK.score(fraction, "5 / 3").reward == pytest.approx((1 + Fraction(2, 5)) / (1 + Fraction(2, 3)))
    both_sides = {"numbers": [2, 8], "target": 5, "closest": "4"}
    assert TASK.score(both_sides, "8 / 2").reward == TASK.score(both_sides, "8 - 2").reward == 1.0

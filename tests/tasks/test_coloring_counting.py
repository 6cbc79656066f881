"""ColoringCounting: the inclusion–exclusion over subsets against listing every colouring."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.coloring_counting import ColoringCounting, colour_value_total

TASK = ColoringCounting()


def totals_by_listing(n: int, edges: list[list[int]], limits: list[int]) -> tuple[int, int]:
    total = count = 0
    for colours in itertools.product(*(range(limit + 1) for limit in limits)):
        if all(colours[u] != colours[v] for u, v in edges):
            total += len(set(colours))
            count += 1
    return total, count


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        parameters = problem.parameters
        expected, _ = totals_by_listing(parameters["N"], parameters["edges"], parameters["R"])
        assert problem.reference_answer == str(expected) == str(parameters["total"])


def test_random_graphs_and_limits() -> None:
    rng = random.Random(11)
    for _ in range(60):
        n = rng.randint(1, 6)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(pairs, rng.randint(0, len(pairs)))
        limits = [rng.randint(0, 4) for _ in range(n)]  # not tied to degrees: empty sets of colourings too
        assert colour_value_total(n, edges, limits) == totals_by_listing(n, edges, limits), (n, edges, limits)


def test_large_values_need_several_primes() -> None:
    # K_4 with limits 60: 61·60·59·58 colourings, each using 4 colours
    complete = [[u, v] for u in range(4) for v in range(u + 1, 4)]
    assert colour_value_total(4, complete, [60] * 4) == (4 * 61 * 60 * 59 * 58, 61 * 60 * 59 * 58)
    # two isolated vertices with 10**4 colours each: value 2 unless equal
    colourings = 10_001**2
    assert colour_value_total(2, [], [10_000, 10_000]) == (2 * colourings - 10_001, colourings)


def test_hand_example_and_rewards() -> None:
    # a path 0-1-2 with R = [1, 2, 1]: C[1] ∈ {0,1,2}; 2-colour ones: (0,1,0), (1,0,1): value 2 each;
    # C[1] = 2: C[0], C[2] ∈ {0, 1} freely: (0,2,0), (1,2,1) value 2, (0,2,1), (1,2,0) value 3
    parameters = {"N": 3, "edges": [[0, 1], [1, 2]], "R": [1, 2, 1], "total": 14}
    assert TASK.solve(parameters) == 14
    assert TASK.score(parameters, "14").reward == 1.0
    assert TASK.score(parameters, "0").reward == -1.0
    assert TASK.score(parameters, "7").reward == pytest.approx(0.5**10)

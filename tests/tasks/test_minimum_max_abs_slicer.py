"""Minimum_MaxAbsSlicer: the closed-form feasibility and greedy labels against every cutting."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.minimum_max_abs_slicer import Minimum_MaxAbsSlicer, best_cuts

TASK = Minimum_MaxAbsSlicer()


def brute_force(labels: list[int], signs: list[int], batches: int) -> tuple[int, list[int]]:
    """(least largest |sum|, smallest label sequence among optimal cuttings) over every choice of cuts."""
    n, best = len(labels), None
    for cuts in itertools.combinations(range(n - 1), batches - 1):
        ends = [*cuts, n - 1]
        starts = [0] + [end + 1 for end in ends[:-1]]
        key = (max(abs(sum(signs[s : e + 1])) for s, e in zip(starts, ends)), [labels[e] for e in ends])
        best = key if best is None or key < best else best
    return best


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 4):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert (p["bound"], p["sequence"]) == brute_force(p["A"], p["B"], p["M"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_sequences() -> None:
    rng = random.Random(10)
    for _ in range(300):
        n = rng.randint(1, 10)
        batches = rng.randint(1, n)
        labels = rng.sample(range(1, n + 1), n)
        plus = rng.random()
        signs = [1 if rng.random() < plus else -1 for _ in range(n)]
        assert best_cuts(labels, signs, batches) == brute_force(labels, signs, batches)


def test_hand_example_and_rewards() -> None:
    # B = + - + - + - + -: bound 0 with ends among the balanced points 1, 3, 5 (and 7 last); labels decide
    labels, signs = [8, 7, 6, 5, 4, 3, 2, 1], [1, -1] * 4
    assert best_cuts(labels, signs, 3) == (0, [5, 3, 1])
    p = {"A": labels, "B": signs, "M": 3, "bound": 0, "sequence": [5, 3, 1]}
    assert TASK.score(p, "5 3 1").reward == 1.0
    assert TASK.score(p, "7 3 1").reward == pytest.approx(0.5 + 0.5 * (2 / 3) ** 5)  # optimal bound, 2 of 3 agree
    assert TASK.score(p, "6 3 1").reward == 0.0  # ends 2, 5, 7: a batch sums to ±1, and 0.5·(0/1)^5 = 0
    for bad in ("5 3", "5 3 9", "3 5 1", "5 3 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    q = {"A": [1, 2, 3, 4], "B": [1, 1, 1, 1], "M": 2, "bound": 2, "sequence": [2, 4]}
    assert best_cuts(q["A"], q["B"], 2) == (2, [2, 4])
    assert TASK.score(q, "1 4").reward == pytest.approx(0.5 * (2 / 3) ** 5)  # sums 1 and 3

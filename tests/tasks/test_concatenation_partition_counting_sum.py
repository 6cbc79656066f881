"""ConcatenationPartitionCountingSum: the matrix DP against listing every cutting and running the recurrence."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.concatenation_partition_counting_sum import ConcatenationPartitionCountingSum

TASK = ConcatenationPartitionCountingSum()


def total_by_listing(digits: str, steps: int, modulus: int) -> int:
    sums = []
    for cuts in itertools.product((False, True), repeat=len(digits) - 1):
        pieces, start = [], 0
        for i, cut in enumerate(cuts, start=1):
            if cut:
                pieces.append(digits[start:i])
                start = i
        pieces.append(digits[start:])
        sums.append(sum(int(piece) for piece in pieces))
    f = [1]
    for value in range(1, max(sums) + 1):
        f.append(sum(f[value - m] for m in range(1, min(value, steps) + 1)) % modulus)
    return sum(f[s] for s in sums) % modulus


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(total_by_listing(p["S"], p["M"], p["MOD"]))


def test_random_strings() -> None:
    rng = random.Random(4)
    for _ in range(40):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 4)))
        parameters = {"S": digits, "M": rng.randint(1, 5), "MOD": rng.randint(2, 10_000)}
        assert TASK.solve(parameters) == total_by_listing(digits, parameters["M"], parameters["MOD"])


def test_hand_example_and_rewards() -> None:
    # "12" with Fibonacci-like F (M = 2): F[12] = 233 for "12", F[1 + 2] = F[3] = 3 for "1|2"
    parameters = {"S": "12", "M": 2, "MOD": 10_000}
    assert TASK.solve(parameters) == 236
    assert TASK.score(parameters, "236").reward == 1.0
    assert TASK.score(parameters, "10000").reward == -0.5
    assert TASK.score(parameters, "235").reward == 0.0

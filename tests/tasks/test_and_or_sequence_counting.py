"""AndOr_Sequence_Counting: the product of interval DPs against enumeration of every array B."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.and_or_sequence_counting import AndOr_Sequence_Counting

TASK = AndOr_Sequence_Counting()


def brute_force(values: list[int], bits: int) -> int:
    n = len(values)
    return sum(
        all(
            (values[i] & b[i]) <= (values[i + 1] & b[i + 1]) and (values[i] | b[i]) >= (values[i + 1] | b[i + 1])
            for i in range(n - 1)
        )
        for b in itertools.product(range(1 << bits), repeat=n)
    )


def transfer(values: list[int], bits: int) -> int:
    """Left-to-right DP over the last (AND, OR) pair, trying every B[i]: no bit decomposition."""
    states = {(v & b, v | b): 1 for v in values[:1] for b in range(1 << bits)}
    for v in values[1:]:
        nxt: dict[tuple[int, int], int] = {}
        for (low, high), ways in states.items():
            for b in range(1 << bits):
                if (v & b) >= low and (v | b) <= high:
                    key = (v & b, v | b)
                    nxt[key] = nxt.get(key, 0) + ways
        states = nxt
    return sum(states.values())


def test_solver_matches_enumeration_on_random_small_arrays() -> None:
    rng = random.Random(7)
    for _ in range(120):
        n, bits = rng.randint(2, 4), rng.randint(1, 3)
        values = [rng.randrange(1 << bits) for _ in range(n)]
        assert TASK.solve({"M": bits, "A": values}) == brute_force(values, bits)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_answer_matches_the_transfer_dp(difficulty: int) -> None:
    checked = 0
    for seed in range(60):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        if p["M"] <= 5:
            assert int(problem.reference_answer) == transfer(p["A"], p["M"])
            checked += 1
    assert checked >= 3


def test_hand_example_and_scoring() -> None:
    # A = [1, 0], M = 1: B[0] in {0, 1} gives (AND, OR) = (B0, 1); B[1] gives (0, B1); need B0 ≤ 0, B1 ≤ 1
    p = {"M": 1, "A": [1, 0]}
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-1").reward == rewards.WRONG_FORMAT

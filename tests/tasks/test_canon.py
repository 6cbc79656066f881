"""Canon: the recurrence against enumeration of subset combinations."""

from __future__ import annotations

import itertools
import math
from functools import reduce
from operator import xor

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.canon import Canon

TASK = Canon()


def brute_force(n: int, m: int) -> int:
    """Sets of m distinct non-empty subsets (bit masks) with XOR 0, times m! orders."""
    sets = sum(reduce(xor, chosen) == 0 for chosen in itertools.combinations(range(1, 2**n), m))
    return sets * math.factorial(m)


@pytest.mark.parametrize(("n", "m"), [(n, m) for n in range(2, 6) for m in range(2, 6)])
def test_recurrence_matches_enumeration(n: int, m: int) -> None:
    for modulus in (2, 97, 10**9):
        assert TASK.solve({"N": n, "M": m, "MOD": modulus}) == brute_force(n, m) % modulus


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["M"]) % p["MOD"])


def test_hand_examples_and_range() -> None:
    # N = 2: {1}, {2}, {1,2} is the only set of 3 with XOR 0 → 3! orders; no pair works
    assert TASK.solve({"N": 2, "M": 3, "MOD": 1000}) == 6
    assert TASK.solve({"N": 2, "M": 2, "MOD": 1000}) == 0
    assert TASK.score({"N": 2, "M": 3, "MOD": 1000}, "1000").reward == rewards.INVALID_SOLUTION
    assert TASK.score({"N": 2, "M": 3, "MOD": 1000}, "5").reward == 0.0

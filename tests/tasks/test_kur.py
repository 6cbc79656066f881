"""KUR: the interval-union count against building C and scanning every window."""

from __future__ import annotations

import math
import random

import pytest

from rlve_gym.envs.counting.kur import KUR, occurrences

TASK = KUR()


def count_by_scanning(n: int, a: int, b: int, p: int, pattern: str) -> int:
    text = "".join("0" if (a * i + b) % n < p else "1" for i in range(n))
    return sum(text.startswith(pattern, i) for i in range(n - len(pattern) + 1))


def test_reference_matches_scanning() -> None:
    for difficulty in (0, 1, 2, 4, 7):
        for seed in range(6):
            p = TASK.generate(seed, difficulty).parameters
            assert math.gcd(p["A"], p["N"]) == 1
            assert p["count"] == count_by_scanning(p["N"], p["A"], p["B"], p["P"], p["T"]) >= 1


def test_random_patterns_including_absent_ones() -> None:
    rng = random.Random(3)
    for _ in range(300):
        n = rng.randint(2, 60)
        a = rng.choice([x for x in range(1, n) if math.gcd(x, n) == 1] or [1])
        b, p = rng.randint(0, n - 1), rng.randint(1, max(1, n - 1))
        if not 0 < p < n:
            continue
        pattern = "".join(rng.choice("01") for _ in range(rng.randint(1, min(n, 9))))
        assert occurrences(n, a, b, p, pattern) == count_by_scanning(n, a, b, p, pattern)


def test_hand_example_and_rewards() -> None:
    # N = 8, A = 3, B = 0, P = 4: (3i mod 8) = 0 3 6 1 4 7 2 5 -> C = 0 0 1 0 1 1 0 1
    assert count_by_scanning(8, 3, 0, 4, "01") == 3
    parameters = {"N": 8, "A": 3, "B": 0, "P": 4, "T": "01", "count": 3}
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-1").reward == -1.0
    assert TASK.score(parameters, "4").reward == pytest.approx(0.75**10)

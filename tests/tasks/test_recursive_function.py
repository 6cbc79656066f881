"""RecursiveFunction: memoised values against the plain recursion, and a hand-derived closed form for m = 1."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.recursive_function import RecursiveFunction

TASK = RecursiveFunction()


def plain(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return plain(m - 1, 1)
    return plain(m // 2, plain(m // 2, n // 2)) + plain(m // 2, plain(m // 2, n - 1))


def test_plain_recursion_agrees() -> None:
    for m in range(0, 8):
        for n in range(0, 8):
            assert TASK.solve({"M": m, "N": n}) == plain(m, n)


def test_closed_form_for_m_one() -> None:
    for n in range(1, 200):
        assert TASK.solve({"M": 1, "N": n}) == (n // 2 + 2) + (n + 1)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(plain(p["M"], p["N"]))


def test_rewards() -> None:
    p = {"M": 1, "N": 1}  # f(0, f(0, 0)) + f(0, f(0, 0)) = 2 + 2
    assert TASK.score(p, "4").reward == 1.0
    assert TASK.score(p, "5").reward == 0.0

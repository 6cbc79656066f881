"""CongruentEquation: the modular inverse against a linear search for the smallest solution."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.congruent_equation import CongruentEquation

TASK = CongruentEquation()


def smallest_solution(a: int, b: int) -> int | None:
    return next((x for x in range(1, b + 1) if a * x % b == 1), None)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        a, b = problem.parameters["A"], problem.parameters["B"]
        assert problem.reference_answer == str(smallest_solution(a, b))


def test_all_small_coprime_pairs() -> None:
    for b in range(2, 40):
        for a in range(1, 60):
            expected = smallest_solution(a, b)
            if expected is not None:
                assert TASK.solve({"A": a, "B": b}) == expected


def test_hand_examples_and_rewards() -> None:
    parameters = {"A": 3, "B": 10}  # 3·7 = 21
    assert TASK.solve(parameters) == 7
    assert TASK.score(parameters, "7").reward == 1.0
    assert TASK.score(parameters, "17").reward == 0.0  # a solution, not the smallest
    assert TASK.score(parameters, "5").reward == -0.5
    assert TASK.score(parameters, "0").reward == -1.0
    assert TASK.score(parameters, "-3").reward == -1.0

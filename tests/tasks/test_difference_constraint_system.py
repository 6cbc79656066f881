"""DifferenceConstraintSystem: planted solutions hold, and the verifier's partial credit on hand-made answers."""

from __future__ import annotations

import pytest

from rlve_gym.envs.graph.difference_constraint_system import DifferenceConstraintSystem

TASK = DifferenceConstraintSystem()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_planted_solution_satisfies_every_constraint(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n, constraints = problem.parameters["N"], problem.parameters["constraints"]
        x = list(map(int, problem.reference_answer.split()))
        assert len(x) == n and all(-n <= v <= n for v in x)
        assert all(x[i] - x[j] <= c for i, j, c in constraints)
        assert len({(i, j) for i, j, _ in constraints}) == len(constraints) >= n
        assert all(i != j for i, j, _ in constraints)


def test_hand_made_answers() -> None:
    # x0 − x1 ≤ 0, x1 − x2 ≤ −1, x2 − x0 ≤ 2: x = (0, 0, 1) solves it
    parameters = {"N": 3, "constraints": [[0, 1, 0], [1, 2, -1], [2, 0, 2]]}
    assert TASK.score(parameters, "0 0 1").reward == 1.0
    assert TASK.score(parameters, "5 5 6").reward == 1.0  # shifts of a solution are solutions
    assert TASK.score(parameters, "0 0 0").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(parameters, "3 0 0").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(parameters, "0 0").reward == -1.0
    assert TASK.score(parameters, "0 0 1 2").reward == -1.0

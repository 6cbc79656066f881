"""DifferenceConstraintSystemDAG: the least solution against trying every vector in [1, N]^N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.graph.difference_constraint_system_dag import _RELATIONS, DifferenceConstraintSystemDAG

TASK = DifferenceConstraintSystemDAG()


def least_sum_by_search(n: int, relations: list) -> int:
    # the planted solution lies in [1, N]^N and the least solution is below it, so this box suffices
    return min(
        sum(x)
        for x in itertools.product(range(1, n + 1), repeat=n)
        if all(_RELATIONS[symbol](x[a], x[b]) for symbol, a, b in relations)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n, relations = problem.parameters["N"], problem.parameters["relations"]
        x = list(map(int, problem.reference_answer.split()))
        assert sum(x) == least_sum_by_search(n, relations)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_made_answers() -> None:
    # x0 < x1, x1 = x2, x3 ≥ x2: least solution (1, 2, 2, 2)
    parameters = {"N": 4, "relations": [["<", 0, 1], ["=", 1, 2], ["≥", 3, 2]]}
    assert TASK.solve(parameters) == [1, 2, 2, 2]
    assert TASK.score(parameters, "1 2 2 2").reward == 1.0
    assert TASK.score(parameters, "1 2 2 3").reward == pytest.approx(0.5 + 0.5 * (7 / 8) ** 5)
    assert TASK.score(parameters, "2 2 2 2").reward == pytest.approx(0.5 * (2 / 3) ** 5)
    assert TASK.score(parameters, "0 2 2 2").reward == 0.0
    assert TASK.score(parameters, "1 2 2").reward == -1.0
    with pytest.raises(ValueError, match="inconsistent"):
        TASK.solve({"N": 2, "relations": [["<", 0, 1], ["<", 1, 0]]})

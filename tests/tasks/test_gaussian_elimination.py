"""GaussianElimination (constructive): the planted solution satisfies every equation; shaping on hand cases."""

from rlve_gym.core.registry import get_task

TASK = get_task("GaussianElimination")


def test_planted_solution_satisfies_all_equations():
    for difficulty in (0, 1, 2, 6):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            rows, results = problem.parameters["coefficients"], problem.parameters["results"]
            values = list(map(int, problem.reference_answer.split()))
            n = len(values)
            assert all(any(row) and len(row) == n for row in rows)
            assert 2 * n <= len(rows) <= 3 * n
            assert all(sum(c * x for c, x in zip(row, values)) == r for row, r in zip(rows, results))


def test_hand_example_and_rewards():
    parameters = {"coefficients": [[1, 1], [1, 0], [0, 2], [1, 2]], "results": [3, 1, 4, 5]}
    assert TASK.score(parameters, "1 2").reward == 1.0
    assert TASK.score(parameters, "2 1").reward == (1 / 4) ** 10  # only x0 + x1 = 3 holds
    assert TASK.score(parameters, "1 2 3").reward == -1.0
    assert TASK.score(parameters, "1").reward == -1.0

"""MinNoSolutionLinearDiophantineEquation: Sylvester's formula against marking every representable z."""

from rlve_gym.core.registry import get_task

TASK = get_task("MinNoSolutionLinearDiophantineEquation")


def largest_gap(a: int, b: int) -> int:
    limit = a * b
    representable = [False] * (limit + 1)
    for x in range(0, limit + 1, a):
        for z in range(x, limit + 1, b):
            representable[z] = True
    return max(z for z in range(limit + 1) if not representable[z])


def test_formula_matches_enumeration() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            a, b = problem.parameters["A"], problem.parameters["B"]
            assert int(problem.reference_answer) == largest_gap(a, b)
    for a, b in ((2, 3), (3, 5), (4, 7), (9, 10), (2, 17)):
        assert TASK.solve({"A": a, "B": b}) == largest_gap(a, b)


def test_hand_example_and_rewards() -> None:
    parameters = {"A": 3, "B": 5}  # 1, 2, 4, 7 are not representable
    assert TASK.solve(parameters) == 7
    assert TASK.score(parameters, "7").reward == 1.0
    assert TASK.score(parameters, "8").reward == 0.0
    assert TASK.verify(TASK.generate(0, 0), "<answer>seven</answer>").reward == -1.0

"""WeightedLIS: the DP optimum against every index subset."""

import itertools

from rlve_gym import get_task


def best_by_brute_force(a: list[int], b: list[int]) -> int:
    best = 0
    for size in range(1, len(a) + 1):
        for chosen in itertools.combinations(range(len(a)), size):
            if all(a[i] <= a[j] for i, j in itertools.pairwise(chosen)):
                best = max(best, sum(b[i] for i in chosen))
    return best


def test_optimum_matches_brute_force() -> None:
    task = get_task("WeightedLIS")
    for difficulty in range(4):
        for seed in range(10):
            problem = task.generate(seed, difficulty)
            a, b = problem.parameters["A"], problem.parameters["B"]
            reference = list(map(int, problem.reference_answer.split()))
            assert sum(b[i] for i in reference) == best_by_brute_force(a, b)


def test_invalid_and_partial() -> None:
    task = get_task("WeightedLIS")
    problem = task.generate(0, 3)
    a = problem.parameters["A"]
    decreasing = next((f"{i} {j}" for i in range(len(a)) for j in range(i + 1, len(a)) if a[i] > a[j]), None)
    if decreasing:
        assert task.verify(problem, f"<answer>{decreasing}</answer>").reward == -0.5
    assert task.verify(problem, "<answer>1 0</answer>").reward == -0.5
    assert task.verify(problem, f"<answer>{len(a)}</answer>").reward == -0.5
    assert 0 < task.verify(problem, "<answer>0</answer>").reward <= 1

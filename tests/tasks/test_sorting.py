"""Sorting: partial credit by matching positions, invalid lengths."""

from rlve_gym import get_task


def test_reference_is_sorted_and_partial_credit() -> None:
    task = get_task("Sorting")
    for seed in range(10):
        problem = task.generate(seed, 4)
        numbers = problem.parameters["numbers"]
        assert list(map(int, problem.reference_answer.split())) == sorted(numbers)
    problem = task.generate(0, 2)
    n = len(problem.parameters["numbers"])
    unsorted = " ".join(map(str, problem.parameters["numbers"]))
    matches = sum(a == b for a, b in zip(problem.parameters["numbers"], sorted(problem.parameters["numbers"])))
    verdict = task.verify(problem, f"<answer>{unsorted}</answer>")
    assert verdict.reward == (matches / n) ** 10 or (matches == n and verdict.reward == 1.0)
    assert task.verify(problem, "<answer>1 2</answer>").reward == -0.5

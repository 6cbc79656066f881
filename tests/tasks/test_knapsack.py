"""Knapsack: the DP optimum (with reconstruction) against every subset."""

import itertools

from rlve_gym import get_task


def test_optimum_matches_brute_force() -> None:
    task = get_task("Knapsack")
    for difficulty in range(5):
        for seed in range(8):
            problem = task.generate(seed, difficulty)
            weights, values, capacity = (problem.parameters[k] for k in ("W", "V", "capacity"))
            best = max(
                sum(values[i] for i in subset)
                for size in range(len(weights) + 1)
                for subset in itertools.combinations(range(len(weights)), size)
                if sum(weights[i] for i in subset) <= capacity
            )
            chosen = list(map(int, problem.reference_answer.split())) if problem.reference_answer else []
            assert sum(weights[i] for i in chosen) <= capacity
            assert sum(values[i] for i in chosen) == best


def test_invalid_answers() -> None:
    task = get_task("Knapsack")
    problem = task.generate(1, 3)
    assert task.verify(problem, "<answer>0 0</answer>").reward == -0.5
    everything = " ".join(map(str, range(len(problem.parameters["W"]))))
    if sum(problem.parameters["W"]) > problem.parameters["capacity"]:
        assert task.verify(problem, f"<answer>{everything}</answer>").reward == -0.5

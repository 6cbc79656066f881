"""TopologicalSort: the verifier accepts exactly the orders that respect every constraint."""

import itertools

from rlve_gym import get_task


def test_accepted_orders_are_exactly_the_topological_orders() -> None:
    task = get_task("TopologicalSort")
    for difficulty in (0, 1, 2):
        for seed in range(4):
            problem = task.generate(seed, difficulty)
            n, constraints = problem.parameters["N"], problem.parameters["constraints"]
            for order in itertools.permutations(range(n)):
                position = {v: i for i, v in enumerate(order)}
                valid = all(position[a] < position[b] for a, b in constraints)
                verdict = task.verify(problem, f"<answer>{' '.join(map(str, order))}</answer>")
                assert verdict.accuracy == int(valid)
                satisfied = sum(position[a] < position[b] for a, b in constraints)
                assert verdict.reward == (satisfied / len(constraints)) ** 10 or valid
    problem = task.generate(0, 1)
    assert task.verify(problem, "<answer>0 0 1 2</answer>").reward == -0.5

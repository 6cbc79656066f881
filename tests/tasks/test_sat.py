"""SAT: the verifier's clause count against every assignment; the planted assignment satisfies all clauses."""

import itertools

from rlve_gym import get_task


def test_reward_matches_brute_force_clause_counts() -> None:
    task = get_task("SAT")
    for difficulty in (0, 1, 2):
        for seed in range(5):
            problem = task.generate(seed, difficulty)
            n, clauses = problem.parameters["N"], problem.parameters["clauses"]
            for values in itertools.product((0, 1), repeat=n):
                satisfied = sum(any(values[v] == positive for v, positive in clause) for clause in clauses)
                verdict = task.verify(problem, f"<answer>{' '.join(map(str, values))}</answer>")
                assert verdict.reward == (satisfied / len(clauses)) ** 10 or (satisfied == len(clauses))
                assert verdict.accuracy == int(satisfied == len(clauses))
            assert all(len(clause) >= 2 for clause in clauses)
    problem = task.generate(0, 0)
    assert task.verify(problem, "<answer>0 1 2</answer>").reward == -0.5

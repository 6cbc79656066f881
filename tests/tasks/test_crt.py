"""CRT: the verifier accepts exactly the x that satisfy every congruence (brute force over a full period)."""

import math
from functools import reduce

from rlve_gym import get_task


def test_accepted_answers_are_exactly_the_solutions() -> None:
    task = get_task("CRT")
    for difficulty in (0, 2, 4):
        for seed in range(6):
            problem = task.generate(seed, difficulty)
            moduli, residues = problem.parameters["moduli"], problem.parameters["residues"]
            period = reduce(math.lcm, moduli)
            for x in range(min(period, 400)):
                solves = all(x % m == r for m, r in zip(moduli, residues, strict=True))
                assert task.verify(problem, f"<answer>{x}</answer>").accuracy == int(solves)


def test_partial_credit_and_negative_numbers() -> None:
    task = get_task("CRT")
    problem = task.generate(3, 3)
    assert task.verify(problem, "<answer>-1</answer>").reward == -1.0
    hidden = int(problem.reference_answer)
    moduli, residues = problem.parameters["moduli"], problem.parameters["residues"]
    satisfied = sum((hidden + 1) % m == r for m, r in zip(moduli, residues, strict=True))
    assert task.verify(problem, f"<answer>{hidden + 1}</answer>").reward == (satisfied / len(moduli)) ** 10

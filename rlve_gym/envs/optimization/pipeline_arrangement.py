"""Two-machine flow shop: order jobs to finish as early as possible (Johnson's rule)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def makespan(first: list[int], second: list[int], order: list[int]) -> int:
    """When machine B finishes the last job, processing jobs in `order` on A then B."""
    a_done = b_done = 0
    for job in order:
        a_done += first[job]
        b_done = max(b_done, a_done) + second[job]
    return b_done


def johnson_order(first: list[int], second: list[int]) -> list[int]:
    """An optimal order (Johnson 1954): jobs faster on A first by increasing A time, then the rest by decreasing
    B time."""
    jobs = range(len(first))
    early = sorted((job for job in jobs if first[job] < second[job]), key=lambda job: first[job])
    late = sorted((job for job in jobs if first[job] >= second[job]), key=lambda job: -second[job])
    return early + late


class PipelineArrangement(Task):
    """Order N jobs through machine A then machine B to minimise the time the last job leaves B.

    Difficulty: N jobs, N growing as N ← int(1.1·N + 1) from 3; processing times uniform in [1, N]
    (Luogu P1248).
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; else (least makespan / makespan)^5.
    Answer: the job order on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        first = [rng.randint(1, n) for _ in range(n)]
        second = [rng.randint(1, n) for _ in range(n)]
        return Instance({"A": first, "B": second}, " ".join(map(str, johnson_order(first, second))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        first, second = parameters["A"], parameters["B"]
        n = len(first)
        times = "\n".join(f"A[{i}]={a}, B[{i}]={b}" for i, (a, b) in enumerate(zip(first, second)))
        return (
            f"There are {n} products, numbered 0 to {n - 1}. Each is processed first on machine A, then on machine "
            f"B; product i takes A[i] time units on A and B[i] on B:\n{times}\n"
            "Both machines handle the products one at a time in the same order, which you choose. Machine A works "
            "without pause; a product starts on B once it has left A and B is free. Choose the order so that the "
            "last product leaves machine B as early as possible.\n"
            "Write the order as a permutation of the product numbers on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        first, second = parameters["A"], parameters["B"]
        if sorted(order) != list(range(len(first))):
            return rewards.invalid(f"not a permutation of 0..{len(first) - 1}")
        best = makespan(first, second, johnson_order(first, second))
        return rewards.optimality(makespan(first, second, order), best, 5.0, minimize=True)

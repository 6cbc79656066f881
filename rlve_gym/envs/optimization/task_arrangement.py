"""Batch scheduling: split a task sequence into consecutive batches minimising the weighted completion time."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0


def batch_cost(times: list[int], weights: list[int], startup: int, ends: list[int]) -> int:
    """Total cost of the batches ending at `ends` (1-based, increasing, last = N): each task pays its weight times
    the finishing time of its batch."""
    cost = clock = last = 0
    for end in ends:
        clock += startup + sum(times[last:end])
        cost += clock * sum(weights[last:end])
        last = end
    return cost


class TaskArrangement(Task):
    """Split N tasks, kept in order, into consecutive batches so that the total cost is as small as possible.

    Each batch first spends S units of start-up time and then the sum of its tasks' times T[i]; all its tasks
    finish together when it ends, and task i costs F[i] times that finishing time. The optimum comes from the
    classic O(N²) dynamic programme that charges a batch's start-up and processing time, when it is opened, to
    every task still waiting (itself included).
    Difficulty: N ← int(1.1·N + 1) from 4; S uniform in [0, 3N]; T[i] and F[i] uniform in [1, N].
    Reward: -1 unparsable or empty; -0.5 unless the ends are strictly increasing in [1, N] and end with N;
    otherwise (optimal cost / answer's cost)^3.
    Answer: the last task of each batch, end[1] < end[2] < … < end[k] = N, on one line separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {
            "S": rng.randint(0, 3 * n),
            "T": [rng.randint(1, n) for _ in range(n)],
            "F": [rng.randint(1, n) for _ in range(n)],
        }
        ends, best = self.solve(parameters)
        parameters["best"] = best
        return Instance(parameters, " ".join(map(str, ends)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        times, weights, startup = parameters["T"], parameters["F"], parameters["S"]
        n = len(times)
        listed = "\n".join(f"task {i + 1}: T={t}, F={f}" for i, (t, f) in enumerate(zip(times, weights)))
        return (
            f"There are {n} tasks, numbered 1 to {n}; task i takes T[i] units of time and has a cost coefficient "
            f"F[i]:\n{listed}\n"
            "The tasks are processed in this order by one machine, grouped into consecutive batches. A batch first "
            f"needs {startup} units of start-up time and then the sum of the T[i] of its tasks; the batches run one "
            "after another starting at time 0, and every task of a batch finishes at the moment the batch ends. "
            "The cost of task i is F[i] multiplied by its finishing time, and the total cost is the sum over all "
            "tasks.\n"
            "Choose the batches so that the total cost is as small as possible. Write the index of the last task of "
            f"each batch, in increasing order, on one line separated by spaces (the last number is always {n}); for "
            f"example, 2 {n} means the batches 1..2 and 3..{n}."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], int]:
        """(an optimal list of batch ends, its cost)."""
        times, weights, startup = parameters["T"], parameters["F"], parameters["S"]
        n = len(times)
        time_prefix = [0] * (n + 1)
        for i, t in enumerate(times):
            time_prefix[i + 1] = time_prefix[i] + t
        waiting = [0] * (n + 1)  # waiting[j]: total weight of tasks j+1..n (0-based: tasks j..n-1)
        for j in range(n - 1, -1, -1):
            waiting[j] = waiting[j + 1] + weights[j]
        # best[i]: least cost charged so far when tasks 1..i are done, each batch's time billed to all waiting tasks
        best, start_of_last = [0] + [None] * n, [0] * (n + 1)
        for i in range(1, n + 1):
            for j in range(i):
                value = best[j] + (startup + time_prefix[i] - time_prefix[j]) * waiting[j]
                if best[i] is None or value < best[i]:
                    best[i], start_of_last[i] = value, j
        ends, i = [], n
        while i:
            ends.append(i)
            i = start_of_last[i]
        return ends[::-1], best[n]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        ends = parse_int_list(answer)
        n = len(parameters["T"])
        if any(not 1 <= end <= n for end in ends) or any(a >= b for a, b in itertools.pairwise(ends)) or ends[-1] != n:
            return rewards.invalid(f"the ends must increase strictly within 1..{n} and finish with {n}")
        cost = batch_cost(parameters["T"], parameters["F"], parameters["S"], ends)
        return rewards.optimality(cost, parameters["best"], _BETA, minimize=True)

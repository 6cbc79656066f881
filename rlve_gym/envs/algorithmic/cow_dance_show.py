"""Cow dance show (USACO 2017): when does the last of N dancers finish on a stage with K places?"""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped


class CowDanceShow(Task):
    """Cows 1..N dance for d[i] time units each on a stage with K places; cows 1..K start at time 0 and whenever a
    cow leaves, the next cow in label order takes its place at once. When does the last cow finish?

    Difficulty: N = 4 + d; durations uniform in [1, N]; K uniform in [2, N-1].
    Reward: -1 unparsable; 1 for the finishing time, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"d": [rng.randint(1, n) for _ in range(n)], "K": rng.randint(2, n - 1)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        durations, places = parameters["d"], parameters["K"]
        n = len(durations)
        listing = ", ".join(f"d[{i}] = {t}" for i, t in enumerate(durations, start=1))
        return (
            f"{n} cows, numbered 1 to {n}, perform a dance show. Cow i dances for exactly d[i] time units:\n"
            f"{listing}\n"
            f"The stage holds {places} cows at once. At time 0 cows 1 to {places} start dancing. Whenever a cow "
            "finishes, it leaves the stage and the lowest-numbered cow that has not danced yet immediately steps "
            "on and starts its dance.\n"
            "At what time does the last cow finish dancing? Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Event simulation: a heap of finishing times; each waiting cow starts at the earliest one."""
        durations, places = parameters["d"], parameters["K"]
        finishing = list(durations[:places])
        heapq.heapify(finishing)
        for duration in durations[places:]:
            heapq.heappush(finishing, heapq.heappop(finishing) + duration)
        return max(finishing)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))

"""Cut a sequence into consecutive batches minimising the sum of squared numbers of distinct values per batch."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_ATTEMPTS = 100


def best_batches(values: list[int]) -> list[int]:
    """Batch ends (1-based, the last one N) of a division with the least Σ (distinct values in a batch)²."""
    n = len(values)
    best = [0] + [n * n + 1] * n
    cut = [0] * (n + 1)
    for end in range(1, n + 1):
        seen: set[int] = set()
        for start in range(end - 1, -1, -1):  # the batch is values[start:end]
            seen.add(values[start])
            if len(seen) ** 2 > end:  # singletons cost only `end` for the whole prefix
                break
            cost = best[start] + len(seen) ** 2
            if cost < best[end]:
                best[end], cut[end] = cost, start
    ends, end = [], n
    while end:
        ends.append(end)
        end = cut[end]
    return ends[::-1]


def division_cost(values: list[int], ends: list[int]) -> int:
    """Σ over the batches ending at `ends` (1-based) of (distinct values in the batch)²."""
    total, start = 0, 0
    for end in ends:
        total += len(set(values[start:end])) ** 2
        start = end
    return total


class CleaningUp(Task):
    """Divide A[1..N] into consecutive non-empty batches so that the sum over batches of (number of distinct values
    in the batch)² is as small as possible.

    A is built from random segments: a segment of length x repeats values drawn from ⌊√x⌋ random values in [1, N].
    Instances whose best cost is not below min(N, (distinct values)²) are redrawn (after 100 draws: A is random
    values in equal pairs).
    Difficulty: N = d + 4.
    Reward: -1 unparsable; -0.5 unless the ends are strictly increasing in [1, N] and end with N; otherwise
    (least cost / cost)^5.
    Answer: the batch ends end[1] < end[2] < … < end[k] = N on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_ATTEMPTS):
            cuts = sorted(rng.sample(range(1, n), rng.randint(1, n - 1)))
            values: list[int] = []
            for start, end in zip([0, *cuts], [*cuts, n], strict=True):
                palette = rng.sample(range(1, n + 1), math.isqrt(end - start))
                values += [rng.choice(palette) for _ in range(end - start)]
            if division_cost(values, best_batches(values)) < min(n, len(set(values)) ** 2):
                break
        else:
            pairs = rng.sample(range(1, n + 1), (n + 1) // 2)
            values = [pairs[i // 2] for i in range(n)]
        parameters = {"A": values}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        listed = ", ".join(f"A[{i}]={value}" for i, value in enumerate(values, start=1))
        return (
            f"Here are {n} numbers: {listed}\n"
            "Divide them, keeping their order, into consecutive non-empty batches. The cost of a batch is the square "
            "of the number of distinct values in it, and the cost of the division is the sum of its batches' costs. "
            "Find a division of least cost.\n"
            f"Describe it by the index of the last number of each batch: write end[1] < end[2] < … < end[k] = {n} on "
            f"one line, separated by spaces. For example, 1 2 {n} means the batches A[1], A[2] and A[3..{n}]."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The batch ends of a cheapest division."""
        return best_batches(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        ends = parse_int_list(answer)
        values = parameters["A"]
        n = len(values)
        increasing = all(a < b for a, b in itertools.pairwise(ends))
        if ends[-1] != n or not increasing or any(not 1 <= end <= n for end in ends):
            return rewards.invalid(f"the ends must increase strictly within [1, {n}] and finish with {n}")
        least = division_cost(values, self.solve(parameters))
        return rewards.optimality(division_cost(values, ends), least, _BETA, minimize=True)

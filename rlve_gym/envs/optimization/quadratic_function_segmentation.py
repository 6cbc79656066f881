"""Commando (APIO 2010): split a sequence into consecutive batches maximising a quadratic of the batch sums."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DRAWS = 5000


class QuadraticFunctionSegmentation(Task):
    """Split A[1..N] into consecutive batches; a batch with sum X is worth a·X² + b·X + c (a < 0). Maximise the
    total worth, and give the last index of every batch.

    Instances are redrawn until the optimum is positive and beats every split into at most two batches as well
    as the all-singletons split, so the answer needs real search. The reference is an exact O(N²) dynamic
    programme over prefix sums (integer arithmetic throughout).
    Difficulty: N ← int(1.1·N + 1) from 4; A[i] uniform in [1, N]; a = -u with u uniform in [1, N]; b uniform in
    [1, P3] and c uniform in [-P5, P5'], where each P_k is a product of k independent uniform draws from [1, N].
    Reward: -1 unparsable or empty; -0.5 unless the ends are strictly increasing indices in [1, N] ending with N;
    otherwise (max(worth, 0) / best worth)^5.
    Answer: end[1] end[2] … end[k] on one line (end[k] = N), separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]

        def product(factors: int) -> int:
            result = 1
            for _ in range(factors):
                result *= rng.randint(1, n)
            return result

        parameters: dict[str, Any] = {}
        for _ in range(_DRAWS):  # about 1 in 15 to 1 in 70 draws is kept; the last draw is used if none is
            values = [rng.randint(1, n) for _ in range(n)]
            quadratic = -rng.randint(1, n)
            linear = rng.randint(1, product(3))
            constant = rng.randint(-product(5), product(5))
            parameters = {"values": values, "a": quadratic, "b": linear, "c": constant}
            best = _worth(parameters, self.solve(parameters))
            if best > 0 and best > _best_simple_split(parameters):
                break
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, a, b, c = parameters["values"], parameters["a"], parameters["b"], parameters["c"]
        n = len(values)
        listing = "\n".join(f"A[{i}]={x}" for i, x in enumerate(values, start=1))
        return (
            f"There are {n} numbers A[1], ..., A[{n}]:\n{listing}\n"
            "Divide them, in order, into consecutive batches. With k batches, let end[1] < end[2] < ... < end[k] "
            f"= {n} be the last index of each batch, so batch j holds A[end[j-1] + 1] to A[end[j]] (with "
            "end[0] = 0).\n"
            f"A batch whose elements sum to X is worth ({a})·X^2 + ({b})·X + ({c}). Choose the batches so that the "
            "total worth of all batches is as large as possible.\n"
            f"Write end[1] end[2] ... end[k] on one line, separated by spaces (the last one is {n})."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Batch ends of an optimal division (dynamic programme over the last batch's start)."""
        values = parameters["values"]
        n = len(values)
        prefix = [0]
        for value in values:
            prefix.append(prefix[-1] + value)
        best: list[int] = [0] * (n + 1)
        cut = [0] * (n + 1)
        for end in range(1, n + 1):
            options = ((best[start] + _batch(parameters, prefix[end] - prefix[start]), start) for start in range(end))
            best[end], cut[end] = max(options, key=lambda option: option[0])
        ends, end = [], n
        while end:
            ends.append(end)
            end = cut[end]
        return ends[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        ends = parse_int_list(answer)
        n = len(parameters["values"])
        increasing = all(x < y for x, y in itertools.pairwise(ends))
        if not (increasing and ends[0] >= 1 and ends[-1] == n):
            return rewards.invalid(f"the ends must increase strictly within [1, {n}] and finish at {n}")
        worth, best = _worth(parameters, ends), _worth(parameters, self.solve(parameters))
        if worth == best:
            return rewards.correct("optimal")
        ratio = max(worth, 0) / best if best > 0 else 0.0
        # the float ratio of two close large integers can round to 1, which must stay reserved for the optimum
        return rewards.partial(min(ratio, 1.0 - 1e-12), _BETA, f"worth {worth}, best {best}")


def _batch(parameters: dict[str, Any], total: int) -> int:
    return parameters["a"] * total * total + parameters["b"] * total + parameters["c"]


def _worth(parameters: dict[str, Any], ends: list[int]) -> int:
    worth, start = 0, 0
    for end in ends:
        worth += _batch(parameters, sum(parameters["values"][start:end]))
        start = end
    return worth


def _best_simple_split(parameters: dict[str, Any]) -> int:
    """The best of: all singletons, one batch, and every split into two batches."""
    n = len(parameters["values"])
    return max(
        _worth(parameters, list(range(1, n + 1))),
        *(_worth(parameters, [cut, n]) for cut in range(1, n)),
        _worth(parameters, [n]),
    )

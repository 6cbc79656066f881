"""Palembang bridges (APIO 2015): place K ≤ 2 bridges to minimise the total detour of N trips."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


class PalembangBridges(Task):
    """Choose K integers P[1..K] minimising ∑_i min_j (|P[j] - S[i]| + |P[j] - T[i]|) over N pairs (S[i], T[i]).

    With one point, the cost is the sum of distances to all 2N endpoints, minimised at their median. With two,
    each pair uses the point nearer to its midpoint, so after sorting the pairs by S + T an optimal solution
    splits them into a prefix and a suffix, each served by its own median; every split is tried.
    Difficulty: N = 3 + d; K uniform in {1, 2}; S[i], T[i] uniform in [0, N].
    Reward: -1 unparsable; -0.5 unless exactly K integers are given; otherwise (optimal cost / achieved cost)^5
    (1 when both are 0).
    Answer: the K integers on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {
            "K": rng.randint(1, 2),
            "S": [rng.randint(0, n) for _ in range(n)],
            "T": [rng.randint(0, n) for _ in range(n)],
        }
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        starts, ends, k = parameters["S"], parameters["T"], parameters["K"]
        listing = "\n".join(f"S[{i}]={s} T[{i}]={t}" for i, (s, t) in enumerate(zip(starts, ends), start=1))
        return (
            f"There are two integer arrays S and T of length {len(starts)}:\n{listing}\n"
            f"Choose {k} integer{'s' if k > 1 else ''} P[1]{', P[2]' if k > 1 else ''}. For each i, the cost of i is "
            f"the minimum over j of |P[j] - S[i]| + |P[j] - T[i]|, and the total cost is the sum of the costs of "
            f"all i from 1 to {len(starts)}. Make the total cost as small as possible.\n"
            f"Write the {k} chosen integer{'s' if k > 1 else ''} on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal points: the median of all endpoints (K = 1), or the best prefix/suffix split by S + T (K = 2)."""
        pairs = sorted(zip(parameters["S"], parameters["T"]), key=lambda pair: pair[0] + pair[1])
        if parameters["K"] == 1:
            return [_median(pairs)]
        best: tuple[int, list[int]] | None = None
        for split in range(1, len(pairs)):
            points = [_median(pairs[:split]), _median(pairs[split:])]
            cost = _total_cost(pairs, points)
            if best is None or cost < best[0]:
                best = (cost, points)
        assert best is not None
        return best[1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        points = parse_int_list(answer)
        if len(points) != parameters["K"]:
            return rewards.invalid(f"expected exactly {parameters['K']} integers")
        pairs = list(zip(parameters["S"], parameters["T"]))
        best = _total_cost(pairs, self.solve(parameters))
        return rewards.optimality(_total_cost(pairs, points), best, _BETA, minimize=True)


def _median(pairs: list[tuple[int, int]]) -> int:
    """A median of all endpoints of `pairs` (it minimises the sum of distances to them)."""
    endpoints = sorted(value for pair in pairs for value in pair)
    return endpoints[len(endpoints) // 2]


def _total_cost(pairs: list[tuple[int, int]], points: list[int]) -> int:
    return sum(min(abs(p - s) + abs(p - t) for p in points) for s, t in pairs)

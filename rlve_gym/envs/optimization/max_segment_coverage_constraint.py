"""Keep as many segments as possible while every constrained point stays covered at most a given number of times."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_COORDINATES_PER_SEGMENT = 2


class MaxSegmentCoverageConstraint(Task):
    """Select as many of N closed segments as possible such that, for each constraint (p, x), at most x selected
    segments contain the point p.

    Solved exactly by a sweep over the constrained points from left to right, dropping the covering segments
    that reach furthest right whenever a point is over its limit (an exchange argument; Luogu P3602).
    Difficulty: N = d + 3; endpoints in [0, 2N]; constraints at a random non-empty subset of the covered integer
    points, each limit uniform in [1, coverage of the point].
    Reward: -1 unparsable; -0.5 for repeated or out-of-range indices or a violated constraint; else
    (segments selected / most possible)^5.
    Answer: the indices of the selected segments on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        span = n * _COORDINATES_PER_SEGMENT
        segments = []
        for _ in range(n):
            left = rng.randint(0, span)
            segments.append([left, rng.randint(left, span)])
        coverage = [sum(left <= point <= right for left, right in segments) for point in range(span + 1)]
        covered = [point for point in range(span + 1) if coverage[point]]
        points = rng.sample(covered, rng.randint(1, len(covered)))
        parameters = {"segments": segments, "constraints": [[p, rng.randint(1, coverage[p])] for p in points]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        segments, constraints = parameters["segments"], parameters["constraints"]
        segment_lines = "\n".join(f"segment {i}: [{left}, {right}]" for i, (left, right) in enumerate(segments))
        constraint_lines = "\n".join(f"({point}, {limit})" for point, limit in constraints)
        return (
            f"Here are {len(segments)} closed segments [l, r] on the number line:\n{segment_lines}\n"
            "and a list of constraints (p, x), each meaning that at most x of the selected segments may contain "
            f"the point p:\n{constraint_lines}\n"
            "Select as many segments as possible (each at most once) so that every constraint holds.\n"
            "Write the indices of the selected segments on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A largest feasible selection (sorted indices): sweep the constrained points left to right and drop,
        while a point is over its limit, the kept segment covering it whose right end is largest."""
        segments = parameters["segments"]
        limits: dict[int, int] = {}
        for point, limit in parameters["constraints"]:
            limits[point] = min(limit, limits.get(point, limit))
        kept = set(range(len(segments)))
        for point in sorted(limits):
            covering = sorted(
                (i for i in kept if segments[i][0] <= point <= segments[i][1]), key=lambda i: (segments[i][1], i)
            )
            for i in covering[limits[point] :]:
                kept.discard(i)
        return sorted(kept)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        segments = parameters["segments"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= i < len(segments) for i in chosen):
            return rewards.invalid(f"indices must be distinct and in [0, {len(segments) - 1}]")
        for point, limit in parameters["constraints"]:
            if sum(segments[i][0] <= point <= segments[i][1] for i in chosen) > limit:
                return rewards.invalid(f"more than {limit} selected segments contain {point}")
        return rewards.optimality(len(chosen), len(self.solve(parameters)), _BETA, minimize=False)

"""Match points to segments containing them, as many pairs as possible."""

from __future__ import annotations

import bisect
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_ATTEMPTS = 50


def greedy_matching(points: list[int], segments: list[list[int]]) -> list[list[int]]:
    """A maximum matching as [point index, segment index] pairs: segments by increasing right end (larger left end
    first on ties) each take the leftmost free point they contain (an exchange argument makes this optimal)."""
    free = sorted((position, index) for index, position in enumerate(points))
    pairs = []
    for segment in sorted(range(len(segments)), key=lambda s: (segments[s][1], -segments[s][0], s)):
        left, right = segments[segment]
        slot = bisect.bisect_left(free, (left, -1))
        if slot < len(free) and free[slot][0] <= right:
            pairs.append([free.pop(slot)[1], segment])
    return sorted(pairs)


class MaximumPointSegmentMatching(Task):
    """Given C points and N closed segments on a line, match points to segments that contain them, each point and
    each segment used at most once, with as many pairs as possible.

    Solved exactly by the greedy that serves segments by increasing right end with the leftmost free point.
    Difficulty: C and N uniform in [2, S] with S ← int(1.1·S + 1) from 3; points uniform in [0, S]; segment
    lengths uniform in [0, S] with a uniform left end keeping the segment inside [0, S]; redrawn until at least
    one pair is possible.
    Reward: -1 unparsable (a line not holding two integers); -0.5 for an index out of range, a point outside its
    segment, or a point or segment used twice; else (pairs / most pairs)^5.
    Answer: one line "c n" per matched pair (point index, segment index).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_count": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        span = self.ladder(difficulty)["max_count"]
        count_points, count_segments = rng.randint(2, span), rng.randint(2, span)
        for _ in range(_ATTEMPTS):
            points = [rng.randint(0, span) for _ in range(count_points)]
            segments = []
            for _ in range(count_segments):
                length = rng.randint(0, span)
                left = rng.randint(0, span - length)
                segments.append([left, left + length])
            if greedy_matching(points, segments):
                break
        else:  # practically unreachable: move a point into the first segment
            points[0] = segments[0][0]
        parameters = {"points": points, "segments": segments}
        return Instance(parameters, "\n".join(f"{c} {s}" for c, s in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        points, segments = parameters["points"], parameters["segments"]
        point_lines = "\n".join(f"point {i}: {x}" for i, x in enumerate(points))
        segment_lines = "\n".join(f"segment {i}: [{left}, {right}]" for i, (left, right) in enumerate(segments))
        return (
            f"Here are {len(points)} points on a line:\n{point_lines}\n"
            f"and {len(segments)} closed segments (both ends included):\n{segment_lines}\n"
            "Match points with segments: a point may be matched with a segment that contains it, and every point "
            "and every segment may be used in at most one pair. Make as many pairs as possible.\n"
            "Write one line per pair, holding the point index and the segment index separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """A maximum matching (greedy, see `greedy_matching`)."""
        return greedy_matching(parameters["points"], parameters["segments"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = parse_int_rows(answer) if answer.strip() else []
        if any(len(pair) != 2 for pair in pairs):
            raise AnswerFormatError("every line must hold a point index and a segment index")
        points, segments = parameters["points"], parameters["segments"]
        used_points, used_segments = set(), set()
        for c, s in pairs:
            if not (0 <= c < len(points) and 0 <= s < len(segments)):
                return rewards.invalid("an index is out of range")
            if not segments[s][0] <= points[c] <= segments[s][1]:
                return rewards.invalid(f"point {c} is not inside segment {s}")
            if c in used_points or s in used_segments:
                return rewards.invalid("a point or a segment is used twice")
            used_points.add(c)
            used_segments.add(s)
        return rewards.optimality(len(pairs), len(self.solve(parameters)), _BETA, minimize=False)

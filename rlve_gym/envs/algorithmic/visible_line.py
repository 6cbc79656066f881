"""Lines seen from above: which of N lines y = Ax + B form part of the upper envelope."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class VisibleLine(Task):
    """Find every line, among N distinct lines y = A·x + B, that is strictly above all the others for some x (so a
    stretch of it of positive length is seen from y = +∞; a line that only touches the top at one point is hidden).

    The visible lines are the upper envelope: sorted by slope (only the highest line of each slope survives), a
    line is dropped when the line after it meets the line before it no higher than it does (HNOI 2008
    "Horizontal Visible Lines").
    Difficulty: N ← int(1.1·N + 1) from 3; the pairs (A, B) are distinct, uniform in [−N, N]².
    Reward: -1 unparsable or an index outside 0..N−1; otherwise (|answer ∩ visible| / |answer ∪ visible|)^5,
    the answer read as a set.
    Answer: the indices of the visible lines on one line, in any order, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        side = 2 * n + 1
        cells = rng.sample(range(side * side), n)
        parameters = {"lines": [[cell // side - n, cell % side - n] for cell in cells]}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        lines = parameters["lines"]
        listed = "\n".join(f"Line {i}: y = {a}x + {b}" for i, (a, b) in enumerate(lines))
        return (
            f"Here are {len(lines)} lines in the plane:\n{listed}\n"
            "Looking down from y = +∞, a line is visible when some part of it of positive length is on top, that "
            "is, there is an x at which it is strictly higher than every other line (a line that only touches the "
            "top at a single point is not visible).\n"
            "Write the indices of all visible lines on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Indices of the visible lines, increasing."""
        lines = parameters["lines"]
        order = sorted(range(len(lines)), key=lambda i: (lines[i][0], -lines[i][1]))
        hull: list[int] = []
        for index in order:
            slope, intercept = lines[index]
            if hull and lines[hull[-1]][0] == slope:
                continue  # a lower line of an already-seen slope
            while len(hull) >= 2:
                (a1, b1), (a2, b2) = lines[hull[-2]], lines[hull[-1]]
                # the middle line is hidden when the new one overtakes it no later than it overtakes the first:
                # (b1 − b2)/(a2 − a1) ≥ (b2 − b)/(a − a2), cross-multiplied with positive denominators
                if (b1 - b2) * (slope - a2) >= (b2 - intercept) * (a2 - a1):
                    hull.pop()
                else:
                    break
            hull.append(index)
        return sorted(hull)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = set(parse_int_list(answer, allow_empty=True))
        n = len(parameters["lines"])
        if any(not 0 <= i < n for i in chosen):
            return rewards.unparsable(f"line indices must lie in 0..{n - 1}")
        visible = set(self.solve(parameters))
        overlap = len(chosen & visible) / len(chosen | visible)
        return rewards.partial(overlap, _BETA, f"intersection over union {overlap:.3g}")

"""Colour closed segments so that overlapping ones differ, with as few colours as possible."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def colour_segments(segments: list[list[int]]) -> list[int]:
    """An optimal colouring: by increasing left end, reuse the colour of the segment that ended earliest if it
    ended strictly before this one starts, else open a new colour. A new colour is opened only when every open
    colour's segment contains the current left end, so the count equals the deepest overlap, a lower bound."""
    colours = [0] * len(segments)
    ends: list[tuple[int, int]] = []  # (right end, colour) of the latest segment of every colour
    count = 0
    for index in sorted(range(len(segments)), key=lambda i: (segments[i][0], segments[i][1], i)):
        left, right = segments[index]
        if ends and ends[0][0] < left:
            _, colour = heapq.heappop(ends)
        else:
            colour, count = count, count + 1
        colours[index] = colour
        heapq.heappush(ends, (right, colour))
    return colours


class MinimumChromaticNumber_SegmentOverlap(Task):
    """Give each of N closed segments a colour (a non-negative integer) so that segments sharing a point get
    different colours, using as few distinct colours as possible.

    The segments come in a random number of groups, each group from sorted random endpoints in [1, 2N-1] paired
    in order; the optimum (the deepest overlap) is reached by the greedy sweep.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 for the wrong number of colours, a negative colour or two overlapping segments
    with one colour; otherwise (fewest colours / colours used)^5.
    Answer: c[0] … c[N-1] on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"segments": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["segments"]
        groups = rng.randint(2, n)
        cuts = [*sorted(rng.sample(range(1, n + 1), groups - 1)), n]
        sizes = [cuts[0]] + [cuts[i] - cuts[i - 1] for i in range(1, groups)]
        segments = []
        for size in sizes:
            endpoints = sorted(rng.choices(range(1, 2 * n), k=2 * size))
            segments.extend([endpoints[i], endpoints[i + 1]] for i in range(0, 2 * size, 2))
        rng.shuffle(segments)
        colours = colour_segments(segments)
        parameters = {"segments": segments, "optimum": len(set(colours))}
        return Instance(parameters, " ".join(map(str, colours)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        segments = parameters["segments"]
        n = len(segments)
        lines = "\n".join(f"Segment {i}: [{left}, {right}]" for i, (left, right) in enumerate(segments))
        return (
            f"There are {n} closed segments on the x-axis, numbered 0 to {n - 1}:\n{lines}\n"
            f"Give every segment i a colour c[i], a non-negative integer, so that any two segments sharing at least "
            "one point get different colours, using as few distinct colours as possible.\n"
            f"Write c[0], c[1], ..., c[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A colouring with the fewest colours."""
        return colour_segments(parameters["segments"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        colours = parse_int_list(answer)
        segments = parameters["segments"]
        if len(colours) != len(segments) or any(colour < 0 for colour in colours):
            return rewards.invalid(f"expected {len(segments)} non-negative colours")
        for i, (left_i, right_i) in enumerate(segments):
            for j in range(i + 1, len(segments)):
                left_j, right_j = segments[j]
                if colours[i] == colours[j] and max(left_i, left_j) <= min(right_i, right_j):
                    return rewards.invalid(f"segments {i} and {j} overlap and share a colour")
        return rewards.optimality(len(set(colours)), parameters["optimum"], 5.0, minimize=True)

"""Count the colourings of the tallest tower of monochrome layers buildable from A black and B white blocks."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def tallest_tower_colourings(black: int, white: int) -> int:
    """The number of ways to colour layers 1..T (layer i has i blocks, one colour per layer) with at most `black`
    black and `white` white blocks, T being the largest height with T(T+1)/2 ≤ black + white.

    Colourings are the subsets of {1..T} taken black; their sums must lie in [T(T+1)/2 - white, black]
    (subset sums of 1..T cover every value, so T is always reachable). Counted by a subset-sum DP."""
    height = 0
    while (height + 1) * (height + 2) // 2 <= black + white:
        height += 1
    ways = [1] + [0] * black
    for layer in range(1, height + 1):
        for total in range(black, layer - 1, -1):
            ways[total] += ways[total - layer]
    return sum(ways[max(0, height * (height + 1) // 2 - white) :])


class MonochromeBlockCounting(Task):
    """A tower's i-th layer from the top has i blocks, all black or all white. With at most A black and B white
    blocks, build a tower of the largest possible height; count the different colourings of such a tower.

    Difficulty: A and B are uniform in [1, MAX], MAX growing as MAX ← int(1.5·MAX + 1) from 5.
    Reward: -1 unparsable or not positive; otherwise 1 for the exact count and (min/max)^10 of the answer and the
    count for others.
    Answer: one integer, the number of colourings.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_blocks": grown(5, difficulty, factor=1.5)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_blocks"]
        parameters = {"A": rng.randint(1, largest), "B": rng.randint(1, largest)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        black, white = parameters["A"], parameters["B"]
        return (
            "A tower is built from layers: the i-th layer from the top has exactly i blocks, and all blocks of a "
            "layer have the same colour, black or white. The blocks available are: black, "
            f"{black}; white, {white} (not all need to be used). The tower must have the largest number of layers "
            "possible with these blocks.\n"
            "How many different towers (colourings of the layers) of that largest height can be built?\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of colourings."""
        return tallest_tower_colourings(parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)

"""A two-player game on a row of stone piles: take a pile next to an empty one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def first_player_stones(piles: list[int]) -> int:
    """Stones the first player collects under optimal play (the game is zero-sum, so both maximise their margin).

    The known greedy (HNOI 2014, Luogu P3235), cross-checked against exhaustive search in the tests:
    1. Scanning left to right, three consecutive non-empty piles x, y, z with y ≥ x and y ≥ z are merged into one
       pile worth x + z - y (whoever takes x or z first concedes y), which counts as non-empty even when that is
       ≤ 0, and the check repeats with the new pile.
    2. A run touching an end of the row can only be eaten from the inside; while its outermost pile is at least as
       big as the next one, that pair is set aside: taking the inner pile hands over the outer one, so the pair is
       worth (inner - outer) ≤ 0 to whoever must open it, and that happens only when nothing else is left.
    3. The remaining non-empty piles are taken greedily, largest first and alternating, the set-aside pairs last.
    """
    merged: list[int] = []
    stones: list[bool] = []  # a merged pile stays a pile even when its value is zero or negative
    for pile in piles:
        merged.append(pile)
        stones.append(pile > 0)
        while len(merged) >= 3 and all(stones[-3:]) and merged[-2] >= max(merged[-3], merged[-1]):
            right, middle, left = merged.pop(), merged.pop(), merged.pop()
            del stones[-2:]
            merged.append(left + right - middle)
    set_aside = 0
    start, end = 0, len(merged) - 1
    while start + 1 <= end and stones[start] and stones[start + 1] and merged[start] >= merged[start + 1]:
        set_aside += merged[start + 1] - merged[start]
        start += 2
    while end - 1 >= start and stones[end] and stones[end - 1] and merged[end] >= merged[end - 1]:
        set_aside += merged[end - 1] - merged[end]
        end -= 2
    rest = [pile for pile, real in zip(merged[start : end + 1], stones[start : end + 1]) if real]
    order = [*sorted(rest, reverse=True), set_aside]
    margin = sum(value if turn % 2 == 0 else -value for turn, value in enumerate(order))
    return (sum(piles) + margin) // 2


class StoneIntervalsGame(Task):
    """Stones the first player collects in the game "take a non-empty pile next to an empty pile" under optimal play.

    Difficulty: N piles, N growing as N ← int(1.1·N + 1) from 3; piles uniform in [1, 2N], then 1 to N - 2 random
    piles are emptied.
    Reward: -1 unparsable; 1 for the exact number, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        piles = [rng.randint(1, 2 * n) for _ in range(n)]
        for index in rng.sample(range(n), rng.randint(1, n - 2)):
            piles[index] = 0
        return Instance({"A": piles}, str(first_player_stones(piles)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        piles = parameters["A"]
        listing = " ".join(f"A[{i}]={pile}" for i, pile in enumerate(piles))
        return (
            f"There are {len(piles)} piles of stones in a row; pile i holds A[i] stones: {listing}\n"
            "Alice and Bob take turns, Alice first. On a turn, the player chooses a pile that still has stones and "
            "has an empty neighbouring pile (the piles at the two ends of the row have only one neighbour), and "
            "takes all of its stones, leaving it empty. The game ends when every pile is empty. Both play "
            "optimally, each trying to collect as many stones as possible.\n"
            "Write one integer: the number of stones Alice collects."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        return rewards.correct() if value == first_player_stones(parameters["A"]) else rewards.wrong()

"""Blocks: after moving units from items above K to their neighbours, the longest run of items ≥ K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_ATTEMPTS = 200


def longest_run(values: list[int], threshold: int) -> int:
    """The longest subarray whose mean is at least `threshold` (0 if none).

    A segment can be levelled to all ≥ threshold exactly when its sum is ≥ threshold·length (units only flow out of
    items above the threshold, and bringing units in from outside would make the donors part of a longer valid
    segment). With prefix sums P of (value - threshold), this is the widest pair i < j with P[j] ≥ P[i]: keep the
    strictly decreasing prefix minima as left ends and sweep j from the right.
    """
    prefix = [0]
    for value in values:
        prefix.append(prefix[-1] + value - threshold)
    starts = [0]
    for i in range(1, len(prefix)):
        if prefix[i] < prefix[starts[-1]]:
            starts.append(i)
    best = 0
    for j in range(len(prefix) - 1, 0, -1):
        while starts and prefix[j] >= prefix[starts[-1]]:
            best = max(best, j - starts.pop())
    return best


class KloBlocks(Task):
    """Given A[0..N-1] and K, one move takes 1 from an item greater than K and adds it to an adjacent item; what is the
    longest run of consecutive items that are all ≥ K after any number of moves?

    The answer is the longest subarray with mean ≥ K. Instances whose answer is 1 or N are redrawn.
    Difficulty: N ← int(1.1·N + 1) from 3; A[i] uniform in [1, 2N]; K uniform in [min A + 1, max A - 1].
    Reward: -1 unparsable; 1 for the right length, else 0.
    Answer: one integer, the length.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_ATTEMPTS):
            values = [rng.randint(1, 2 * n) for _ in range(n)]
            if min(values) + 1 > max(values) - 1:
                continue
            threshold = rng.randint(min(values) + 1, max(values) - 1)
            length = longest_run(values, threshold)
            if length not in (1, n):
                break
        else:  # practically unreachable; 3 1 1 ... with K = 2 has answer 2
            values, threshold, length = [3] + [1] * (n - 1), 2, 2
        return Instance({"N": n, "A": values, "K": threshold}, str(length))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        threshold = parameters["K"]
        return (
            f"An array A has {parameters['N']} integers: {' '.join(map(str, parameters['A']))}\n"
            f"You may repeat the following move any number of times: pick an item greater than {threshold}, subtract 1 "
            "from it and add 1 to one of its adjacent items (left or right, if it exists).\n"
            f"After your moves, what is the greatest possible length of a contiguous subarray in which every item is "
            f"at least {threshold}?\n"
            "Your answer should be a single integer."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return (
            rewards.correct() if parse_int(answer) == longest_run(parameters["A"], parameters["K"]) else rewards.wrong()
        )

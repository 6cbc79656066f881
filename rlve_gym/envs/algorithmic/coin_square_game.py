"""A take-from-the-left coin game where each move may take up to twice the previous move (USACO "coin game")."""

from __future__ import annotations

import random
from functools import cache
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


class CoinSquareGame(Task):
    """Two players alternately take a positive number of coins from the left end of a row and score their values;
    the first move takes 1 or 2 coins, later moves at most twice the previous move. Find the first player's total
    under optimal play by both.

    Difficulty: N = d + 5 coins, values uniform in [1, 2N].
    Reward: -1 unparsable; 1 for the optimal total, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"C": [rng.randint(1, 2 * n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        coins = parameters["C"]
        values = " ".join(f"C[{i}]={c}" for i, c in enumerate(coins, start=1))
        return (
            f"{len(coins)} coins lie in a row, numbered 1 to {len(coins)} from the left, with values {values}.\n"
            "Alice and Bob take turns, Alice first. A turn removes some positive number of coins from the left end "
            "of the row and adds their values to the mover's score; the game ends when the row is empty.\n"
            "Alice's first turn takes 1 or 2 coins. After a turn that took k coins, the next player may take any "
            "number from 1 to min(2k, coins left).\n"
            "Both play to maximise their own score. What is Alice's final score?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Memoised game value: the mover's best score from coin `start` on when the last move took `last`."""
        coins = parameters["C"]
        n = len(coins)
        suffix = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            suffix[i] = suffix[i + 1] + coins[i]

        @cache
        def best(start: int, last: int) -> int:
            limit = min(2 * last, n - start)
            # whatever the mover does not end up with goes to the opponent, so maximise suffix − opponent's best
            return max((suffix[start] - best(start + take, take) for take in range(1, limit + 1)), default=0)

        return best(0, 1)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

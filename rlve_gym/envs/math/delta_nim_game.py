"""Nim on a non-decreasing array: remove stones from one pile while the array stays non-decreasing
(Luogu P3480)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_PLAYERS = ("Alice", "Bob")


class DeltaNimGame(Task):
    """N piles A[0] ≤ A[1] ≤ … ≤ A[N−1]; a move removes at least one stone from one pile so that the piles stay
    non-decreasing, and a player without a move loses. Alice moves first: who wins with optimal play?

    The gaps C[i] = A[i] − A[i−1] are planted: C[0] uniform in [1, N], the middle ones in [0, N], and the last
    one chosen so that the winner is a fair coin flip.
    Difficulty: N = d + 2 piles.
    Reward: -1 unparsable; -0.5 for a word other than Alice or Bob; 1 for the winner, else 0.
    Answer: one word, Alice or Bob.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        alice_wins = rng.random() < 0.5
        gaps = [rng.randint(1, n)] + [rng.randint(0, n) for _ in range(n - 1)]
        # only the gaps at positions of the last one's parity decide; fix the last to hit the coin flip
        others = 0
        for i in range(n - 3, -1, -2):
            others ^= gaps[i]
        if alice_wins:
            gaps[-1] = rng.choice([c for c in range(n + 1) if c != others])
        else:
            gaps[-1] = others
        piles, total = [], 0
        for gap in gaps:
            total += gap
            piles.append(total)
        parameters = {"A": piles}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        piles = parameters["A"]
        n = len(piles)
        values = " ".join(f"A[{i}]={a}" for i, a in enumerate(piles))
        return (
            f"Alice and Bob play with {n} piles of stones; pile i (0 ≤ i < {n}) holds A[i] stones: {values}\n"
            "They alternate turns, Alice first. A turn removes at least one stone from a single pile, and afterwards "
            f"the piles must still satisfy A[i] ≤ A[i + 1] for every 0 ≤ i < {n - 1}. A player who has no legal "
            "move loses.\n"
            "Who wins if both play optimally? Answer with one word: Alice or Bob."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """Staircase nim on the gaps: taking k stones from pile i moves k from gap i to gap i + 1 (off the end for
        the last pile), so the game is nim on the gaps whose distance to the end is even."""
        piles = parameters["A"]
        gaps = [b - a for a, b in zip([0, *piles[:-1]], piles)]
        nim_sum = 0
        for i in range(len(gaps) - 1, -1, -2):
            nim_sum ^= gaps[i]
        return "Alice" if nim_sum else "Bob"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            named = parse_choice(answer, _PLAYERS)
        except AnswerFormatError:
            return rewards.invalid("the answer must be Alice or Bob")
        return rewards.correct() if named == self.solve(parameters) else rewards.wrong()

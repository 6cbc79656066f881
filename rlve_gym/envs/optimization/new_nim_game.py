"""Nim with a heap-removal opening: remove heaps of least total size so that the opponent cannot win."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.numbers import xor_basis_insert

UNSUCCESSFUL = -0.2
"""Reward for a valid removal after which the opponent can still win (RLVE's `unsuccessful_solution`)."""
NOTHING = "none"
"""The answer meaning "remove no heap" (an empty answer cannot be told apart from a missing one)."""
_SIZE_RANGE = 2  # heap sizes are uniform in [1, 2·N]


def heaps_to_remove(sizes: list[int]) -> list[int]:
    """The 0-based heaps to remove, of least total size, so that no non-empty set of the rest XORs to 0.

    After the first round, ordinary Nim is played with the first player to move, who loses exactly when the heaps
    XOR to 0; the opponent, removing heaps second, wins iff some non-empty subset of what is left XORs to 0. So
    the kept heaps must be linearly independent over GF(2); the independent sets form a matroid, and keeping
    greedily from the largest heap down keeps the most matches."""
    basis: dict[int, int] = {}
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i], i))
    return sorted(i for i in order if not xor_basis_insert(basis, sizes[i]))


def is_independent(values: list[int]) -> bool:
    """True iff no non-empty subset of `values` XORs to 0."""
    basis: dict[int, int] = {}
    return all(xor_basis_insert(basis, value) for value in values)


class NewNimGame(Task):
    """N heaps of matches. In the first round the first player removes any heaps (not all), then the second player
    removes any heaps (not all that remain); from then on ordinary Nim is played, the first player moving first
    and whoever takes the last match winning. Find the heaps to remove first so that the first player surely
    wins, removing as few matches as possible.

    Heap sizes are uniform in [1, 2N]; the optimum is exact (keep a maximum-weight GF(2)-independent set).
    Difficulty: N = d + 3.
    Reward: -1 unparsable; -0.5 for a repeated or out-of-range heap, or removing every heap; -0.2 if the
    opponent can still win; otherwise (fewest matches / matches removed)^3 (1 when both are 0).
    Answer: the 1-based indices of the heaps to remove, on one line separated by spaces, or none.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"heaps": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["heaps"]
        sizes = [rng.randint(1, _SIZE_RANGE * n) for _ in range(n)]
        removed = heaps_to_remove(sizes)
        parameters = {"A": sizes, "optimum": sum(sizes[i] for i in removed)}
        return Instance(parameters, " ".join(str(i + 1) for i in removed) or NOTHING)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        sizes = parameters["A"]
        listing = ", ".join(f"heap {i} has {size}" for i, size in enumerate(sizes, start=1))
        return (
            f"A game is played with {len(sizes)} heaps of matches (numbered from 1): {listing}.\n"
            "First round: you (the first player) remove any number of whole heaps, possibly none but not all of "
            "them; then your opponent removes any number of the remaining heaps, possibly none but not all of "
            "them.\n"
            "From then on ordinary Nim is played, starting with you: a move takes any positive number of matches "
            "from a single heap, and whoever takes the last match wins. Both play optimally.\n"
            "Choose the heaps to remove in your first move so that you are sure to win, removing as few matches in "
            "total as possible.\n"
            f"Write the numbers of the heaps you remove on one line, separated by spaces; write {NOTHING} if you "
            "remove no heap."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The 0-based heaps to remove."""
        return heaps_to_remove(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sizes = parameters["A"]
        removed = [] if answer.strip().lower() == NOTHING else parse_int_list(answer)
        if len(set(removed)) != len(removed) or any(not 1 <= i <= len(sizes) for i in removed):
            return rewards.invalid("heap numbers must be distinct and in range")
        if len(removed) == len(sizes):
            return rewards.invalid("not every heap may be removed")
        gone = {i - 1 for i in removed}
        if not is_independent([size for i, size in enumerate(sizes) if i not in gone]):
            return rewards.wrong("the opponent can leave heaps that XOR to 0", reward=UNSUCCESSFUL)
        matches = sum(sizes[i] for i in gone)
        return rewards.optimality(matches, parameters["optimum"], 3.0, minimize=True)

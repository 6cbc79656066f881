"""Non-empty subsets of strings in which no string is a prefix of another."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_DRAWS = 64


def prefix_free_subsets(strings: list[str]) -> int:
    """Non-empty subsets of distinct `strings` with no member a prefix of another.

    In the trie of the strings, a subset is prefix-free when no chosen string lies below another chosen one. For
    each trie node, free(node) = product of free(child) over its children, plus 1 more when the node is itself a
    string (take it alone, nothing below it); the empty subset is then removed at the root.
    """
    members = set(strings)
    children: dict[str, list[str]] = {}
    nodes = {""} | {text[:k] for text in strings for k in range(1, len(text) + 1)}
    for node in sorted(nodes, key=lambda text: (-len(text), text)):
        if node:
            children.setdefault(node[:-1], []).append(node)
    free: dict[str, int] = {}
    for node in sorted(nodes, key=lambda text: (-len(text), text)):
        below = 1
        for child in children.get(node, []):
            below *= free[child]
        free[node] = below + (node in members)
    return free[""] - 1


def _fresh_string(rng: random.Random, n: int, taken: list[str]) -> str:
    """A random string over {a, b} with length uniform in [2, n], not in `taken` (fewer than n strings)."""
    for _ in range(_DRAWS):
        text = "".join(rng.choices("ab", k=rng.randint(2, n)))
        if text not in taken:
            return text
    # at least 2^(n+1) − 4 ≥ 3n candidates exist, so a draw fails with probability below 1/3; never reached in
    # practice, this keeps the loop bounded
    return next(
        text
        for length in range(2, n + 1)
        for text in ("".join(bits) for bits in itertools.product("ab", repeat=length))
        if text not in taken
    )


class ZeroPrefixSubsetCounting(Task):
    """Given N distinct strings over {a, b}, count the non-empty subsets in which no string is a prefix of another
    string of the subset.

    Difficulty: N = d + 3. A share q uniform in [0.1, 0.9] sets M = N − ⌊q·N⌋ random strings (lengths uniform in
    [2, N]); the other N − M are random proper prefixes of them; the whole draw is repeated until all N strings
    differ (after 64 tries, missing strings are filled with fresh random ones).
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_DRAWS):
            strings = self._draw(rng, n)
            if len(set(strings)) == n:
                break
        else:  # duplicate prefixes are dropped and replaced by new distinct strings
            strings = list(dict.fromkeys(strings))
            while len(strings) < n:
                strings.append(_fresh_string(rng, n, strings))
        rng.shuffle(strings)
        parameters = {"strings": strings}
        return Instance(parameters, str(self.solve(parameters)))

    @staticmethod
    def _draw(rng: random.Random, n: int) -> list[str]:
        full = n - int(n * rng.uniform(0.1, 0.9))
        strings: list[str] = []
        while len(strings) < full:
            strings.append(_fresh_string(rng, n, strings))
        for _ in range(n - full):
            source = rng.choice(strings[:full])
            strings.append(source[: rng.randint(1, len(source) - 1)])
        return strings

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        strings = parameters["strings"]
        listed = "\n".join(f"String {i}: {text}" for i, text in enumerate(strings, start=1))
        return (
            f"Here are {len(strings)} strings:\n{listed}\n"
            "How many non-empty subsets of these strings have the property that no string in the subset is a "
            "prefix of another string in the subset?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Trie product formula (see `prefix_free_subsets`)."""
        return prefix_free_subsets(parameters["strings"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

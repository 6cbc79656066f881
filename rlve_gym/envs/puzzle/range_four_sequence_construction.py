"""A sequence over {0, 1, 2, 3} with restricted neighbours in which given groups of positions differ."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_NEIGHBOURS = {0: (1, 3), 1: (0, 2), 2: (1,), 3: (0,)}
"""The only allowed adjacent pairs: 01, 10, 03, 30, 12, 21."""


class RangeFourSequenceConstruction(Task):
    """Find a sequence of N values in {0, 1, 2, 3} whose adjacent pairs are all among 01, 10, 03, 30, 12, 21, such
    that in each given group of 2 to 4 positions the values are pairwise different.

    A hidden sequence is planted (each value drawn from random weights, restricted to the allowed neighbours of
    the previous one); the groups are a uniform random sample of the position tuples that hold distinct values
    in it, so the planted sequence satisfies all of them.
    Difficulty: N = 3 + d; value weights uniform in [1, N]; the number of groups is uniform in [1, min(2N, all
    such tuples)].
    Reward: -1 unparsable; -0.5 for a wrong length, a value outside 0..3 or a forbidden adjacent pair; otherwise
    (groups with distinct values / groups)^5.
    Answer: the N values on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        weights = [rng.randint(1, n) for _ in range(4)]
        hidden = [rng.choices(range(4), weights=weights)[0]]
        for _ in range(n - 1):
            allowed = _NEIGHBOURS[hidden[-1]]
            hidden.append(rng.choices(allowed, weights=[weights[v] for v in allowed])[0])
        positions = [[i + 1 for i, v in enumerate(hidden) if v == value] for value in range(4)]
        blocks = [
            [positions[value] for value in values]
            for size in (2, 3, 4)
            for values in itertools.combinations(range(4), size)
        ]
        sizes = [math.prod(len(p) for p in block) for block in blocks]
        total = sum(sizes)
        groups = []
        for index in rng.sample(range(total), rng.randint(1, min(2 * n, total))):
            block = 0
            while index >= sizes[block]:
                index -= sizes[block]
                block += 1
            group = []
            for choices in reversed(blocks[block]):  # mixed-radix decoding of the index within the block
                index, digit = divmod(index, len(choices))
                group.append(choices[digit])
            rng.shuffle(group)
            groups.append(group)
        return Instance({"N": n, "groups": groups}, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, groups = parameters["N"], parameters["groups"]
        listing = "\n".join(f"group {i}: ({', '.join(map(str, group))})" for i, group in enumerate(groups, start=1))
        return (
            f"Find a sequence of {n} integers, each 0, 1, 2 or 3, in which every two adjacent entries form one of "
            "the pairs 01, 10, 03, 30, 12, 21 (so 00, 11, 22, 33, 02, 20, 13, 31, 23 and 32 never appear next to "
            f"each other). Positions are numbered 1 to {n} from left to right, and for each of the following groups "
            f"of positions, the entries at those positions must be pairwise different:\n{listing}\n"
            f"Write the {n} entries in order on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sequence = parse_int_list(answer)
        if len(sequence) != parameters["N"] or any(v not in _NEIGHBOURS for v in sequence):
            return rewards.invalid(f"expected {parameters['N']} values from 0, 1, 2, 3")
        if any(b not in _NEIGHBOURS[a] for a, b in itertools.pairwise(sequence)):
            return rewards.invalid("a forbidden pair of adjacent values")
        groups = parameters["groups"]
        kept = sum(len({sequence[p - 1] for p in group}) == len(group) for group in groups)
        return rewards.partial(kept / len(groups), _BETA, f"{kept}/{len(groups)} groups have distinct values")

"""Exact cover: pick sets that cover every item exactly once."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


class SetCover(Task):
    """Given M subsets of the items 0..N-1, select some of them so that every item lies in exactly one selected set.

    As in RLVE-Gym, this is exact cover (a feasibility problem), not minimum set cover. A random partition of the
    items into between 2 and M-1 parts (empty parts dropped) is planted among random extra sets (each holding
    each item with its own probability, drawn uniformly in [0, 1]; empty ones dropped); the sets are shuffled.
    Any exact cover is accepted.
    Difficulty: N = d + 3; M is drawn in [3, 2N] before empty sets are dropped.
    Reward: -1 unparsable; -0.5 for an index out of range or two selected sets sharing an item; else
    (items covered / N)^10. A repeated index counts once.
    Answer: the indices of the selected sets on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"items": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["items"]
        set_count = rng.randint(3, 2 * n)
        parts = rng.randint(2, set_count - 1)
        planted: list[list[int]] = [[] for _ in range(parts)]
        for item in range(n):
            planted[rng.randrange(parts)].append(item)
        extra = []
        for _ in range(set_count - parts):
            probability = rng.random()
            extra.append([item for item in range(n) if rng.random() < probability])
        tagged = [(items, True) for items in planted if items] + [(items, False) for items in extra if items]
        rng.shuffle(tagged)
        reference = [str(index) for index, (_, is_planted) in enumerate(tagged) if is_planted]
        return Instance({"N": n, "sets": [items for items, _ in tagged]}, " ".join(reference))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, sets = parameters["N"], parameters["sets"]
        lines = "\n".join(f"set {index}: {' '.join(map(str, items))}" for index, items in enumerate(sets))
        return (
            f"There are {n} items, numbered 0 to {n - 1}, and {len(sets)} sets of items, numbered 0 to "
            f"{len(sets) - 1}:\n{lines}\n"
            "Select some of the sets so that every item belongs to exactly one selected set.\n"
            "Write the numbers of the selected sets on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        selected = set(parse_int_list(answer, allow_empty=True))
        sets = parameters["sets"]
        covered: set[int] = set()
        for index in sorted(selected):
            if not 0 <= index < len(sets):
                return rewards.invalid(f"there is no set {index}")
            if covered.intersection(sets[index]):
                return rewards.invalid("two selected sets share an item")
            covered.update(sets[index])
        n = parameters["N"]
        return rewards.partial(len(covered) / n, 10.0, f"{len(covered)}/{n} items covered")

"""Pick exactly K pairwise non-adjacent array entries with the largest sum."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class Max_NonAdjacent_KElementSum(Task):
    """Select exactly K indices of an array of N positive integers, no two of them consecutive, maximising the
    sum of the selected entries.

    Difficulty: N ← int(1.1·N + 1) from 4; K uniform in [2, N/2]; entries uniform in [1, N].
    Reward: -1 unparsable; -0.5 unless the answer is K distinct, pairwise non-adjacent indices in range;
    otherwise (selected sum / maximum sum)^5.
    Answer: the K selected indices (0-based) on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        count = rng.randint(2, n // 2)
        parameters: dict[str, Any] = {"A": [rng.randint(1, n) for _ in range(n)], "K": count}
        chosen = self.solve(parameters)
        parameters["best"] = sum(parameters["A"][i] for i in chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, count = parameters["A"], parameters["K"]
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"An array A of {len(values)} positive integers is indexed from 0:\n{listing}\n"
            f"Select exactly {count} indices, no two of them adjacent (never both i and i + 1), so that the sum "
            "of the selected entries is as large as possible.\n"
            f"Write the {count} selected indices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal indices by the DP best[j][k] = max(best[j-1][k], A[j-1] + best[j-2][k-1]) over prefixes of
        length j (None where k picks do not fit), walked back to recover the picks."""
        values, count = parameters["A"], parameters["K"]
        empty = [0] + [None] * count
        best = [empty]
        for i, value in enumerate(values):
            two_back = best[i - 1] if i >= 1 else empty
            row = list(best[i])
            for k in range(1, count + 1):
                if two_back[k - 1] is not None and (row[k] is None or two_back[k - 1] + value > row[k]):
                    row[k] = two_back[k - 1] + value
            best.append(row)
        chosen, j, k = [], len(values), count
        while k:
            if best[j][k] == best[j - 1][k]:
                j -= 1
            else:
                chosen.append(j - 1)
                j, k = j - 2, k - 1
        return sorted(chosen)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = sorted(parse_int_list(answer))
        values, count = parameters["A"], parameters["K"]
        if len(indices) != count or any(not 0 <= i < len(values) for i in indices):
            return rewards.invalid(f"expected {count} indices in [0, {len(values)})")
        if any(b - a < 2 for a, b in itertools.pairwise(indices)):
            return rewards.invalid("selected indices must be distinct and not adjacent")
        total = sum(values[i] for i in indices)
        return rewards.optimality(total, parameters["best"], _BETA, minimize=False)

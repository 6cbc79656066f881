"""Place a point on a line minimising the sum, over groups of points, of the squared distance to the group's nearest
point."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def scaled_cost(scaled_x: int, groups: list[list[int]]) -> int:
    """N² times the cost of X = scaled_x / N (N = number of groups): Σ_groups min_x (scaled_x - N·x)²."""
    n = len(groups)
    return sum(min((scaled_x - n * x) ** 2 for x in group) for group in groups)


def best_scaled_point(groups: list[list[int]]) -> int:
    """An optimal X' (X = X'/N is optimal).

    For a fixed choice of one point per group, Σ (X - x)² is minimised at the mean, with value O - E²/N
    (E = Σ x, O = Σ x²), so X' = E. The true cost is the minimum over choices, and as X sweeps left to right the
    nearest point of a group moves from one point to the next at their midpoint. Sweeping the midpoints in order
    visits every choice that is nearest for some X (the optimal X among them) and no choice cheaper than the
    optimum, so the best of these choices is optimal."""
    n = len(groups)
    firsts = [min(group) for group in groups]
    total, total_square = sum(firsts), sum(x * x for x in firsts)
    switches = []
    for group in groups:
        points = sorted(set(group))
        switches.extend(itertools.pairwise(points))
    switches.sort(key=lambda pair: pair[0] + pair[1])
    best_value, best_total = n * total_square - total * total, total
    for old, new in switches:
        total += new - old
        total_square += new * new - old * old
        value = n * total_square - total * total
        if value < best_value:
            best_value, best_total = value, total
    return best_total


class MinSumDistanceSquare(Task):
    """N groups of points lie on the x-axis; choose X minimising Σ_i (distance from X to the nearest point of group
    i)². Some optimal X is a multiple of 1/N; the answer is X' = N·X.

    M coordinates uniform in [-M, M] are dealt into N groups (N uniform in [2, M]), every group non-empty.
    Difficulty: M grows as M ← int(1.1·M + 1) from 2.
    Reward: -1 unparsable; otherwise (optimal cost / cost of X'/N)^5 (1 when both are 0).
    Answer: one integer X'.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"points": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        m = self.ladder(difficulty)["points"]
        coordinates = [rng.randint(-m, m) for _ in range(m)]
        n = rng.randint(2, m)
        owners = list(range(n)) + [rng.randrange(n) for _ in range(m - n)]
        rng.shuffle(owners)
        groups: list[list[int]] = [[] for _ in range(n)]
        for coordinate, owner in zip(coordinates, owners):
            groups[owner].append(coordinate)
        scaled_x = best_scaled_point(groups)
        parameters = {"groups": groups, "optimum": scaled_cost(scaled_x, groups)}
        return Instance(parameters, str(scaled_x))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        groups = parameters["groups"]
        n = len(groups)
        lines = "\n".join(f"Group {i}: {' '.join(map(str, group))}" for i, group in enumerate(groups))
        return (
            f"There are {n} groups of points on the x-axis, given by their coordinates:\n{lines}\n"
            f"Choose a point X on the x-axis. For each group i (0 ≤ i < {n}), cost[i] is the square of the distance "
            "from X to the nearest point of group i. Minimise the total cost cost[0] + ... + "
            f"cost[{n - 1}].\n"
            f"Some optimal X can be written as X = X' / {n} with X' an integer. Give such an integer X'."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """An optimal X' (= N·X)."""
        return best_scaled_point(parameters["groups"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        cost = scaled_cost(parse_int(answer), parameters["groups"])
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)

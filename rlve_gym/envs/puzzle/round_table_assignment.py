"""Round table (an assignment of groups to tables): no two members of a group share a table, no table overflows."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class RoundTableAssignment(Task):
    """M groups (group i has R[i] people) sit at N tables (table j seats C[j]); give each person a table so that no
    table holds two people of the same group and no table holds more than its capacity.

    A hidden seating is planted: each group picks R[i] distinct tables out of V, unused tables are dropped, and
    each remaining table's capacity is exactly its number of guests.
    Difficulty: the bound V ← int(1.1·V + 1) from 3; M and every R[i] uniform in [2, V].
    Reward: -1 unparsable; -0.5 unless there are M lines, line i holding R[i] distinct table numbers in
    [0, N); otherwise (tables within capacity / N)^5.
    Answer: M lines; line i lists the tables of the R[i] people of group i, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_N_M"]
        groups = rng.randint(2, bound)
        sizes = [rng.randint(2, bound) for _ in range(groups)]
        seating = [rng.sample(range(bound), size) for size in sizes]
        used = sorted({table for tables in seating for table in tables})
        renumber = {table: index for index, table in enumerate(used)}
        seating = [sorted(renumber[table] for table in tables) for tables in seating]
        capacity = [0] * len(used)
        for tables in seating:
            for table in tables:
                capacity[table] += 1
        parameters = {"R": sizes, "C": capacity}
        return Instance(parameters, "\n".join(" ".join(map(str, tables)) for tables in seating))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        sizes, capacity = parameters["R"], parameters["C"]
        return (
            f"There are {len(sizes)} groups of people and {len(capacity)} tables.\n"
            f"Group i has R[i] people: {' '.join(f'R[{i}]={r}' for i, r in enumerate(sizes))}\n"
            f"Table j seats at most C[j] people: {' '.join(f'C[{j}]={c}' for j, c in enumerate(capacity))}\n"
            "Assign every person to a table so that no table holds two people from the same group and no table "
            "holds more people than it seats.\n"
            f"Write {len(sizes)} lines; line i (starting from i = 0) lists the table numbers of the R[i] people of "
            "group i, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        sizes, capacity = parameters["R"], parameters["C"]
        rows = parse_int_rows(answer)
        if len(rows) != len(sizes):
            return rewards.invalid(f"expected {len(sizes)} lines")
        seated = [0] * len(capacity)
        for row, size in zip(rows, sizes):
            if len(row) != size or len(set(row)) != size or any(not 0 <= t < len(capacity) for t in row):
                return rewards.invalid("each line needs R[i] distinct table numbers in range")
            for table in row:
                seated[table] += 1
        kept = sum(count <= seats for count, seats in zip(seated, capacity))
        return rewards.partial(kept / len(capacity), _BETA, f"{kept}/{len(capacity)} tables within capacity")

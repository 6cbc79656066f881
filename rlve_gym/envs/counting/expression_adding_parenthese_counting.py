"""How many different values can an expression take under all ways of adding parentheses?"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_OPERATORS = ("+", "-", "*")


@lru_cache(maxsize=256)
def count_bracketing_values(operands: tuple[int, ...], operators: tuple[str, ...]) -> int:
    """Interval DP over the sets of values of every contiguous sub-expression (the last operator applied splits
    the interval in two)."""
    n = len(operands)
    values: dict[tuple[int, int], set[int]] = {(i, i): {a} for i, a in enumerate(operands)}
    for length in range(2, n + 1):
        for left in range(n - length + 1):
            right = left + length - 1
            found: set[int] = set()
            for split in range(left, right):
                low, high, operator = values[left, split], values[split + 1, right], operators[split]
                if operator == "+":
                    found.update(a + b for a in low for b in high)
                elif operator == "-":
                    found.update(a - b for a in low for b in high)
                else:
                    found.update(a * b for a in low for b in high)
            values[left, right] = found
    return len(values[0, n - 1])


class Expression_AddingParenthese_Counting(Task):
    """An expression a1 o1 a2 o2 … aN with operators from {+, -, *}: count the distinct values obtainable by
    inserting parentheses (every full bracketing; operands and operators keep their order).

    Difficulty: N = 3 + d operands, uniform in [1, N²]; operators uniform. The count can grow like the Catalan
    numbers, so generation cost grows exponentially with d (about 0.1 s at d = 10).
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"operands": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["operands"]
        parameters = {
            "operands": [rng.randint(1, n * n) for _ in range(n)],
            "operators": [rng.choice(_OPERATORS) for _ in range(n - 1)],
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        operands, operators = parameters["operands"], parameters["operators"]
        expression = " ".join(f"{o} {a}" for o, a in zip(operators, operands[1:]))
        return (
            f"Consider the expression {operands[0]} {expression}\n"
            "Parentheses may be inserted into it in any way that fixes an order of evaluation, but the numbers "
            "and operators must stay in their order (nothing is moved, removed or added); * is multiplication.\n"
            "How many different values can the expression take over all such ways?\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count, by `count_bracketing_values` (memoised: a group of rollouts re-verifies one problem)."""
        return count_bracketing_values(tuple(parameters["operands"]), tuple(parameters["operators"]))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)

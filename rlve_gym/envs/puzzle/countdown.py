"""Countdown numbers game: reach a target with + - * / using each number once."""

from __future__ import annotations

import random
import re
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_MAX_OPERANDS = (8, 16, 24, 32, 40, 48)
_TOKEN = re.compile(r"\s*(?:(\d+)|([-+*/()]))")
_TRAILING_EQUALS = re.compile(r"\s*=\s*-?\d+\s*$")
_MAX_TOKENS = 400


class _Arithmetic:
    """Exact evaluation of + - * / with parentheses over non-negative integer literals (no unary operators)."""

    def __init__(self, text: str) -> None:
        self.tokens: list[str] = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or len(self.tokens) >= _MAX_TOKENS:
                raise AnswerFormatError("expected an arithmetic expression of numbers, + - * / and parentheses")
            token = match.group(1) or match.group(2)
            if match.group(1) and len(token) > 12:
                raise AnswerFormatError("number too long")
            self.tokens.append(token)
            position = match.end()
        self.index = 0
        self.numbers: list[int] = []
        self.divided_by_zero = False

    def evaluate(self) -> Fraction:
        value = self.expression(0)
        if self.index != len(self.tokens):
            raise AnswerFormatError("malformed expression")
        return value

    def next(self) -> str | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def expression(self, depth: int) -> Fraction:
        if depth > 100:
            raise AnswerFormatError("expression nested too deeply")
        value = self.term(depth)
        while self.next() in ("+", "-"):
            operator = self.tokens[self.index]
            self.index += 1
            right = self.term(depth)
            value = value + right if operator == "+" else value - right
        return value

    def term(self, depth: int) -> Fraction:
        value = self.atom(depth)
        while self.next() in ("*", "/"):
            operator = self.tokens[self.index]
            self.index += 1
            right = self.atom(depth)
            if operator == "*":
                value *= right
            elif right == 0:
                self.divided_by_zero = True
            else:
                value /= right
        return value

    def atom(self, depth: int) -> Fraction:
        token = self.next()
        self.index += 1
        if token is None:
            raise AnswerFormatError("malformed expression")
        if token.isdigit():
            self.numbers.append(int(token))
            return Fraction(int(token))
        if token == "(":
            value = self.expression(depth + 1)
            if self.next() != ")":
                raise AnswerFormatError("unbalanced parentheses")
            self.index += 1
            return value
        raise AnswerFormatError(f"unexpected {token!r}")


def evaluate_countdown(expression: str) -> tuple[Fraction | None, list[int]]:
    """(exact value or None on division by zero, the numbers used) of an answer expression."""
    parser = _Arithmetic(_TRAILING_EQUALS.sub("", expression))
    value = parser.evaluate()
    return (None if parser.divided_by_zero else value), parser.numbers


def checked_countdown_value(answer: str, numbers: list[int]) -> Fraction | Verdict:
    """The exact value of an answer expression, or the invalid-solution verdict when it does not use each given
    number exactly once or divides by zero (raises AnswerFormatError when it is not an expression)."""
    value, used = evaluate_countdown(answer)
    if sorted(used) != sorted(numbers):
        return rewards.invalid("the expression must use each given number exactly once")
    if value is None:
        return rewards.invalid("division by zero")
    return value


class CountdownEqual(Task):
    """Combine all given numbers with + - * / and parentheses to hit a target exactly.

    A solution is planted: numbers are combined pairwise with operations that keep every intermediate value a
    non-negative integer no larger than the target bound, and the final value is the target.
    Difficulty: K = d + 3 numbers, each in [1, B] with B drawn from {8, 16, 24, 32, 40, 48}; target ≤ 10·B.
    Reward: -1 unparsable; -0.5 if the numbers used are not exactly the given ones or it divides by zero; 1 if the
    expression equals the target, else 0.
    Answer: one arithmetic expression using each given number exactly once (no unary minus).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"numbers": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        count = self.ladder(difficulty)["numbers"]
        bound = rng.choice(_MAX_OPERANDS)
        limit = 10 * bound
        numbers = [rng.randint(1, bound) for _ in range(count)]
        pool = [(value, str(value)) for value in numbers]
        while len(pool) > 1:
            (a, text_a), (b, text_b) = (pool.pop(rng.randrange(len(pool))) for _ in range(2))
            options = [(a + b, f"{text_a} + {text_b}"), (a * b, f"{text_a} * {text_b}")]
            options.append((a - b, f"{text_a} - {text_b}") if a >= b else (b - a, f"{text_b} - {text_a}"))
            if b and a % b == 0:
                options.append((a // b, f"{text_a} / {text_b}"))
            if a and b % a == 0:
                options.append((b // a, f"{text_b} / {text_a}"))
            options = [(value, text) for value, text in options if value <= limit]
            value, text = rng.choice(options)  # the difference is always ≤ limit, so options is never empty
            pool.append((value, f"({text})" if len(pool) else text))
        target, expression = pool[0]
        rng.shuffle(numbers)
        parameters = {"numbers": numbers, "target": target}
        return Instance(parameters, expression)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Numbers: {' '.join(map(str, parameters['numbers']))}\nTarget: {parameters['target']}\n"
            "Write an arithmetic expression that equals the target exactly, using every number above exactly once "
            "and only + - * / and parentheses (no other numbers, no unary minus). Division is exact (fractions "
            "are allowed along the way).\n"
            "Write only the expression."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = checked_countdown_value(answer, parameters["numbers"])
        if isinstance(value, Verdict):
            return value
        if value == parameters["target"]:
            return rewards.correct()
        return rewards.wrong(f"the expression equals {value}, not {parameters['target']}")

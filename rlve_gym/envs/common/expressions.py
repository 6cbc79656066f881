"""A small, safe parser from answer text to SymPy expressions (nothing is evaluated as Python).

Grammar (one variable, `x` by default)::

    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := ("+" | "-") unary | power
    power  := atom (("^" | "**") unary)?          # right-associative
    atom   := number | name | function "(" expr ")" | "(" expr ")"

Names: the variable, ``pi``, ``E`` / ``e``; functions: sin, cos, tan, exp, log / ln, sqrt, asin, acos, atan,
sinh, cosh, tanh, Abs / abs. Multiplication must be explicit. Input size, nesting depth, literal sizes and
constant exponents are bounded so that a hostile answer cannot make parsing or evaluation explode.
"""

from __future__ import annotations

import cmath
import math
import random
import re
from collections.abc import Callable

import sympy

from rlve_gym.core.errors import AnswerFormatError

MAX_TOKENS = 2000
MAX_DEPTH = 60
MAX_LITERAL_DIGITS = 30
MAX_CONSTANT_EXPONENT = 64

_TOKEN = re.compile(r"\s*(?:(\d+\.\d*|\.\d+|\d+)|([A-Za-z_][A-Za-z_0-9]*)|(\*\*|[-+*/^()]))")
_FUNCTIONS = {
    "sin": sympy.sin,
    "cos": sympy.cos,
    "tan": sympy.tan,
    "exp": sympy.exp,
    "log": sympy.log,
    "ln": sympy.log,
    "sqrt": sympy.sqrt,
    "asin": sympy.asin,
    "acos": sympy.acos,
    "atan": sympy.atan,
    "sinh": sympy.sinh,
    "cosh": sympy.cosh,
    "tanh": sympy.tanh,
    "Abs": sympy.Abs,
    "abs": sympy.Abs,
}
_CONSTANTS = {"pi": sympy.pi, "E": sympy.E, "e": sympy.E}


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise AnswerFormatError(f"unexpected character {text[position : position + 1]!r} in expression")
        number, name, operator = match.groups()
        if number is not None:
            if len(number) > MAX_LITERAL_DIGITS:
                raise AnswerFormatError("number literal too long")
            tokens.append(("number", number))
        elif name is not None:
            tokens.append(("name", name))
        else:
            tokens.append(("op", "**" if operator == "^" else operator))
        position = match.end()
        if len(tokens) > MAX_TOKENS:
            raise AnswerFormatError("expression too long")
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], variable: sympy.Symbol) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.variable = variable

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            expected = f"{value!r}" if value else "more input"
            raise AnswerFormatError(f"malformed expression: expected {expected}")
        self.index += 1
        return token

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise AnswerFormatError("expression nested too deeply")

    def expression(self) -> sympy.Expr:
        self.enter()
        value = self.term()
        while (token := self.peek()) and token[1] in "+-" and token[0] == "op":
            self.take()
            right = self.term()
            value = value + right if token[1] == "+" else value - right
        self.depth -= 1
        return value

    def term(self) -> sympy.Expr:
        value = self.unary()
        while (token := self.peek()) and token[0] == "op" and token[1] in ("*", "/"):
            self.take()
            right = self.unary()
            if token[1] == "*":
                value = value * right
            else:
                if right == 0:
                    raise AnswerFormatError("division by zero")
                value = value / right
        return value

    def unary(self) -> sympy.Expr:
        token = self.peek()
        if token and token[0] == "op" and token[1] in ("+", "-"):
            self.take()
            self.enter()
            operand = self.unary()
            self.depth -= 1
            return operand if token[1] == "+" else -operand
        return self.power()

    def power(self) -> sympy.Expr:
        base = self.atom()
        token = self.peek()
        if token and token == ("op", "**"):
            self.take()
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            if exponent.is_number and (not exponent.is_finite or abs(float(exponent)) > MAX_CONSTANT_EXPONENT):
                raise AnswerFormatError(f"constant exponent larger than {MAX_CONSTANT_EXPONENT}")
            # numeric powers stay unevaluated so towers like 9^64^64 cannot allocate huge integers
            return sympy.Pow(base, exponent, evaluate=not (base.is_number and exponent.is_number))
        return base

    def atom(self) -> sympy.Expr:
        kind, value = self.take()
        if kind == "number":
            return sympy.Rational(value) if "." in value else sympy.Integer(value)
        if kind == "name":
            if value in _FUNCTIONS:
                self.take("(")
                argument = self.expression()
                self.take(")")
                return _FUNCTIONS[value](argument)
            if value == self.variable.name:
                return self.variable
            if value in _CONSTANTS:
                return _CONSTANTS[value]
            raise AnswerFormatError(f"unknown name {value!r} in expression")
        if value == "(":
            inner = self.expression()
            self.take(")")
            return inner
        raise AnswerFormatError(f"unexpected {value!r} in expression")


def parse_expression(text: str, variable: str = "x") -> sympy.Expr:
    """Parse `text` into a SymPy expression in `variable` (raises AnswerFormatError on anything else)."""
    tokens = _tokenize(text)
    if not tokens:
        raise AnswerFormatError("empty expression")
    parser = _Parser(tokens, sympy.Symbol(variable))
    try:
        result = parser.expression()
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, RecursionError) as exc:
        raise AnswerFormatError(f"invalid expression: {exc}") from None
    if parser.peek() is not None:
        raise AnswerFormatError(f"unexpected {parser.peek()[1]!r} after the expression")
    return result


def format_expression(expression: sympy.Expr) -> str:
    """Plain-text rendering that `parse_expression` reads back (``**`` shown as ``^``)."""
    return sympy.sstr(expression).replace("**", "^")


NUMERIC_FUNCTIONS = {
    sympy.sin: cmath.sin,
    sympy.cos: cmath.cos,
    sympy.tan: cmath.tan,
    sympy.exp: cmath.exp,
    sympy.log: cmath.log,
    sympy.asin: cmath.asin,
    sympy.acos: cmath.acos,
    sympy.atan: cmath.atan,
    sympy.sinh: cmath.sinh,
    sympy.cosh: cmath.cosh,
    sympy.tanh: cmath.tanh,
}
"""The elementary functions `compile_expression` evaluates, with their cmath counterparts (principal branches)."""


def _constant(expression: sympy.Basic) -> complex:
    if expression.is_Number:
        return complex(expression)
    if expression is sympy.pi:
        return complex(cmath.pi)
    if expression is sympy.E:
        return complex(cmath.e)
    return complex(expression.evalf())


def compile_expression(expression: sympy.Basic, variable: str = "x") -> Callable[[complex], complex]:
    """A closure computing `expression` at a point with cmath, built by walking the tree once (constants are
    converted once). Nothing is compiled or evaluated as code. The closure raises ValueError, ZeroDivisionError or
    OverflowError where the expression is undefined; building it raises ValueError for unsupported functions."""
    symbol = sympy.Symbol(variable)
    if expression == symbol:
        return lambda x: x
    if expression.is_number:
        constant = _constant(expression)
        return lambda x: constant
    if expression.is_Add or expression.is_Mul:
        parts = [compile_expression(arg, variable) for arg in expression.args]
        if expression.is_Add:
            return lambda x: sum((part(x) for part in parts), 0j)
        return lambda x: math.prod((part(x) for part in parts), start=1 + 0j)
    if expression.is_Pow:
        base, exponent = expression.args
        base_function = compile_expression(base, variable)
        if exponent.is_Integer and abs(int(exponent)) <= 1024:
            power = int(exponent)
            return lambda x: base_function(x) ** power
        exponent_function = compile_expression(exponent, variable)
        return lambda x: base_function(x) ** exponent_function(x)
    if isinstance(expression, sympy.Abs):
        inner = compile_expression(expression.args[0], variable)
        return lambda x: complex(abs(inner(x)))
    function = NUMERIC_FUNCTIONS.get(expression.func)
    if function is not None:
        inner = compile_expression(expression.args[0], variable)
        return lambda x: function(inner(x))
    raise ValueError(f"cannot evaluate {expression.func.__name__}")


def numeric_value(expression: sympy.Expr, value: float, variable: str = "x") -> complex | None:
    """The value of `expression` at `variable` = `value` (principal branches), or None if it is undefined,
    unsupported or overflows."""
    try:
        result = compile_expression(expression, variable)(complex(value))
    except (ValueError, ZeroDivisionError, OverflowError, TypeError, RecursionError):
        return None
    return result if cmath.isfinite(result) else None


def real_values(expression: sympy.Expr, points: list[float], variable: str = "x") -> dict[float, float | None]:
    """The expression at each point: a finite real number, or None where undefined, complex or infinite."""
    try:
        function = compile_expression(expression, variable)
    except (ValueError, TypeError, RecursionError):
        return dict.fromkeys(points)
    values: dict[float, float | None] = {}
    for point in points:
        try:
            value = function(complex(point))
        except (ValueError, ZeroDivisionError, OverflowError, TypeError, RecursionError):
            values[point] = None
            continue
        finite = cmath.isfinite(value) and abs(value.imag) <= 1e-9 * max(1.0, abs(value.real))
        values[point] = value.real if finite else None
    return values


_UNARY = ("sin", "cos", "exp", "log", "power", "add", "multiply", "divide")
_UNARY_WEIGHTS = (10, 10, 5, 5, 10, 25, 25, 10)
_BINARY = ("+", "-", "*", "/", "^")
_BINARY_WEIGHTS = (20, 20, 30, 20, 10)


def random_expression(rng: random.Random, nodes: int, variable: str = "x") -> sympy.Expr:
    """A random expression tree with `nodes` nodes over the variable, small integers and elementary functions
    (the generator of the Integral and Differentiate tasks)."""
    symbol = sympy.Symbol(variable)
    if nodes == 1:
        return symbol
    if nodes >= 3 and rng.random() < 0.5:
        operator = rng.choices(_BINARY, weights=_BINARY_WEIGHTS)[0]
        left_nodes = rng.randint(1, nodes - 2)
        left = random_expression(rng, left_nodes, variable)
        right = random_expression(rng, nodes - 1 - left_nodes, variable)
        if operator == "+":
            return left + right
        if operator == "-":
            return left - right
        if operator == "*":
            return left * right
        if operator == "/":
            return left / right
        return left**right
    operator = rng.choices(_UNARY, weights=_UNARY_WEIGHTS)[0]
    inner = random_expression(rng, nodes - 1, variable)
    if operator == "sin":
        return sympy.sin(inner)
    if operator == "cos":
        return sympy.cos(inner)
    if operator == "exp":
        return sympy.exp(inner)
    if operator == "log":
        return sympy.log(inner)
    if operator == "power":
        exponent = rng.randint(2, 4)
        return inner ** (sympy.Rational(1, exponent) if rng.random() < 0.5 else exponent)
    if operator == "add":
        return inner + rng.choice((-2, -1, 1, 2))
    if operator == "multiply":
        return inner * rng.choice((-4, -3, -2, 2, 3, 4))
    return inner / rng.randint(2, 4)

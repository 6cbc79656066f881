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
import re

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


_NUMERIC_FUNCTIONS = {
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


def _numeric(expression: sympy.Basic, variable: sympy.Symbol, value: complex) -> complex:
    if expression is variable:
        return value
    if expression.is_Number:
        return complex(expression)
    if expression is sympy.pi:
        return complex(cmath.pi)
    if expression is sympy.E:
        return complex(cmath.e)
    if expression.is_Add:
        return sum((_numeric(arg, variable, value) for arg in expression.args), 0j)
    if expression.is_Mul:
        product = 1 + 0j
        for arg in expression.args:
            product *= _numeric(arg, variable, value)
        return product
    if expression.is_Pow:
        base, exponent = expression.args
        if exponent.is_Integer and abs(int(exponent)) <= 1024:
            return _numeric(base, variable, value) ** int(exponent)
        return _numeric(base, variable, value) ** _numeric(exponent, variable, value)
    if isinstance(expression, sympy.Abs):
        return complex(abs(_numeric(expression.args[0], variable, value)))
    function = _NUMERIC_FUNCTIONS.get(expression.func)
    if function is not None:
        return function(_numeric(expression.args[0], variable, value))
    if expression.is_number:  # other exact constants sympy may create, e.g. sqrt(2) in a Pow already handled
        return complex(expression.evalf())
    raise ValueError(f"cannot evaluate {expression.func.__name__}")


def numeric_value(expression: sympy.Expr, value: float, variable: str = "x") -> complex | None:
    """The value of `expression` at `variable` = `value`, computed with cmath (principal branches), or None if it
    is undefined or overflows. Walks the expression tree directly: nothing is compiled or evaluated as code."""
    try:
        result = _numeric(expression, sympy.Symbol(variable), complex(value))
    except (ValueError, ZeroDivisionError, OverflowError, TypeError, RecursionError):
        return None
    if not (cmath.isfinite(result)):
        return None
    return result

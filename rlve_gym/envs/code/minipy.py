"""A small, bounded interpreter for the subset of Python that generated code-task programs are written in.

Code tasks generate programs (as Python source text built from templates and random choices) and need their
outputs at generation time: the output to predict, the target an input must produce, what a buggy program prints
on its failing test. Generated programs are never executed by the host interpreter. They are parsed with
`ast.parse` (parsing is not execution), checked against the subset below (`parse`), printed back in one canonical
style (`render`), and evaluated by `Interpreter`, which walks the tree with a step budget, bounded integers,
bounded string and list lengths and a bounded call depth, so a generator mistake (an endless loop, a runaway
value) is an exception (`BudgetExceeded`), never a hang. The tests cross-check the interpreter against CPython by
running rendered programs in the sandbox (differential testing).

The subset: module-level statements and ``def`` with positional parameters; ``=`` to names, to tuples of names
and to ``xs[i]``; augmented assignment; ``if``/``elif``/``else``, ``for`` over any iterable, ``while``,
``break``, ``continue``, ``pass``, ``return``; int, str and bool constants, list literals, the operators
``+ - * // %``, unary ``-``/``not``, comparisons (chained, ``in``), ``and``/``or``, conditional expressions,
indexing and slicing, list comprehensions with one ``for`` and any ``if`` clauses, calls of the program's own
functions, of the builtins in `BUILTINS` and of the str and list methods in `METHODS`. Values are host ``int``,
``bool``, ``str``, ``list``, ``range`` and ``None``; operations on them are the host's own, so their semantics
(floor division, negative modulo, slicing, ``repr`` of lists) are CPython's by construction.
"""

from __future__ import annotations

import ast
import copy
import operator
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "BUILTINS",
    "METHODS",
    "BudgetExceeded",
    "Interpreter",
    "InterpreterLimits",
    "ProgramError",
    "UnsupportedProgram",
    "apply_mutation",
    "mutation_sites",
    "parse",
    "render",
]


class UnsupportedProgram(ValueError):
    """The source uses Python outside the interpreter's subset (a generator bug, never a model's fault)."""


class BudgetExceeded(Exception):
    """The program ran past a limit of `InterpreterLimits` (too many steps, too large a value, too deep)."""


class ProgramError(Exception):
    """The program raised an exception, as CPython would; `kind` is the exception's type name."""

    def __init__(self, kind: str, message: str = "") -> None:
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind


@dataclass(frozen=True)
class InterpreterLimits:
    """Bounds of one interpretation."""

    max_steps: int = 200_000  # statements, loop iterations and elements processed by builtins
    max_int: int = 10**18  # largest absolute integer value
    max_length: int = 100_000  # longest str or list
    max_call_depth: int = 60  # nested calls of the program's own functions
    max_output_chars: int = 100_000  # total printed text


BUILTINS = ("abs", "chr", "input", "int", "len", "list", "map", "max", "min", "ord", "print", "range", "sorted",
            "str", "sum")  # fmt: skip
"""Builtin functions programs may call."""

METHODS: dict[type, frozenset[str]] = {
    str: frozenset(
        ["count", "endswith", "find", "join", "lower", "replace", "split", "startswith", "strip", "swapcase", "upper"]
    ),
    list: frozenset(["append", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]),
}
"""Methods programs may call, by receiver type."""

_STATEMENTS = (ast.FunctionDef, ast.Return, ast.Assign, ast.AugAssign, ast.If, ast.For, ast.While, ast.Break,
               ast.Continue, ast.Pass, ast.Expr)  # fmt: skip
_EXPRESSIONS = (ast.Constant, ast.Name, ast.List, ast.Tuple, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare,
                ast.IfExp, ast.Call, ast.Attribute, ast.Subscript, ast.Slice, ast.ListComp, ast.comprehension,
                ast.keyword, ast.arguments, ast.arg)  # fmt: skip
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.USub, ast.Not, ast.And, ast.Or, ast.Eq,
              ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn, ast.Load, ast.Store)  # fmt: skip
_ALLOWED = (ast.Module, *_STATEMENTS, *_EXPRESSIONS, *_OPERATORS)


# ---------------------------------------------------------------------------------------------------- parsing
def parse(source: str) -> ast.Module:
    """Parse trusted generated source and check that it stays inside the subset (raises `UnsupportedProgram`)."""
    tree = ast.parse(source)
    top_level_functions = {id(node) for node in tree.body if isinstance(node, ast.FunctionDef)}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and id(node) not in top_level_functions:
            raise UnsupportedProgram("functions must be defined at the top level")
        if not isinstance(node, _ALLOWED):
            raise UnsupportedProgram(f"{type(node).__name__} is outside the interpreter's subset")
        if isinstance(node, ast.Constant) and type(node.value) not in (int, str, bool):
            raise UnsupportedProgram(f"constant {node.value!r} is outside the subset")
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise UnsupportedProgram(f"name {node.id!r} is outside the subset")
        if isinstance(node, ast.Attribute) and not any(node.attr in names for names in METHODS.values()):
            raise UnsupportedProgram(f"method {node.attr!r} is outside the subset")
        if isinstance(node, ast.FunctionDef):
            arguments = node.args
            if (
                arguments.posonlyargs
                or arguments.vararg
                or arguments.kwonlyargs
                or arguments.kwarg
                or arguments.defaults
                or node.decorator_list
            ):
                raise UnsupportedProgram(f"function {node.name!r} must take plain positional parameters")
        if isinstance(node, ast.comprehension) and (node.is_async or not isinstance(node.target, ast.Name)):
            raise UnsupportedProgram("comprehensions must bind one name")
        if isinstance(node, ast.ListComp) and len(node.generators) != 1:
            raise UnsupportedProgram("comprehensions must have exactly one 'for'")
        if isinstance(node, ast.For | ast.While) and node.orelse:
            raise UnsupportedProgram("loops with 'else' are outside the subset")
    return tree


# ---------------------------------------------------------------------------------------------------- rendering
_BINARY_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Mod: "%"}
_BINARY_PRECEDENCE = {ast.Add: 6, ast.Sub: 6, ast.Mult: 7, ast.FloorDiv: 7, ast.Mod: 7}
_COMPARE_SYMBOLS = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}
# Higher binds tighter: conditional 1, or 2, and 3, not 4, comparison 5, + - 6, * // % 7, unary minus 8, atoms 10.
_ATOM = 10


def render(tree: ast.AST) -> str:
    """The canonical source text of a program (or one statement or expression) of the subset."""
    if isinstance(tree, ast.Module):
        return "\n".join(_statement_lines(tree.body, 0)) + "\n"
    if isinstance(tree, ast.stmt):
        return "\n".join(_statement_lines([tree], 0)) + "\n"
    return _expression(tree)


def _statement_lines(body: Sequence[ast.stmt], depth: int) -> list[str]:
    lines: list[str] = []
    pad = "    " * depth
    for node in body:
        if isinstance(node, ast.FunctionDef):
            parameters = ", ".join(argument.arg for argument in node.args.args)
            lines.append(f"{pad}def {node.name}({parameters}):")
            lines += _statement_lines(node.body, depth + 1)
        elif isinstance(node, ast.Return):
            lines.append(f"{pad}return" + (f" {_expression(node.value)}" if node.value is not None else ""))
        elif isinstance(node, ast.Assign):
            targets = " = ".join(_target(target) for target in node.targets)
            lines.append(f"{pad}{targets} = {_expression(node.value)}")
        elif isinstance(node, ast.AugAssign):
            symbol = _BINARY_SYMBOLS[type(node.op)]
            lines.append(f"{pad}{_target(node.target)} {symbol}= {_expression(node.value)}")
        elif isinstance(node, ast.If):
            lines.append(f"{pad}if {_expression(node.test)}:")
            lines += _statement_lines(node.body, depth + 1)
            orelse = node.orelse
            while len(orelse) == 1 and isinstance(orelse[0], ast.If):  # an elif chain
                lines.append(f"{pad}elif {_expression(orelse[0].test)}:")
                lines += _statement_lines(orelse[0].body, depth + 1)
                orelse = orelse[0].orelse
            if orelse:
                lines.append(f"{pad}else:")
                lines += _statement_lines(orelse, depth + 1)
        elif isinstance(node, ast.For):
            lines.append(f"{pad}for {_target(node.target)} in {_expression(node.iter)}:")
            lines += _statement_lines(node.body, depth + 1)
        elif isinstance(node, ast.While):
            lines.append(f"{pad}while {_expression(node.test)}:")
            lines += _statement_lines(node.body, depth + 1)
        elif isinstance(node, ast.Break | ast.Continue | ast.Pass):
            lines.append(pad + type(node).__name__.lower())
        elif isinstance(node, ast.Expr):
            lines.append(pad + _expression(node.value))
        else:
            raise UnsupportedProgram(f"cannot render {type(node).__name__}")
    return lines


def _target(node: ast.expr) -> str:
    if isinstance(node, ast.Tuple):
        return ", ".join(_expression(element) for element in node.elts)
    return _expression(node)


def _expression(node: ast.AST, context: int = 0) -> str:
    """Source of an expression, parenthesised when its precedence is below `context`."""
    text, precedence = _expression_and_precedence(node)
    return f"({text})" if precedence < context else text


def _expression_and_precedence(node: ast.AST) -> tuple[str, int]:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, int) and not isinstance(node.value, bool) and node.value < 0:
            return repr(node.value), 8
        return repr(node.value), _ATOM
    if isinstance(node, ast.Name):
        return node.id, _ATOM
    if isinstance(node, ast.List):
        return "[" + ", ".join(_expression(element) for element in node.elts) + "]", _ATOM
    if isinstance(node, ast.Tuple):
        inner = ", ".join(_expression(element) for element in node.elts)
        return (f"({inner},)" if len(node.elts) == 1 else f"({inner})"), _ATOM
    if isinstance(node, ast.BinOp):
        precedence = _BINARY_PRECEDENCE[type(node.op)]
        left = _expression(node.left, precedence)
        right = _expression(node.right, precedence + 1)  # left-associative: a - (b - c) keeps its parentheses
        return f"{left} {_BINARY_SYMBOLS[type(node.op)]} {right}", precedence
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            return f"not {_expression(node.operand, 4)}", 4
        return f"-{_expression(node.operand, 8)}", 8
    if isinstance(node, ast.BoolOp):
        precedence = 2 if isinstance(node.op, ast.Or) else 3
        word = " or " if precedence == 2 else " and "
        return word.join(_expression(value, precedence + 1) for value in node.values), precedence
    if isinstance(node, ast.Compare):
        parts = [_expression(node.left, 6)]
        for operator, comparator in zip(node.ops, node.comparators, strict=True):
            parts.append(f"{_COMPARE_SYMBOLS[type(operator)]} {_expression(comparator, 6)}")
        return " ".join(parts), 5
    if isinstance(node, ast.IfExp):
        body, test, orelse = _expression(node.body, 2), _expression(node.test, 2), _expression(node.orelse, 1)
        return f"{body} if {test} else {orelse}", 1
    if isinstance(node, ast.Call):
        arguments = [_expression(argument) for argument in node.args]
        arguments += [f"{keyword.arg}={_expression(keyword.value)}" for keyword in node.keywords]
        return f"{_expression(node.func, _ATOM)}({', '.join(arguments)})", _ATOM
    if isinstance(node, ast.Attribute):
        return f"{_expression(node.value, _ATOM)}.{node.attr}", _ATOM
    if isinstance(node, ast.Subscript):
        return f"{_expression(node.value, _ATOM)}[{_expression(node.slice)}]", _ATOM
    if isinstance(node, ast.Slice):
        lower = _expression(node.lower) if node.lower is not None else ""
        upper = _expression(node.upper) if node.upper is not None else ""
        text = f"{lower}:{upper}"
        if node.step is not None:
            text += f":{_expression(node.step)}"
        return text, _ATOM
    if isinstance(node, ast.ListComp):
        generator = node.generators[0]
        text = f"{_expression(node.elt)} for {_expression(generator.target)} in {_expression(generator.iter, 2)}"
        for condition in generator.ifs:
            text += f" if {_expression(condition, 2)}"
        return f"[{text}]", _ATOM
    raise UnsupportedProgram(f"cannot render {type(node).__name__}")


# ---------------------------------------------------------------------------------------------------- evaluation
class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


@dataclass
class _Function:
    node: ast.FunctionDef
    local_names: frozenset[str]


class _Frame:
    """Variables of one scope. Module frames have no parent; comprehension frames delegate to their parent."""

    def __init__(
        self, variables: dict[str, Any], parent: _Frame | None = None, local_names: frozenset[str] | None = None
    ) -> None:
        self.variables = variables
        self.parent = parent
        self.local_names = local_names  # a function's assigned names: reading them unassigned is UnboundLocalError


def _assigned_names(node: ast.FunctionDef) -> frozenset[str]:
    """A function's local names: its parameters and every name it assigns outside comprehensions (cached on the
    node: mutations never add or remove names)."""
    cached = getattr(node, "_minipy_local_names", None)
    if cached is not None:
        return cached
    comprehension_targets = {
        id(child.generators[0].target) for child in ast.walk(node) if isinstance(child, ast.ListComp)
    }
    names = {argument.arg for argument in node.args.args}
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store) and id(child) not in comprehension_targets:
            names.add(child.id)
    node._minipy_local_names = frozenset(names)  # type: ignore[attr-defined]
    return node._minipy_local_names  # type: ignore[attr-defined]


_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}
_BUILTIN_NAMES = frozenset(BUILTINS)


class Interpreter:
    """Evaluates programs of the subset with bounded resources (see the module docstring).

    One interpreter runs one program once: `run` executes a module and returns what it printed; `call` executes
    a module's definitions and calls one of its functions.
    """

    def __init__(self, limits: InterpreterLimits | None = None, stdin: str = "") -> None:
        self.limits = limits or InterpreterLimits()
        self.steps = 0
        self.output: list[str] = []
        self._output_chars = 0
        self._stdin_lines = stdin.split("\n") if stdin else []
        if stdin.endswith("\n"):
            self._stdin_lines.pop()
        self._stdin_position = 0
        self._depth = 0
        self._module = _Frame({})

    # ------------------------------------------------------------------------------------------------ entry points
    def run(self, tree: ast.Module) -> str:
        """Execute a module; returns its standard output. Raises `ProgramError` or `BudgetExceeded`."""
        self._module = _Frame({})
        self._execute_body(tree.body, self._module)
        return "".join(self.output)

    def call(self, tree: ast.Module, function_name: str, arguments: Sequence[Any]) -> Any:
        """Execute a module's top level, then return ``function_name(*arguments)`` (arguments are copied)."""
        frame = self._module = _Frame({})
        self._execute_body(tree.body, frame)
        function = frame.variables.get(function_name)
        if not isinstance(function, _Function):
            raise ProgramError("NameError", f"name {function_name!r} is not defined")
        return self._call_function(function, [copy.deepcopy(argument) for argument in arguments], frame)

    # ------------------------------------------------------------------------------------------------ statements
    def _tick(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.limits.max_steps:
            raise BudgetExceeded(f"more than {self.limits.max_steps} steps")

    def _execute_body(self, body: Sequence[ast.stmt], frame: _Frame) -> None:
        for statement in body:
            self._execute(statement, frame)

    def _execute(self, node: ast.stmt, frame: _Frame) -> None:
        self.steps += 1
        if self.steps > self.limits.max_steps:
            raise BudgetExceeded(f"more than {self.limits.max_steps} steps")
        if isinstance(node, ast.Assign):
            value = self._evaluate(node.value, frame)
            for target in node.targets:
                if type(target) is ast.Name:
                    frame.variables[target.id] = value
                else:
                    self._assign(target, value, frame)
        elif isinstance(node, ast.AugAssign):
            operation = _BINARY[type(node.op)]
            if isinstance(node.target, ast.Name):
                current = self._lookup(node.target.id, frame)
                self._store(node.target.id, self._binary(operation, current, self._evaluate(node.value, frame)), frame)
            else:
                assert isinstance(node.target, ast.Subscript)
                container = self._evaluate(node.target.value, frame)
                index = self._evaluate(node.target.slice, frame)
                current = self._host(lambda: container[index])
                result = self._binary(operation, current, self._evaluate(node.value, frame))
                self._host(lambda: container.__setitem__(index, result))
        elif isinstance(node, ast.Expr):
            self._evaluate(node.value, frame)
        elif isinstance(node, ast.If):
            branch = node.body if self._truth(self._evaluate(node.test, frame)) else node.orelse
            self._execute_body(branch, frame)
        elif isinstance(node, ast.For):
            iterable = self._evaluate(node.iter, frame)
            if not isinstance(iterable, str | list | range | map):
                raise ProgramError("TypeError", f"{type(iterable).__name__!r} object is not iterable")
            for item in iterable:
                self._assign(node.target, item, frame)
                if not self._iteration(node.body, frame):
                    break
        elif isinstance(node, ast.While):
            while self._truth(self._evaluate(node.test, frame)):
                if not self._iteration(node.body, frame):
                    break
        elif isinstance(node, ast.FunctionDef):
            self._store(node.name, _Function(node, _assigned_names(node)), frame)
        elif isinstance(node, ast.Return):
            raise _Return(self._evaluate(node.value, frame) if node.value is not None else None)
        elif isinstance(node, ast.Break):
            raise _Break
        elif isinstance(node, ast.Continue):
            raise _Continue
        elif not isinstance(node, ast.Pass):
            raise UnsupportedProgram(f"cannot execute {type(node).__name__}")

    def _iteration(self, body: Sequence[ast.stmt], frame: _Frame) -> bool:
        """Run one pass of a loop body; False when it ended with ``break``."""
        self._tick()
        try:
            self._execute_body(body, frame)
        except _Break:
            return False
        except _Continue:
            pass
        return True

    def _assign(self, target: ast.expr, value: Any, frame: _Frame) -> None:
        if isinstance(target, ast.Name):
            self._store(target.id, value, frame)
        elif isinstance(target, ast.Tuple | ast.List):
            items = self._host(lambda: list(value))
            if len(items) != len(target.elts):
                relation = "too many" if len(items) > len(target.elts) else "not enough"
                raise ProgramError("ValueError", f"{relation} values to unpack")
            for element, item in zip(target.elts, items, strict=True):
                self._assign(element, item, frame)
        elif isinstance(target, ast.Subscript):
            container = self._evaluate(target.value, frame)
            index = self._evaluate(target.slice, frame)
            if not isinstance(container, list):
                raise ProgramError("TypeError", f"{type(container).__name__!r} object does not support assignment")
            self._host(lambda: container.__setitem__(index, value))
        else:
            raise UnsupportedProgram(f"cannot assign to {type(target).__name__}")

    def _store(self, name: str, value: Any, frame: _Frame) -> None:
        frame.variables[name] = value

    def _lookup(self, name: str, frame: _Frame) -> Any:
        scope: _Frame | None = frame
        while scope is not None:
            if name in scope.variables:
                return scope.variables[name]
            if scope.local_names is not None and name in scope.local_names:
                raise ProgramError("UnboundLocalError", f"local variable {name!r} referenced before assignment")
            scope = scope.parent
        raise ProgramError("NameError", f"name {name!r} is not defined")

    # ------------------------------------------------------------------------------------------------ expressions
    def _evaluate(self, node: ast.AST, frame: _Frame) -> Any:
        node_type = type(node)
        if node_type is ast.Constant:
            return node.value
        if node_type is ast.Name:
            name = node.id
            if name in frame.variables:
                return frame.variables[name]
            if name in _BUILTIN_NAMES and not self._defined(name, frame):
                return name  # a builtin is only ever called; its name stands for it
            return self._lookup(name, frame)
        if node_type is ast.BinOp:
            left = self._evaluate(node.left, frame)
            return self._binary(_BINARY[type(node.op)], left, self._evaluate(node.right, frame))
        if node_type is ast.Compare:
            left = self._evaluate(node.left, frame)
            for comparison, comparator in zip(node.ops, node.comparators, strict=True):
                right = self._evaluate(comparator, frame)
                compare = _COMPARE[type(comparison)]
                if type(left) is int and type(right) is int:
                    holds = compare(left, right)
                else:
                    if isinstance(comparison, ast.In | ast.NotIn):
                        self._tick(len(right) if isinstance(right, str | list) else 1)
                    holds = self._host(lambda c=compare, a=left, b=right: c(a, b))
                if not holds:
                    return False
                left = right
            return True
        if isinstance(node, ast.BoolOp):
            value = None
            for operand in node.values:
                value = self._evaluate(operand, frame)
                if self._truth(value) == isinstance(node.op, ast.Or):
                    return value
            return value
        if isinstance(node, ast.UnaryOp):
            operand = self._evaluate(node.operand, frame)
            if isinstance(node.op, ast.Not):
                return not self._truth(operand)
            return self._check(self._host(lambda: -operand))
        if isinstance(node, ast.IfExp):
            chosen = node.body if self._truth(self._evaluate(node.test, frame)) else node.orelse
            return self._evaluate(chosen, frame)
        if isinstance(node, ast.List):
            return self._check([self._evaluate(element, frame) for element in node.elts])
        if isinstance(node, ast.Tuple):
            return tuple(self._evaluate(element, frame) for element in node.elts)
        if isinstance(node, ast.Subscript):
            container = self._evaluate(node.value, frame)
            if not isinstance(container, str | list | range):
                raise ProgramError("TypeError", f"{type(container).__name__!r} object is not subscriptable")
            index = self._evaluate(node.slice, frame)
            result = self._host(lambda: container[index])
            if isinstance(index, slice):
                self._tick(len(result))
            return result
        if isinstance(node, ast.Slice):
            parts = [
                None if part is None else self._evaluate(part, frame) for part in (node.lower, node.upper, node.step)
            ]
            return slice(*parts)
        if isinstance(node, ast.ListComp):
            return self._comprehension(node, frame)
        if isinstance(node, ast.Call):
            return self._call(node, frame)
        raise UnsupportedProgram(f"cannot evaluate {type(node).__name__}")

    def _defined(self, name: str, frame: _Frame) -> bool:
        scope: _Frame | None = frame
        while scope is not None:
            if name in scope.variables or (scope.local_names is not None and name in scope.local_names):
                return True
            scope = scope.parent
        return False

    def _comprehension(self, node: ast.ListComp, frame: _Frame) -> list:
        generator = node.generators[0]
        iterable = self._evaluate(generator.iter, frame)
        if not isinstance(iterable, str | list | range | map):
            raise ProgramError("TypeError", f"{type(iterable).__name__!r} object is not iterable")
        assert isinstance(generator.target, ast.Name)
        inner = _Frame({}, parent=frame)
        result = []
        for item in iterable:
            self._tick()
            inner.variables[generator.target.id] = item
            if all(self._truth(self._evaluate(condition, inner)) for condition in generator.ifs):
                result.append(self._evaluate(node.elt, inner))
                if len(result) > self.limits.max_length:
                    raise BudgetExceeded("list too long")
        return result

    def _call(self, node: ast.Call, frame: _Frame) -> Any:
        if isinstance(node.func, ast.Attribute):
            receiver = self._evaluate(node.func.value, frame)
            arguments = [self._evaluate(argument, frame) for argument in node.args]
            allowed = METHODS.get(type(receiver), frozenset())
            if node.func.attr not in allowed or node.keywords:
                raise ProgramError(
                    "AttributeError", f"{type(receiver).__name__!r} object has no attribute {node.func.attr!r}"
                )
            self._tick(len(receiver) + sum(len(a) for a in arguments if isinstance(a, str | list)))
            if node.func.attr == "join" and any(not isinstance(item, str) for item in arguments[0]):
                raise ProgramError("TypeError", "sequence item: expected str instance")
            if node.func.attr == "replace" and len(arguments) >= 2 and isinstance(arguments[1], str):
                growth = (receiver.count(arguments[0]) if arguments[0] else len(receiver) + 1) * len(arguments[1])
                if len(receiver) + growth > self.limits.max_length:
                    raise BudgetExceeded("string too long")
            return self._check(self._host(lambda: getattr(receiver, node.func.attr)(*arguments)))
        if not isinstance(node.func, ast.Name):
            raise UnsupportedProgram("only named functions and methods can be called")
        name = node.func.id
        arguments = [self._evaluate(argument, frame) for argument in node.args]
        keywords = {keyword.arg: self._evaluate(keyword.value, frame) for keyword in node.keywords}
        if self._defined(name, frame):
            function = self._lookup(name, frame)
            if not isinstance(function, _Function) or keywords:
                raise ProgramError("TypeError", f"{type(function).__name__!r} object is not callable")
            return self._call_function(function, arguments, frame)
        if name not in BUILTINS:
            raise ProgramError("NameError", f"name {name!r} is not defined")
        return self._builtin(name, arguments, keywords)

    def _call_function(self, function: _Function, arguments: list[Any], frame: _Frame) -> Any:
        parameters = [argument.arg for argument in function.node.args.args]
        if len(arguments) != len(parameters):
            raise ProgramError(
                "TypeError",
                f"{function.node.name}() takes {len(parameters)} positional arguments but {len(arguments)} were given",
            )
        if self._depth >= self.limits.max_call_depth:
            raise BudgetExceeded("calls nested too deeply")
        local = _Frame(
            dict(zip(parameters, arguments, strict=True)), parent=self._module, local_names=function.local_names
        )
        self._depth += 1
        try:
            self._execute_body(function.node.body, local)
        except _Return as returned:
            return returned.value
        finally:
            self._depth -= 1
        return None

    def _builtin(self, name: str, arguments: list[Any], keywords: dict[str, Any]) -> Any:
        if keywords and not (name == "sorted" and set(keywords) == {"reverse"}):
            raise ProgramError("TypeError", f"{name}() got an unexpected keyword argument")
        if name == "print":
            text = " ".join(str(argument) for argument in arguments) + "\n"
            self._output_chars += len(text)
            if self._output_chars > self.limits.max_output_chars:
                raise BudgetExceeded("too much output")
            self.output.append(text)
            return None
        if name == "input":
            if self._stdin_position >= len(self._stdin_lines):
                raise ProgramError("EOFError", "EOF when reading a line")
            self._stdin_position += 1
            return self._stdin_lines[self._stdin_position - 1]
        if name == "range":
            if not arguments or any(not isinstance(argument, int) for argument in arguments):
                raise ProgramError("TypeError", "range() takes integer arguments")
            return self._host(lambda: range(*arguments))
        for argument in arguments:
            if isinstance(argument, str | list | range):
                self._tick(len(argument))
        if name == "map":
            if len(arguments) != 2 or arguments[0] not in ("int", "str"):
                raise UnsupportedProgram("map() is supported only as map(int, …) or map(str, …)")
            converter = int if arguments[0] == "int" else str
            return self._host(lambda: map(converter, list(arguments[1])))
        function = {
            "abs": abs,
            "chr": chr,
            "int": int,
            "len": len,
            "list": list,
            "max": max,
            "min": min,
            "ord": ord,
            "sorted": sorted,
            "str": str,
            "sum": sum,
        }[name]
        if name == "int" and arguments and isinstance(arguments[0], str) and len(arguments[0]) > 30:
            raise BudgetExceeded("integer literal too long")
        return self._check(self._host(lambda: function(*arguments, **keywords)))

    # ------------------------------------------------------------------------------------------------ values
    def _binary(self, operation: Callable[[Any, Any], Any], left: Any, right: Any) -> Any:
        if type(left) is int and type(right) is int:  # the common case, without the general checks
            try:
                result = operation(left, right)
            except ZeroDivisionError as error:
                raise ProgramError("ZeroDivisionError", str(error)) from None
            if -self.limits.max_int <= result <= self.limits.max_int:
                return result
            raise BudgetExceeded("integer too large")
        if (isinstance(left, str | list) and isinstance(right, int)) or (
            isinstance(right, str | list) and isinstance(left, int)
        ):  # sequence repetition: check the size before building it
            sequence, count = (left, right) if isinstance(left, str | list) else (right, left)
            if len(sequence) * max(count, 0) > self.limits.max_length:
                raise BudgetExceeded("sequence too long")
        result = self._host(lambda: operation(left, right))
        return self._check(result)

    def _check(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > self.limits.max_int:
                raise BudgetExceeded("integer too large")
        elif isinstance(value, str | list):
            if len(value) > self.limits.max_length:
                raise BudgetExceeded("sequence too long")
            self._tick(len(value) // 64)
        return value

    def _truth(self, value: Any) -> bool:
        if isinstance(value, map):
            return True
        return bool(value)

    @staticmethod
    def _host(operation: Callable[[], Any]) -> Any:
        """Run one host operation on program values; its exceptions become the program's."""
        try:
            return operation()
        except (BudgetExceeded, ProgramError, UnsupportedProgram):
            raise
        except (ArithmeticError, LookupError, TypeError, ValueError) as error:
            raise ProgramError(type(error).__name__, str(error)) from None


# ---------------------------------------------------------------------------------------------------- mutations
_COMPARE_SWAPS = {
    ast.Lt: (ast.LtE, ast.Gt),
    ast.LtE: (ast.Lt, ast.GtE),
    ast.Gt: (ast.GtE, ast.Lt),
    ast.GtE: (ast.Gt, ast.LtE),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
}
_BINARY_SWAPS = {
    ast.Add: (ast.Sub,),
    ast.Sub: (ast.Add,),
    ast.Mult: (ast.Add,),
    ast.FloorDiv: (ast.Mod,),
    ast.Mod: (ast.FloorDiv,),
}


def mutation_sites(tree: ast.AST) -> list[tuple[int, str]]:
    """The single-token bugs that can be injected into `tree`, as (node index in `ast.walk` order, kind).

    Kinds: ``compare`` (swap a comparison for a near one), ``operator`` (swap an arithmetic operator),
    ``constant+`` / ``constant-`` (an integer literal off by one), ``minmax`` (min ↔ max), ``boolean``
    (and ↔ or), ``slice+`` (a slice bound off by one).
    """
    sites: list[tuple[int, str]] = []
    for index, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in _COMPARE_SWAPS:
            sites.append((index, "compare"))
        elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in _BINARY_SWAPS:
            sites.append((index, "operator"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            sites += [(index, "constant+"), (index, "constant-")]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
            sites.append((index, "minmax"))
        elif isinstance(node, ast.BoolOp):
            sites.append((index, "boolean"))
        elif isinstance(node, ast.Slice) and (node.lower is not None or node.upper is not None):
            sites.append((index, "slice+"))
    return sites


def apply_mutation(tree: ast.Module, site: tuple[int, str], rng: random.Random) -> ast.Module:
    """A copy of `tree` with the bug of `site` (from `mutation_sites(tree)`) injected.

    Only the nodes on the path from the root to the mutated node are copied; the rest is shared with `tree`,
    which is never modified (the interpreter does not modify trees either)."""
    index, kind = site
    parents: dict[int, tuple[ast.AST, str, int | None]] = {}
    target = None
    for position, node in enumerate(ast.walk(tree)):
        if position == index:
            target = node
            break
        for name, value in ast.iter_fields(node):
            if isinstance(value, ast.AST):
                parents[id(value)] = (node, name, None)
            elif isinstance(value, list):
                for offset, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        parents[id(item)] = (node, name, offset)
    if target is None:
        raise ValueError(f"no node at index {index}")
    path = [target]
    while id(path[-1]) in parents:
        path.append(parents[id(path[-1])][0])
    copies = {id(node): copy.copy(node) for node in path}
    for child in path[:-1]:
        parent, name, offset = parents[id(child)]
        parent_copy = copies[id(parent)]
        if offset is None:
            setattr(parent_copy, name, copies[id(child)])
        else:
            items = list(getattr(parent_copy, name))
            items[offset] = copies[id(child)]
            setattr(parent_copy, name, items)
    node = copies[id(target)]
    if kind == "compare":
        node.ops = [rng.choice(_COMPARE_SWAPS[type(node.ops[0])])(), *node.ops[1:]]
    elif kind == "operator":
        node.op = rng.choice(_BINARY_SWAPS[type(node.op)])()
    elif kind in ("constant+", "constant-"):
        node.value += 1 if kind == "constant+" else -1
    elif kind == "minmax":
        node.func = ast.Name(id="max" if node.func.id == "min" else "min", ctx=ast.Load())
    elif kind == "boolean":
        node.op = ast.And() if isinstance(node.op, ast.Or) else ast.Or()
    elif kind == "slice+":
        bound = "lower" if node.lower is not None else "upper"
        setattr(node, bound, ast.BinOp(getattr(node, bound), ast.Add(), ast.Constant(1)))
    else:
        raise ValueError(f"unknown mutation kind {kind!r}")
    return copies[id(path[-1])]

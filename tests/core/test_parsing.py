"""Shared answer parsers."""

import contextlib
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import (
    parse_choice,
    parse_float,
    parse_fraction,
    parse_int,
    parse_int_list,
    parse_int_rows,
    parse_token_rows,
)


@pytest.mark.parametrize(("text", "value"), [("42", 42), (" -7 ", -7), ("+3", 3), ("1,234,567", 1234567), ("12.", 12)])
def test_parse_int(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["", "4 2", "1,23", "1.5", "x", "9" * 5000, "--1", "12.."])
def test_parse_int_rejects(text: str) -> None:
    with pytest.raises(AnswerFormatError):
        parse_int(text)


def test_parse_int_list() -> None:
    assert parse_int_list("1 2 3") == [1, 2, 3]
    assert parse_int_list("[1, -2, 3]") == [1, -2, 3]
    assert parse_int_list("1,2;3\n4") == [1, 2, 3, 4]
    assert parse_int_list("", allow_empty=True) == []
    for bad in ("", "1 a 2", "1 2.5"):
        with pytest.raises(AnswerFormatError):
            parse_int_list(bad)


def test_parse_rows() -> None:
    assert parse_int_rows("1 2\n\n3 4\n") == [[1, 2], [3, 4]]
    assert parse_token_rows("#. .\n . #\n") == ["#..", ".#"]


def test_parse_fraction_and_float() -> None:
    assert parse_fraction("-3/4") == Fraction(-3, 4)
    assert parse_fraction("\\frac{3}{4}") == Fraction(3, 4)
    assert parse_fraction("-\\frac{3}{4}") == Fraction(-3, 4)
    assert parse_fraction("0.25") == Fraction(1, 4)
    assert parse_float("1e-3") == 0.001
    for bad in ("1/0", "abc", "1e999999", "nan"):
        with pytest.raises(AnswerFormatError):
            parse_fraction(bad) if "/" in bad or bad == "abc" else parse_float(bad)


def test_parse_choice_ignores_case() -> None:
    assert parse_choice(" YES. ", ("Yes", "No")) == "Yes"
    with pytest.raises(AnswerFormatError):
        parse_choice("maybe", ("Yes", "No"))


@given(st.text(max_size=100))
def test_parsers_raise_only_answer_format_errors(text: str) -> None:
    for parser in (parse_int, parse_int_list, parse_int_rows, parse_fraction, parse_float, parse_token_rows):
        with contextlib.suppress(AnswerFormatError):
            parser(text)

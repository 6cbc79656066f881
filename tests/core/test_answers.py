"""Answer extraction and normalisation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rlve_gym.core.answers import extract_answer, format_prompt, normalize_answer, reference_completion


@pytest.mark.parametrize(
    ("completion", "expected"),
    [
        ("<answer>42</answer>", "42"),
        ("<answer> 42 </answer>", "42"),
        ("<ANSWER>42</ANSWER>", "42"),
        ("\\boxed{\\frac{1}{2}}", "\\frac{1}{2}"),
        ("\\boxed{ {1, 2} }", "{1, 2}"),
        ("\\fbox{7}", "7"),
        ("first <answer>1</answer> then <answer>2</answer>", "2"),
        ("<answer>1</answer> and finally \\boxed{5}", "5"),
        ("\\boxed{5} but actually <answer>6</answer>", "6"),
        ("<answer>\\boxed{7}</answer>", "7"),
        ("<answer>$12$</answer>", "12"),
        ("<answer>`12`</answer>", "12"),
        ("<answer>\\(12\\)</answer>", "12"),
        ("<answer>a<answer>b</answer>", "b"),
        ("<think>maybe <answer>1</answer></think><answer>2</answer>", "2"),
        ("reasoning from the prompt's <think></think> then <answer>3</answer>", "3"),
        ("stray</think><answer>4</answer>", "4"),
        ("<answer>1</answer>\n<think>still thinking <answer>9</answer>", "1"),
        ("<answer>−5</answer>", "-5"),
        ("<answer>1 2\r\n3 4   </answer>", "1 2\n3 4"),
    ],
)
def test_extract(completion: str, expected: str) -> None:
    assert extract_answer(completion) == expected


@pytest.mark.parametrize(
    "completion",
    [
        "",
        "no answer here",
        "<answer></answer>",
        "<answer>  </answer>",
        "<think><answer>1</answer></think>",
        "<think>unclosed <answer>1</answer>",
        "\\boxed{unbalanced",
        "<answer>never closed",
    ],
)
def test_no_answer(completion: str) -> None:
    assert extract_answer(completion) is None


def test_formats_can_be_restricted() -> None:
    assert extract_answer("\\boxed{1} <answer>2</answer>", formats=("boxed",)) == "1"
    assert extract_answer("\\boxed{1}", formats=("answer_tag",)) is None
    with pytest.raises(ValueError, match="answer_format"):
        extract_answer("x", formats=("xml",))


def test_non_string_completion_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        extract_answer(None)  # type: ignore[arg-type]


def test_hostile_inputs_are_linear_time() -> None:
    # quadratic scanning would take minutes on these
    assert extract_answer("\\boxed{" * 200_000) is None
    assert extract_answer("<answer>" * 200_000) is None
    assert extract_answer("<think>" * 200_000 + "<answer>1</answer>") is None


@given(st.text(max_size=300))
def test_reference_completion_round_trips(text: str) -> None:
    normalised = normalize_answer(text)
    if not normalised or "{" in text or "}" in text or "<" in text:
        return
    for answer_format in ("answer_tag", "boxed"):
        assert extract_answer(reference_completion(normalised, answer_format)) == normalize_answer(normalised)


def test_format_prompt_states_where_the_answer_goes() -> None:
    assert "<answer>" in format_prompt("Q", "answer_tag")
    assert "\\boxed{}" in format_prompt("Q", "boxed")
    with pytest.raises(ValueError):
        format_prompt("Q", "json")

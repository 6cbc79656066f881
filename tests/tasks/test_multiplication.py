"""Multiplication and Division: references against schoolbook arithmetic on digit strings, and scoring."""

from rlve_gym import get_task, reference_completion


def long_multiply(a: int, b: int) -> int:
    digits = [0] * (len(str(a)) + len(str(b)))
    for i, x in enumerate(reversed(str(a))):
        for j, y in enumerate(reversed(str(b))):
            digits[i + j] += int(x) * int(y)
    for k in range(len(digits) - 1):
        digits[k + 1] += digits[k] // 10
        digits[k] %= 10
    return int("".join(map(str, reversed(digits))))


def long_divide(a: int, b: int) -> int:
    quotient, remainder = "", 0
    for digit in str(a):
        remainder = remainder * 10 + int(digit)
        quotient += str(remainder // b)
        remainder %= b
    return int(quotient)


def test_products_and_quotients_match_schoolbook_arithmetic() -> None:
    multiplication, division = get_task("Multiplication"), get_task("Division")
    for difficulty in range(6):
        for seed in range(20):
            p = multiplication.generate(seed, difficulty)
            assert int(p.reference_answer) == long_multiply(p.parameters["a"], p.parameters["b"])
            q = division.generate(seed, difficulty)
            assert int(q.reference_answer) == long_divide(q.parameters["a"], q.parameters["b"])


def test_scoring() -> None:
    task = get_task("Multiplication")
    problem = task.generate(1, 2)
    product = int(problem.reference_answer)
    assert task.verify(problem, f"<answer>{product:,}</answer>").accuracy == 1  # thousands separators
    assert task.verify(problem, f"<answer>{product + 1}</answer>").reward == 0.0
    assert task.verify(problem, "<answer>twelve</answer>").reward == -1.0
    assert task.verify(problem, reference_completion(problem.reference_answer, "boxed")).accuracy == 1

"""Code tasks: write, read or repair Python programs. Programs from answers run only in the sandbox.

Four kinds, each with an unbounded difficulty ladder:

- Implement a function from a generated specification (``Implement*``): the answer is a program, scored on
  hidden tests run in the sandbox with `Sandbox.call_function`; reward (passed / tests) ** 5, -0.5 when the
  program never defines the function, -1 when the answer is not Python.
- Predict the output of a generated program (``Predict*Output``): the answer is the printed text, compared line
  by line with the output the bounded interpreter computed at generation; nothing runs at verification.
- Find an input that makes a generated program print a target (``Find*Input``): the answer is checked against
  the stated input domain on the host, then the (trusted, generated) program runs on it in the sandbox.
- Fix injected bugs (``Fix*Bug``): a correct generated program with single-token bugs and a failing call; the
  answer is the repaired program, scored on hidden tests like the first kind.

Answers holding programs may wrap them in a ```` ```python ```` fenced block inside the answer tags (the last
fenced block counts); ``\\boxed{}`` works only for programs with balanced braces. Text that does not parse as
Python is judged on the host without starting a sandbox (`common.program_from_answer`).

Generated programs are never executed by the host: their outputs come from `minipy`, a bounded interpreter of
the Python subset they are written in, and the tests check it against CPython in the sandbox. Multi-turn
versions of every code task (``rlve/<Task>-multiturn-v0``) return test feedback after a wrong attempt
(`rlve_gym.multiturn`).
"""

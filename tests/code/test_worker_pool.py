"""Code tasks through the local process pool (`rlve_gym.batch.WorkerPool`): each worker runs programs in a sandbox
of its own, verdicts equal in-process ones, hostile programs end as verdicts, not as pool failures."""

from __future__ import annotations

import dataclasses

from rlve_gym import get_task, reference_completion
from rlve_gym.batch import ProblemSpec, WorkerPool


def test_code_tasks_generate_and_verify_in_worker_processes():
    names = ["ImplementIntervalMerge", "FixIntegerFunctionBug", "FindStringProgramInput", "PredictListProgramOutput"]
    specs = [ProblemSpec(name, 2, seed) for name in names for seed in range(2)]
    with WorkerPool(workers=2, timeout_s=30) as pool:
        problems = pool.generate(specs)
        assert [problem.to_json() for problem in problems] == [
            get_task(spec.task).generate(spec.seed, spec.difficulty).to_json() for spec in specs
        ]
        completions = [reference_completion(problem.reference_answer) for problem in problems]
        completions[1] = "<answer>def f(:</answer>"
        completions[2] = "<answer>" + problems[2].parameters["program"] + "</answer>"
        hostile = get_task("ImplementIntervalMerge").generate(9, 1)
        hostile = dataclasses.replace(hostile, parameters={**hostile.parameters, "time_limit_s": 1.0})
        problems.append(hostile)
        completions.append(
            "<answer>import os\ndef merge_intervals(intervals):\n    while True:\n        os.getpid()</answer>"
        )
        verdicts = pool.verify(problems, completions)
        assert pool.restarts == 0
    local = [get_task(problem.task).verify(problem, completion) for problem, completion in zip(problems, completions)]
    assert verdicts == local
    assert [verdict.reward for verdict in verdicts[:4]] == [1.0, -1.0, verdicts[2].reward, 1.0]
    assert verdicts[2].accuracy == 0 and verdicts[-1].reward == 0.0 and "timeout" in verdicts[-1].detail

"""The task contract: problems, verdicts, answer extraction, parsing, reward shaping, seeding and the registry.

Everything here is pure Python (no torch, no Gymnasium) so that tasks can be generated and verified anywhere:
in a trainer's data loader, a worker process, a Ray actor or a test.
"""

from rlve_gym.core.answers import AnswerFormat, extract_answer, format_prompt, reference_completion
from rlve_gym.core.errors import AnswerFormatError, TaskError, UnknownTaskError
from rlve_gym.core.problem import Instance, Problem, ProblemSpec, Verdict
from rlve_gym.core.registry import get_task, register_task, task_class, task_families, task_names
from rlve_gym.core.task import Task, TaskSpec

__all__ = [
    "AnswerFormat",
    "AnswerFormatError",
    "Instance",
    "Problem",
    "ProblemSpec",
    "Task",
    "TaskError",
    "TaskSpec",
    "UnknownTaskError",
    "Verdict",
    "extract_answer",
    "format_prompt",
    "get_task",
    "reference_completion",
    "register_task",
    "task_class",
    "task_families",
    "task_names",
]

"""Adaptive-difficulty curricula: RLVE's rule, the ZAYA1 variant and static ranges, from validated YAML.

    from rlve_gym.curriculum import Curriculum

    curriculum = Curriculum.from_yaml("rlve-c16")
    specs = curriculum.sample(128)           # [ProblemSpec(task, difficulty, seed), ...]
    curriculum.observe(specs[0], [1, 0, 1, 1])
    curriculum.step()

See `rlve_gym.curriculum.curriculum` for the loop, `docs/curriculum.md` for the YAML schema, and
`rlve-gym curriculum validate|show|simulate` for the command line. No torch import anywhere in this package.
"""

from rlve_gym.curriculum.calibration import CalibrationResult, Evaluate, Probe
from rlve_gym.curriculum.config import (
    CalibrationConfig,
    CurriculumConfig,
    CurriculumConfigError,
    ResolvedTask,
    RLVESchedulerConfig,
    StaticSchedulerConfig,
    TaskSelector,
    Zaya1SchedulerConfig,
    validate_config,
)
from rlve_gym.curriculum.curriculum import Curriculum, CurriculumMetrics, TaskMetrics
from rlve_gym.curriculum.schedulers import DifficultyChange
from rlve_gym.curriculum.shipped import curriculum_path, load_config, shipped_curricula
from rlve_gym.curriculum.state import CurriculumStateError, read_state, write_state

__all__ = [
    "CalibrationConfig",
    "CalibrationResult",
    "Curriculum",
    "CurriculumConfig",
    "CurriculumConfigError",
    "CurriculumMetrics",
    "CurriculumStateError",
    "DifficultyChange",
    "Evaluate",
    "Probe",
    "RLVESchedulerConfig",
    "ResolvedTask",
    "StaticSchedulerConfig",
    "TaskMetrics",
    "TaskSelector",
    "Zaya1SchedulerConfig",
    "curriculum_path",
    "load_config",
    "read_state",
    "shipped_curricula",
    "validate_config",
    "write_state",
]

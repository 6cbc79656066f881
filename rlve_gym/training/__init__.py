"""Training: a TRL `GRPOTrainer` subclass fed by the curriculum, with Dr. GRPO aggregation, MaxRL advantages, the
DPPO Binary-TV trust region and no KL term (see `trainer.py`), plus the SFT warmup and the `rlve-gym train` job.

Importing this package imports torch, transformers and trl (the ``train`` extra).
"""

from rlve_gym.training.config import RLVEGRPOConfig
from rlve_gym.training.rewards import VerifierReward
from rlve_gym.training.trainer import CurriculumLike, RLVEGRPOTrainer

__all__ = ["CurriculumLike", "RLVEGRPOConfig", "RLVEGRPOTrainer", "VerifierReward"]

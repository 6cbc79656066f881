"""Triton kernels for the ZAYA1 policy (CCA projection and top-1 MoE), with eager PyTorch fallbacks.

Triton itself is imported only when a kernel first runs, so this package imports without it.
"""

from rlve_gym.policies.kernels.cca import cca_kernels_supported, install_cca_kernels, uninstall_cca_kernels
from rlve_gym.policies.kernels.moe import (
    TRITON_EXPERTS_NAME,
    moe_experts,
    register_triton_experts,
    triton_moe_available,
)

__all__ = [
    "TRITON_EXPERTS_NAME",
    "cca_kernels_supported",
    "install_cca_kernels",
    "moe_experts",
    "register_triton_experts",
    "triton_moe_available",
    "uninstall_cca_kernels",
]

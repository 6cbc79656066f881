"""Triton-backed forward for transformers' ``ZayaCCAProjection`` (ZAYA1's Compressed Convolutional Attention).

``install_cca_kernels(model)`` replaces the ``forward`` of every ``ZayaCCAProjection`` in a model with
``cca_projection_forward``, which keeps the module's own q/k/v linear layers (they are plain GEMMs) and runs the
convolutional q/k path — causal depthwise conv, grouped per-head conv and the q/k-mean skip terms — in the fused
Triton kernels of ``cca_triton``. Inputs, outputs and every interaction with the transformers cache object
(``get_conv_state`` / ``update_conv_state`` / ``get_recurrent_state`` / ``update_recurrent_state``, in the eager
order) are those of the eager module, so prefill, chunked prefill, one-token decode, left padding (``conv_mask``)
and the value shift behave the same; only floating-point rounding differs.

The patched forward falls back to the eager one whenever the kernels cannot run: CPU tensors without
``TRITON_INTERPRET=1`` (so ``kernels="auto"`` on a CPU machine is plain eager), devices other than CUDA/ROCm,
dtypes other than fp32/bf16/fp16, and convolution widths other than ZAYA1's 2/2.

Shape legend (suffixes of tensor names):
    B  batch           T  new tokens in this call     E  hidden size
    H  query heads     K  key/value heads             D  head dim
    C  packed conv channels ((H + K) * D)             P  cached conv frames (2)
    V  value-projection width ((K * D) / 2)
"""

from __future__ import annotations

import os
import types
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

if TYPE_CHECKING:
    from transformers.cache_utils import Cache

_SUPPORTED_DTYPES = (torch.float32, torch.bfloat16, torch.float16)
_CONV_WIDTH = 2


def _kernels():
    """The Triton kernel module, imported on first use so this module loads without Triton installed."""
    try:
        from . import cca_triton
    except ImportError as error:
        raise ImportError(
            "the Triton CCA kernels need the `triton` package (pip install 'rlve-gym-suite[kernels]')"
        ) from error
    return cca_triton


def _interpreter_requested() -> bool:
    return os.environ.get("TRITON_INTERPRET", "").strip().lower() in ("1", "true", "yes", "on")


def cca_kernels_supported(device: torch.device | str) -> bool:
    """Whether the Triton CCA kernels can run on ``device``: CUDA/ROCm with Triton, or CPU under the interpreter."""
    device = torch.device(device)
    if device.type == "cpu" and not _interpreter_requested():
        return False
    if device.type not in ("cpu", "cuda"):
        return False
    try:
        kernels = _kernels()
    except ImportError:
        return False
    # Kernels built for a GPU cannot take CPU tensors, and the interpreter is only chosen at import time.
    return device.type == "cuda" or kernels.INTERPRETED


def _uses_kernels(module: nn.Module, hidden_states_BTE: torch.Tensor) -> bool:
    return (
        module.depthwise_kernel_size == _CONV_WIDTH
        and module.grouped_kernel_size == _CONV_WIDTH
        and hidden_states_BTE.dtype in _SUPPORTED_DTYPES
        and cca_kernels_supported(hidden_states_BTE.device)
    )


def cca_projection_forward(
    module: nn.Module,
    hidden_states: torch.Tensor,
    cache: Cache | None = None,
    conv_mask: torch.Tensor | None = None,
    **kwargs: Any,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """``ZayaCCAProjection.forward`` with the conv q/k path in Triton.

    Same arguments and results as the eager forward: hidden_states (B, T, E), the cache and conv_mask (B, T) give
    query (B, T, H, D), key (B, T, K, D) and value (B, T, K, D).
    """
    if "past_key_values" in kwargs:  # the eager forward still accepts the deprecated name
        past_key_values = kwargs.pop("past_key_values")
        cache = past_key_values if cache is None else cache
    if kwargs:
        raise TypeError(f"unexpected arguments for the CCA projection: {sorted(kwargs)}")
    if not _uses_kernels(module, hidden_states):
        return type(module).forward(module, hidden_states, cache, conv_mask)

    hidden_states_BTE, conv_mask_BT = hidden_states, conv_mask
    if conv_mask_BT is not None:
        hidden_states_BTE = hidden_states_BTE * conv_mask_BT[:, :, None].to(hidden_states_BTE.dtype)
    layer_idx = module.layer_idx
    if cache is not None:
        conv_state_BCP = cache.get_conv_state(layer_idx, state_idx=0)
        previous_v_BV = cache.get_recurrent_state(layer_idx, state_idx=0)
    else:
        conv_state_BCP, previous_v_BV = None, None

    B, T = hidden_states_BTE.shape[:2]
    D = module.head_dim
    q_hat_BTHD = module.q_proj(hidden_states_BTE).view(B, T, -1, D)
    k_hat_BTKD = module.k_proj(hidden_states_BTE).view(B, T, -1, D)
    if conv_state_BCP is not None:
        # Only the last P frames reach this call's outputs (a cache recording its past keeps more).
        conv_state_BCP = conv_state_BCP[..., -module.conv_kernel_size :]
    depthwise, grouped = module.conv_qk_depthwise, module.conv_qk_grouped
    query_BTHD, key_BTKD, *new_conv_state = _kernels().cca_conv_qk(
        q_hat_BTHD,
        k_hat_BTKD,
        depthwise.weight,
        depthwise.bias,
        grouped.weight,
        grouped.bias,
        conv_state_BCP,
        return_state=cache is not None,
    )
    if cache is not None:
        cache.update_conv_state(new_conv_state[0], layer_idx)

    # Value shift: half of the value channels come from this token, half from the previous token's delayed
    # projection (the cache's recurrent state while decoding, the projection of a zero token at a sequence start).
    value_current_BTV = module.v_proj_current(hidden_states_BTE)
    delayed_v_BTV = module.v_proj_delayed(hidden_states_BTE)
    if previous_v_BV is not None:
        previous_v_B1V = previous_v_BV.unsqueeze(1)
    elif module.v_proj_delayed.bias is not None:
        previous_v_B1V = module.v_proj_delayed.bias.to(delayed_v_BTV.dtype).expand(B, 1, -1)
    else:
        previous_v_B1V = delayed_v_BTV.new_zeros(B, 1, delayed_v_BTV.shape[-1])
    value_delayed_BTV = torch.cat([previous_v_B1V, delayed_v_BTV[:, :-1]], dim=1)
    if cache is not None:
        cache.update_recurrent_state(delayed_v_BTV[:, -1, :], layer_idx)
    value_BTKD = torch.cat([value_current_BTV, value_delayed_BTV], dim=-1).view(B, T, -1, D)
    return query_BTHD, key_BTKD, value_BTKD


def _is_patched(module: nn.Module) -> bool:
    forward = module.__dict__.get("forward")
    return getattr(forward, "__func__", None) is cca_projection_forward


def _cca_projections(model: nn.Module) -> list[nn.Module]:
    from transformers.models.zaya.modeling_zaya import ZayaCCAProjection

    return [module for module in model.modules() if isinstance(module, ZayaCCAProjection)]


def install_cca_kernels(model: nn.Module) -> int:
    """Route every ``ZayaCCAProjection`` in ``model`` through the Triton kernels (eager fallback kept per call).

    Returns the number of CCA projection modules that use the Triton forward afterwards (modules patched by an
    earlier call count too, so installing twice is harmless). Raises ImportError when Triton is not installed.
    """
    _kernels()
    projections = _cca_projections(model)
    for module in projections:
        if not _is_patched(module):
            module.forward = types.MethodType(cca_projection_forward, module)
    return len(projections)


def uninstall_cca_kernels(model: nn.Module) -> int:
    """Restore the eager forward of every patched ``ZayaCCAProjection`` in ``model``; returns how many it restored."""
    restored = 0
    for module in _cca_projections(model):
        if _is_patched(module):
            del module.forward
            restored += 1
    return restored

"""Build or load a ZAYA1 policy (model + tokenizer) in one call, offline, with the chosen kernels.

- `load_policy("tiny")` builds `tiny_config()` with a freshly trained `build_tokenizer()` and initialises the
  weights from `seed` with a local `torch.Generator` (the global torch RNG is never touched).
- `load_policy("/path/to/ZAYA1-8B")` loads config, safetensors weights and tokenizer from a local directory with
  `local_files_only=True`; nothing is ever downloaded.
- `kernels`: "eager" keeps transformers' own PyTorch paths (SDPA attention, its default experts implementation);
  "triton" installs rlve_gym's Triton CCA projection and registers its Triton experts as the experts
  implementation; "auto" picks triton when the model is (or will be, on this machine) on a GPU and triton imports,
  eager otherwise.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import torch
from torch import nn
from transformers import AutoConfig, AutoTokenizer, GenerationConfig, PreTrainedTokenizerBase, ZayaForCausalLM
from transformers.initialization import no_init_weights
from transformers.models.zaya.modeling_zaya import (
    ZayaExperts,
    ZayaModel,
    ZayaQKNorm,
    ZayaResidualScaling,
    ZayaRMSNorm,
    ZayaRouter,
)

from rlve_gym.policies.zaya.config import tiny_config
from rlve_gym.policies.zaya.tokenizer import DEFAULT_VOCAB_SIZE, build_tokenizer

KernelChoice = Literal["auto", "triton", "eager"]
TINY = "tiny"

TINY_KEY_TEMPERATURE = 1.0
"""Initial CCA key temperature of the tiny model. Upstream initialises it to 0, which makes every attention
pattern uniform and gives q/k projections no gradient until the temperature has grown; 1.0 is the scale the CCA
paper starts from (exp(0)). In a 2+2-digit addition SFT probe (batch 32, AdamW 3e-3) the answer-token loss after
25 steps was 1.38 with 1.0 vs 2.19 with 0; both were level by step 150."""


@dataclass(frozen=True)
class LoadedPolicy:
    """A ready policy: the causal LM, its tokenizer (left padding, pad token set) and the kernels in use."""

    model: ZayaForCausalLM
    tokenizer: PreTrainedTokenizerBase
    kernels: Literal["triton", "eager"]


def _resolve_dtype(dtype: torch.dtype | str | None) -> torch.dtype | None:
    if dtype is None or isinstance(dtype, torch.dtype):
        return dtype
    if isinstance(dtype, str):
        resolved = getattr(torch, dtype, None)
        if isinstance(resolved, torch.dtype):
            return resolved
    raise ValueError(f"dtype must be a torch.dtype or its name (e.g. 'bfloat16'), got {dtype!r}")


def triton_importable() -> bool:
    """Whether the `triton` package can be imported here."""
    try:
        import triton  # noqa: F401
    except ImportError:
        return False
    return True


def resolve_kernels(kernels: KernelChoice, device: torch.device | str | None) -> Literal["triton", "eager"]:
    """The kernels `load_policy` will use for `kernels` on `device` (None: wherever a GPU is visible)."""
    if kernels not in ("auto", "triton", "eager"):
        raise ValueError(f"kernels must be 'auto', 'triton' or 'eager', got {kernels!r}")
    if kernels == "eager":
        return "eager"
    if kernels == "triton":
        if not triton_importable():
            raise ImportError(
                "kernels='triton' needs the `triton` package (pip install 'rlve-gym-suite[kernels]'); "
                "use kernels='eager' or 'auto' to run without it"
            )
        return "triton"
    on_gpu = torch.device(device).type == "cuda" if device is not None else torch.cuda.is_available()
    return "triton" if on_gpu and triton_importable() else "eager"


def install_triton_kernels(model: ZayaForCausalLM) -> None:
    """Swap in rlve_gym's Triton CCA projection and select its Triton experts implementation."""
    # Imported here so the eager path works without triton or the kernel modules.
    from rlve_gym.policies.kernels.cca import install_cca_kernels
    from rlve_gym.policies.kernels.moe import register_triton_experts

    implementation = register_triton_experts()
    # transformers 5.24 reads `config._experts_implementation` at every experts forward, and
    # `set_experts_implementation` validates the name against the ExpertsInterface registry before setting it.
    model.set_experts_implementation(implementation)
    if model.config._experts_implementation != implementation:
        raise RuntimeError(f"transformers did not accept experts implementation {implementation!r}")
    installed = install_cca_kernels(model)
    if installed != model.config.num_hidden_layers:
        raise RuntimeError(
            f"Triton CCA kernels were installed on {installed} of {model.config.num_hidden_layers} layers"
        )


@torch.no_grad()
def init_tiny_weights(model: ZayaForCausalLM, seed: int) -> None:
    """Initialise every parameter like transformers' ZAYA init (normal(0, initializer_range) matrices, zero
    biases, unit norms and residual scales, zero balancing biases with the skip slot at -1) but from a local
    generator seeded with `seed`, and with the key temperature at `TINY_KEY_TEMPERATURE`."""
    generator = torch.Generator(device="cpu").manual_seed(seed)
    std = model.config.initializer_range
    initialised: set[int] = set()

    # A tied tensor (lm_head.weight is embed_tokens.weight) is visited twice; only the first visit initialises it.
    def fill(tensor: torch.Tensor, value: float) -> None:
        if id(tensor) not in initialised:
            tensor.fill_(value)
            initialised.add(id(tensor))

    def normal(tensor: torch.Tensor) -> None:
        if id(tensor) in initialised:
            return
        sample = torch.randn(tensor.shape, generator=generator, dtype=torch.float32) * std
        tensor.copy_(sample)
        initialised.add(id(tensor))

    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv1d)):
            normal(module.weight)
            if module.bias is not None:
                fill(module.bias, 0.0)
        elif isinstance(module, nn.Embedding):
            normal(module.weight)
            if module.padding_idx is not None:
                module.weight[module.padding_idx].zero_()
        elif isinstance(module, ZayaRMSNorm):
            fill(module.weight, 1.0)
        elif isinstance(module, ZayaResidualScaling):
            fill(module.hidden_states_scale, 1.0)
            fill(module.hidden_states_bias, 0.0)
            fill(module.residual_scale, 1.0)
            fill(module.residual_bias, 0.0)
        elif isinstance(module, ZayaModel):
            fill(module.input_hidden_states_scale, 1.0)
            fill(module.input_hidden_states_bias, 0.0)
        elif isinstance(module, ZayaQKNorm):
            fill(module.temp, TINY_KEY_TEMPERATURE)
        elif isinstance(module, ZayaRouter):
            if module.use_eda:
                fill(module.router_states_scale, 1.0)
            module.balancing_biases.zero_()
            module.balancing_biases[-1] = -1.0
        elif isinstance(module, ZayaExperts):
            normal(module.gate_up_proj)
            normal(module.down_proj)
    missed = [name for name, parameter in model.named_parameters() if id(parameter) not in initialised]
    if missed:
        raise RuntimeError(f"tiny init does not know these ZAYA parameters (transformers changed?): {missed}")


def _build_tiny(
    tokenizer_corpus: Iterable[str] | None, seed: int, dtype: torch.dtype | None, config_overrides: dict[str, Any]
) -> tuple[ZayaForCausalLM, PreTrainedTokenizerBase]:
    overrides = dict(config_overrides)
    target_vocab_size = overrides.pop("vocab_size", DEFAULT_VOCAB_SIZE)
    for key in ("pad_token_id", "bos_token_id", "eos_token_id"):
        if key in overrides:
            raise TypeError(f"{key} comes from the tiny tokenizer and cannot be overridden")
    tokenizer = build_tokenizer(tokenizer_corpus, vocab_size=target_vocab_size)
    config = tiny_config(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        **overrides,
    )
    # no_init_weights skips torch's and transformers' random init (both draw from the global RNG); it also skips
    # the embedding/LM-head tying that transformers does inside init, so tie explicitly.
    with no_init_weights():
        model = ZayaForCausalLM(config)
    model.tie_weights()
    init_tiny_weights(model, seed)
    model.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    if dtype is not None:
        model.to(dtype)
    return model, tokenizer


def _load_local(path: Path, dtype: torch.dtype | None) -> tuple[ZayaForCausalLM, PreTrainedTokenizerBase]:
    if not path.is_dir():
        raise FileNotFoundError(
            f"{str(path)!r} is neither 'tiny' nor an existing local directory; load_policy never downloads. "
            "Fetch a checkpoint first (e.g. `hf download Zyphra/ZAYA1-8B --local-dir DIR`) and pass DIR"
        )
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{str(path)!r} has no config.json; it is not a saved model directory")
    config = AutoConfig.from_pretrained(path, local_files_only=True)
    if config.model_type != "zaya":
        raise ValueError(f"{str(path)!r} holds a {config.model_type!r} model; rlve_gym's ZAYA policy needs 'zaya'")
    model = ZayaForCausalLM.from_pretrained(path, local_files_only=True, dtype=dtype if dtype is not None else "auto")
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    except (OSError, ValueError) as error:
        raise FileNotFoundError(f"no usable tokenizer files in {str(path)!r}: {error}") from error
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        pad_id = config.pad_token_id if config.pad_token_id is not None else tokenizer.eos_token_id
        if pad_id is None:
            raise ValueError(f"the tokenizer in {str(path)!r} has no pad, and the config names no pad or eos token")
        tokenizer.pad_token = tokenizer.convert_ids_to_tokens(pad_id)
    if model.generation_config.pad_token_id is None:
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def load_policy(
    path_or_name: str | os.PathLike[str] = TINY,
    *,
    kernels: KernelChoice = "auto",
    dtype: torch.dtype | str | None = None,
    device: torch.device | str | None = None,
    tokenizer_corpus: Iterable[str] | None = None,
    seed: int = 0,
    **config_overrides: Any,
) -> LoadedPolicy:
    """Build the tiny ZAYA1 policy (`"tiny"`) or load one from a local directory, offline.

    `dtype`: weights dtype (tiny default float32; a checkpoint's own dtype when loading). `device`: where to put
    the model (default: stay on CPU). `tokenizer_corpus`, `seed` and `config_overrides` (any `tiny_config` key;
    `vocab_size` is the tokenizer's BPE target, the model gets `len(tokenizer)`) apply to "tiny" only.
    """
    torch_dtype = _resolve_dtype(dtype)
    chosen_kernels = resolve_kernels(kernels, device)
    if str(path_or_name) == TINY:
        model, tokenizer = _build_tiny(tokenizer_corpus, seed, torch_dtype, config_overrides)
    else:
        if config_overrides or tokenizer_corpus is not None:
            extra = sorted(config_overrides) + (["tokenizer_corpus"] if tokenizer_corpus is not None else [])
            raise TypeError(f"{', '.join(extra)} only apply to load_policy('tiny'), not to a saved checkpoint")
        model, tokenizer = _load_local(Path(path_or_name).expanduser(), torch_dtype)
    if device is not None:
        model.to(device)
    if chosen_kernels == "triton":
        install_triton_kernels(model)
    model.eval()
    return LoadedPolicy(model=model, tokenizer=tokenizer, kernels=chosen_kernels)


def save_policy(policy: LoadedPolicy, directory: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Save model (safetensors + config + generation config) and tokenizer so `load_policy(directory)` restores
    them. The directory appears atomically: files are written to a sibling temporary directory first."""
    target = Path(directory).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"{str(target)!r} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()) and not overwrite:
        raise FileExistsError(f"{str(target)!r} is not empty; pass overwrite=True to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        policy.model.save_pretrained(staging)
        policy.tokenizer.save_pretrained(staging)
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, retired / target.name)
            os.replace(staging, target)
            shutil.rmtree(retired)
        else:
            os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target

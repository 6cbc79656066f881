"""KV-cache bytes per token of ZAYA1-8B's CCA attention vs multi-head attention of the same width.

Both caches are measured, not computed: a few-layer model with the real attention widths runs a real prefill with
`use_cache=True`, and the bytes are read from the tensors held by transformers' cache object (keys, values, and for
ZAYA the CCA conv state and value-shift state). Two prompt lengths separate what grows per token (K/V) from what is
fixed per sequence (CCA state); per-layer numbers are scaled to the full 40 layers.

- ZAYA1-8B: hidden 2048, 8 query heads, 2 K/V heads, head_dim 128 (transformers' `ZayaForCausalLM`).
- MHA: hidden 2048, 16 heads x 128 for queries, keys and values (transformers' `LlamaForCausalLM`).
Vocabulary, expert and MLP widths are shrunk because they do not touch the cache.

Run: python benchmarks/zaya_kv_cache.py [--json results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from dataclasses import dataclass

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch
from transformers import LlamaConfig, LlamaForCausalLM, ZayaConfig, ZayaForCausalLM
from transformers.initialization import no_init_weights

TARGET_LAYERS = 40
HIDDEN_SIZE = 2048
HEAD_DIM = 128
SMALL_VOCAB = 512


@dataclass(frozen=True)
class CacheBytes:
    """Bytes held by one model's cache after a prefill, summed over its layers."""

    key_value: int
    conv_state: int
    recurrent_state: int
    other: int


def _tensor_bytes(value: object) -> int:
    if isinstance(value, torch.Tensor):
        return value.numel() * value.element_size()
    if isinstance(value, dict):
        return sum(_tensor_bytes(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return sum(_tensor_bytes(item) for item in value)
    return 0


def measure_cache(cache: object) -> CacheBytes:
    """Sum the tensor bytes of every cache layer, grouped by what they hold."""
    groups = {"key_value": 0, "conv_state": 0, "recurrent_state": 0, "other": 0}
    for layer in cache.layers:
        for name, value in vars(layer).items():
            size = _tensor_bytes(value)
            if name in ("keys", "values"):
                groups["key_value"] += size
            elif name == "conv_states":
                groups["conv_state"] += size
            elif name == "recurrent_states":
                groups["recurrent_state"] += size
            else:
                groups["other"] += size
    return CacheBytes(**groups)


@torch.no_grad()
def _fill_weights(model: torch.nn.Module, seed: int) -> None:
    # Values do not change cache sizes, but the forward should run on finite numbers; a local generator keeps the
    # global RNG untouched.
    generator = torch.Generator().manual_seed(seed)
    for name, parameter in model.named_parameters():
        if name.endswith("norm.weight") or "scale" in name:
            parameter.fill_(1.0)
        else:
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.02)


def zaya_model(layers: int) -> ZayaForCausalLM:
    """ZAYA1-8B attention geometry with `layers` layers and shrunk vocabulary/experts."""
    config = ZayaConfig(
        vocab_size=SMALL_VOCAB,
        hidden_size=HIDDEN_SIZE,
        num_hidden_layers=layers,
        num_attention_heads=8,
        num_key_value_heads=2,
        head_dim=HEAD_DIM,
        num_experts=16,
        moe_intermediate_size=64,
        router_hidden_size=256,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
    )
    with no_init_weights():
        model = ZayaForCausalLM(config)
    return model


def mha_model(layers: int) -> LlamaForCausalLM:
    """Multi-head attention of the same width: 16 query and 16 K/V heads of 128."""
    config = LlamaConfig(
        vocab_size=SMALL_VOCAB,
        hidden_size=HIDDEN_SIZE,
        num_hidden_layers=layers,
        num_attention_heads=HIDDEN_SIZE // HEAD_DIM,
        num_key_value_heads=HIDDEN_SIZE // HEAD_DIM,
        head_dim=HEAD_DIM,
        intermediate_size=64,
        pad_token_id=0,
        bos_token_id=1,
        eos_token_id=2,
    )
    with no_init_weights():
        model = LlamaForCausalLM(config)
    return model


def prefill_cache_bytes(model: torch.nn.Module, tokens: int, dtype: torch.dtype) -> CacheBytes:
    """Run one prefill of `tokens` tokens and measure the resulting cache."""
    generator = torch.Generator().manual_seed(tokens)
    input_ids = torch.randint(3, SMALL_VOCAB, (1, tokens), generator=generator)
    with torch.no_grad():
        output = model(input_ids=input_ids, use_cache=True)
    cache = getattr(output, "cache", None) or output.past_key_values
    if cache is None:
        raise RuntimeError(f"{type(model).__name__} returned no cache")
    return measure_cache(cache)


def profile(name: str, model: torch.nn.Module, layers: int, lengths: tuple[int, int], dtype: torch.dtype) -> dict:
    """Per-token and per-sequence cache bytes of `model`, scaled from `layers` to TARGET_LAYERS."""
    _fill_weights(model, seed=0)
    model.to(dtype).eval()
    short, long = (prefill_cache_bytes(model, tokens, dtype) for tokens in lengths)
    if short.conv_state != long.conv_state or short.recurrent_state != long.recurrent_state:
        raise RuntimeError(f"{name}: recurrent state grew with the sequence; it is not a fixed-size state")
    if short.other != long.other:
        raise RuntimeError(f"{name}: unclassified cache tensors grew with the sequence")
    per_token_per_layer = (long.key_value - short.key_value) / (lengths[1] - lengths[0]) / layers
    if short.key_value / layers / lengths[0] != per_token_per_layer:
        raise RuntimeError(f"{name}: K/V bytes are not proportional to tokens")
    state_per_layer = (short.conv_state + short.recurrent_state) / layers
    return {
        "model": name,
        "measured_layers": layers,
        "kv_bytes_per_token_per_layer": per_token_per_layer,
        "kv_bytes_per_token": per_token_per_layer * TARGET_LAYERS,
        "conv_state_bytes_per_sequence": short.conv_state / layers * TARGET_LAYERS,
        "value_shift_state_bytes_per_sequence": short.recurrent_state / layers * TARGET_LAYERS,
        "state_bytes_per_sequence": state_per_layer * TARGET_LAYERS,
    }


def main(argv: list[str] | None = None) -> int:
    """Measure both caches, print a table and the JSON, optionally write the JSON to a file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=2, help="layers actually built and run (scaled to 40)")
    parser.add_argument("--tokens", type=int, nargs=2, default=(256, 512), help="two prefill lengths")
    parser.add_argument("--dtype", default="bfloat16", choices=["bfloat16", "float16", "float32"])
    parser.add_argument("--contexts", type=int, nargs="*", default=[1024, 8192, 131072], help="contexts to report")
    parser.add_argument("--json", dest="json_path", help="also write the results to this file")
    args = parser.parse_args(argv)
    if args.layers < 1 or not 0 < args.tokens[0] < args.tokens[1]:
        parser.error("need --layers >= 1 and two increasing positive --tokens")
    dtype = getattr(torch, args.dtype)
    lengths = (args.tokens[0], args.tokens[1])

    zaya = profile("ZAYA1-8B CCA (8 q / 2 kv heads x 128)", zaya_model(args.layers), args.layers, lengths, dtype)
    mha = profile("MHA (16 heads x 128)", mha_model(args.layers), args.layers, lengths, dtype)
    per_context = {}
    for context in args.contexts:
        zaya_total = zaya["kv_bytes_per_token"] * context + zaya["state_bytes_per_sequence"]
        mha_total = mha["kv_bytes_per_token"] * context + mha["state_bytes_per_sequence"]
        per_context[str(context)] = {
            "zaya_bytes": zaya_total,
            "mha_bytes": mha_total,
            "ratio": mha_total / zaya_total,
        }
    results = {
        "dtype": args.dtype,
        "layers": TARGET_LAYERS,
        "zaya": zaya,
        "mha": mha,
        "kv_ratio": mha["kv_bytes_per_token"] / zaya["kv_bytes_per_token"],
        "per_sequence_at_context": per_context,
        "machine": " ".join(
            part for part in (platform.machine(), platform.processor(), f"torch {torch.__version__}") if part
        ),
    }

    print(f"KV-cache per token, {TARGET_LAYERS} layers, {args.dtype} (measured on {args.layers} layers)")
    print(f"{'model':<40} {'K/V B/token':>12} {'K/V B/tok/layer':>16} {'fixed state B/seq':>18}")
    for row in (zaya, mha):
        print(
            f"{row['model']:<40} {row['kv_bytes_per_token']:>12,.0f} {row['kv_bytes_per_token_per_layer']:>16,.0f} "
            f"{row['state_bytes_per_sequence']:>18,.0f}"
        )
    print(f"K/V compression MHA / CCA: {results['kv_ratio']:.2f}x")
    for context, row in per_context.items():
        print(f"  whole cache at {int(context):>7} tokens: {row['ratio']:.2f}x smaller with CCA")
    text = json.dumps(results, indent=2)
    print(text)
    if args.json_path:
        temporary = f"{args.json_path}.tmp"
        with open(temporary, "w") as handle:
            handle.write(text + "\n")
        os.replace(temporary, args.json_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

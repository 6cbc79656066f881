"""GPU benchmark: ZAYA1 top-1 MoE experts, Triton ("rlve_triton") vs transformers' "eager" and "grouped_mm".

For each token count it first checks correctness: the output and all four gradients of every implementation against
an fp32 eager reference on the same rounded weights and inputs (the Triton error must stay within 2x of eager's). Then
it times the inference forward (no_grad) and a training forward+backward (median over iterations, CUDA events) and
records peak memory. Prints one JSON line, then a table.

    python benchmarks/bench_moe_kernels.py                      # hidden 2048, 16 experts, F 2048, 4k/8k/16k, bf16
    python benchmarks/bench_moe_kernels.py --tokens 4096 --iters 10
    python benchmarks/bench_moe_kernels.py --aot-only           # any machine: compile all configs for sm_90 + gfx942

Needs a CUDA or ROCm GPU (except --aot-only); on a machine without one it exits with a message and status 1.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

IMPLEMENTATIONS = ("eager", "grouped_mm", "rlve_triton")
TENSOR_NAMES = ("output", "grad_hidden", "grad_routing_weights", "grad_gate_up", "grad_down")
DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, nargs="+", default=[4096, 8192, 16384], help="token counts to run")
    parser.add_argument("--hidden", type=int, default=2048, help="hidden size D")
    parser.add_argument("--experts", type=int, default=16, help="routed experts E")
    parser.add_argument("--intermediate", type=int, default=2048, help="expert intermediate size F")
    parser.add_argument("--dtype", choices=sorted(DTYPES), default="bf16", help="weights and activations dtype")
    parser.add_argument("--imbalance", type=float, default=0.5, help="std of log expert loads (0 = balanced)")
    parser.add_argument("--skip-fraction", type=float, default=0.02, help="share of tokens the router sends to skip")
    parser.add_argument("--warmup", type=int, default=5, help="untimed iterations per measurement (covers autotuning)")
    parser.add_argument("--iters", type=int, default=20, help="timed iterations per measurement")
    parser.add_argument("--seed", type=int, default=0, help="seed of the local generator for weights and routing")
    parser.add_argument("--aot-only", action="store_true", help="only compile every kernel config for sm_90 and gfx942")
    return parser.parse_args(argv)


def make_experts(args: argparse.Namespace, dtype: torch.dtype, device: torch.device):
    """A `ZayaExperts` module of the requested size with N(0, 0.02) weights from a local generator."""
    from transformers import ZayaConfig
    from transformers.models.zaya.modeling_zaya import ZayaExperts

    config = ZayaConfig(num_experts=args.experts, hidden_size=args.hidden, moe_intermediate_size=args.intermediate)
    config._experts_implementation = "eager"
    experts = ZayaExperts(config)
    generator = torch.Generator().manual_seed(args.seed)
    with torch.no_grad():
        for param in (experts.gate_up_proj, experts.down_proj):
            param.copy_(torch.randn(param.shape, generator=generator) * config.initializer_range)
    return experts.to(device=device, dtype=dtype)


def make_batch(args, num_tokens: int, dtype: torch.dtype, device: torch.device) -> dict[str, torch.Tensor]:
    """Router-like top-1 routing (log-normal expert loads, softmax-sized weights, skips masked as ZayaRouter does).

    Values are drawn in fp32 and rounded to `dtype`, so the fp32 reference sees exactly the benchmarked inputs.
    """
    generator = torch.Generator().manual_seed(args.seed + num_tokens)
    loads = torch.exp(args.imbalance * torch.randn(args.experts, generator=generator))
    index = torch.multinomial(loads, num_tokens, replacement=True, generator=generator).unsqueeze(1)
    weights = torch.rand(num_tokens, 1, generator=generator) * 0.6 + 0.3
    skipped = torch.rand(num_tokens, 1, generator=generator) < args.skip_fraction
    return {
        "hidden": torch.randn(num_tokens, args.hidden, generator=generator).to(device, dtype),
        "index": index.masked_fill(skipped, 0).to(device),
        "weights": weights.masked_fill(skipped, 0.0).to(device, dtype),
        "grad_out": torch.randn(num_tokens, args.hidden, generator=generator).to(device, dtype),
    }


def run_once(experts, batch: dict[str, torch.Tensor], dtype: torch.dtype, backward: bool) -> list[torch.Tensor]:
    """One training forward (and backward): [output, grad hidden, grad routing weights, grad gate_up, grad down]."""
    experts.zero_grad(set_to_none=True)
    hidden = batch["hidden"].detach().to(dtype).requires_grad_(backward)
    weights = batch["weights"].detach().to(dtype).requires_grad_(backward)
    out = experts(hidden, batch["index"], weights)
    if not backward:
        return [out]
    out.backward(batch["grad_out"].to(dtype))
    return [out, hidden.grad, weights.grad, experts.gate_up_proj.grad, experts.down_proj.grad]


def inference_forward(experts, batch: dict[str, torch.Tensor], dtype: torch.dtype) -> torch.Tensor:
    with torch.no_grad():
        return experts(batch["hidden"].to(dtype), batch["index"], batch["weights"].to(dtype))


def max_relative_error(actual: torch.Tensor, expected: torch.Tensor) -> float:
    return ((actual.float() - expected.float()).abs().max() / expected.float().abs().max().clamp_min(1e-12)).item()


def median_ms(fn, warmup: int, iters: int) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iters):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        torch.cuda.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times)


def check_and_time(args, num_tokens: int, experts, reference_experts, dtype, device) -> list[dict]:
    batch = make_batch(args, num_tokens, dtype, device)
    reference_experts.config._experts_implementation = "eager"
    reference = run_once(reference_experts, batch, torch.float32, backward=True)
    errors, rows = {}, []
    for name in IMPLEMENTATIONS:
        experts.config._experts_implementation = name
        try:
            result = run_once(experts, batch, dtype, backward=True)
        except (RuntimeError, NotImplementedError, ValueError) as error:  # e.g. grouped_mm missing on this GPU
            rows.append({"tokens": num_tokens, "impl": name, "error": f"{type(error).__name__}: {error}"[:300]})
            continue
        errors[name] = {
            key: max_relative_error(a, e) for key, a, e in zip(TENSOR_NAMES, result, reference, strict=True)
        }
        del result
        torch.cuda.synchronize()
        forward_ms = median_ms(lambda: inference_forward(experts, batch, dtype), args.warmup, args.iters)
        torch.cuda.reset_peak_memory_stats(device)
        base = torch.cuda.memory_allocated(device)
        run_once(experts, batch, dtype, backward=True)
        torch.cuda.synchronize()
        peak_gib = (torch.cuda.max_memory_allocated(device) - base) / 2**30
        train_ms = median_ms(lambda: run_once(experts, batch, dtype, backward=True), args.warmup, args.iters)
        flops = 2 * 3 * num_tokens * args.hidden * args.intermediate  # gate_up (2F x D) + down (D x F) per token
        rows.append(
            {
                "tokens": num_tokens,
                "impl": name,
                "fwd_ms": round(forward_ms, 4),
                "fwd_bwd_ms": round(train_ms, 4),
                "fwd_tflops": round(flops / forward_ms / 1e9, 2),
                "fwd_bwd_tflops": round(3 * flops / train_ms / 1e9, 2),
                "peak_extra_gib": round(peak_gib, 3),
                "max_rel_error": {key: round(value, 6) for key, value in errors[name].items()},
            }
        )
    if "rlve_triton" in errors and "eager" in errors:
        for key in TENSOR_NAMES:
            triton_error, eager_error = errors["rlve_triton"][key], errors["eager"][key]
            if triton_error > 2 * eager_error + 2 * torch.finfo(dtype).eps:
                raise SystemExit(
                    f"correctness check failed at {num_tokens} tokens: {key} relative error {triton_error:.3e} "
                    f"(eager {args.dtype}: {eager_error:.3e})"
                )
    return rows


def chosen_configs() -> dict[str, dict[str, str]]:
    """The autotuner's pick per Triton kernel and tuning key (row bucket, N, K, dtypes)."""
    from rlve_gym.policies.kernels import moe_triton

    kernels = {id(kernel): kernel for kernel, *_ in moe_triton._KERNELS.values()}
    return {
        kernel.fn.__name__: {str(key): str(config).split(", num_ctas")[0] for key, config in kernel.cache.items()}
        for kernel in kernels.values()
    }


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'tokens':>7} {'impl':>12} {'fwd ms':>9} {'fwd+bwd ms':>11} {'fwd TF/s':>9} {'f+b TF/s':>9} {'mem GiB':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if "error" in row:
            print(f"{row['tokens']:>7} {row['impl']:>12}  unavailable: {row['error']}")
            continue
        print(
            f"{row['tokens']:>7} {row['impl']:>12} {row['fwd_ms']:>9.3f} {row['fwd_bwd_ms']:>11.3f} "
            f"{row['fwd_tflops']:>9.1f} {row['fwd_bwd_tflops']:>9.1f} {row['peak_extra_gib']:>8.3f}"
        )


def aot_only() -> None:
    from rlve_gym.policies.kernels import moe_triton

    for backend in ("cuda", "rocm"):
        start = time.perf_counter()
        records = moe_triton.compile_for_target(backend, all_configs=True)
        print(
            json.dumps({"bench": "moe_kernels_aot", "backend": backend, "compiled": len(records), "records": records})
        )
        print(f"{backend}: {len(records)} kernel configs compiled in {time.perf_counter() - start:.1f}s")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.aot_only:
        aot_only()
        return
    if not torch.cuda.is_available():
        raise SystemExit(
            "bench_moe_kernels: needs a CUDA or ROCm GPU (torch.cuda.is_available() is False); nothing run"
        )

    import transformers
    import triton

    from rlve_gym.policies.kernels.moe import register_triton_experts

    register_triton_experts()
    device = torch.device("cuda")
    dtype = DTYPES[args.dtype]
    experts = make_experts(args, dtype, device)
    # The reference computes in fp32 from the very same (rounded) weights, so errors measure the computation only.
    reference_experts = copy.deepcopy(experts).float()
    rows = []
    for num_tokens in args.tokens:
        rows.extend(check_and_time(args, num_tokens, experts, reference_experts, dtype, device))
    summary = {
        "bench": "moe_kernels",
        "device": torch.cuda.get_device_name(device),
        "rocm": torch.version.hip,
        "cuda": torch.version.cuda,
        "torch": torch.__version__,
        "triton": triton.__version__,
        "transformers": transformers.__version__,
        "host": platform.node(),
        "shape": {
            "hidden": args.hidden,
            "experts": args.experts,
            "intermediate": args.intermediate,
            "dtype": args.dtype,
        },
        "routing": {"imbalance": args.imbalance, "skip_fraction": args.skip_fraction},
        "triton_configs": chosen_configs(),
        "results": rows,
    }
    print(json.dumps(summary))
    print_table(rows)


if __name__ == "__main__":
    main()

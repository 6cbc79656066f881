"""GPU benchmark: ZAYA1's CCA projection with the Triton conv kernels vs transformers' eager `ZayaCCAProjection`.

For each sequence length it first checks correctness: q, k, v and the gradients of the hidden states and of every
projection parameter, for eager and Triton in the benchmark dtype, against an fp32 eager reference on the same
rounded weights and inputs (the Triton error must stay within 2x of eager's). Then it times, median over iterations
with CUDA events: the whole projection forward (no_grad) and forward+backward, the conv q/k path alone (the part the
kernels replace), and a one-token decode step over a batch of cached sequences; and records peak memory of the
forward+backward. Prints one JSON line, then a table.

    python benchmarks/bench_cca_kernels.py                    # hidden 2048, 8 q / 2 kv heads x 128, 4k/8k/16k, bf16
    python benchmarks/bench_cca_kernels.py --seq 4096 --iters 10
    python benchmarks/bench_cca_kernels.py --aot-only         # any machine: compile all configs for sm_90 + gfx942

Needs a CUDA or ROCm GPU (except --aot-only); on a machine without one it exits with a message and status 1.
"""

from __future__ import annotations

import argparse
import copy
import json
import platform
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}
TENSOR_NAMES = ("query", "key", "value", "grad_hidden", "grad_params")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seq", type=int, nargs="+", default=[4096, 8192, 16384], help="sequence lengths to run")
    parser.add_argument("--batch", type=int, default=1, help="sequences per prefill/training batch")
    parser.add_argument("--hidden", type=int, default=2048, help="hidden size E")
    parser.add_argument("--heads", type=int, default=8, help="query heads H")
    parser.add_argument("--kv-heads", type=int, default=2, help="key/value heads K")
    parser.add_argument("--head-dim", type=int, default=128, help="head dim D")
    parser.add_argument("--dtype", choices=sorted(DTYPES), default="bf16", help="weights and activations dtype")
    parser.add_argument("--decode-batch", type=int, default=64, help="sequences per timed decode step")
    parser.add_argument("--warmup", type=int, default=5, help="untimed iterations per measurement (covers autotuning)")
    parser.add_argument("--iters", type=int, default=20, help="timed iterations per measurement")
    parser.add_argument("--seed", type=int, default=0, help="seed of the local generator for weights and inputs")
    parser.add_argument("--aot-only", action="store_true", help="only compile every kernel config for sm_90 and gfx942")
    return parser.parse_args(argv)


def make_config(args: argparse.Namespace):
    from transformers import ZayaConfig

    return ZayaConfig(hidden_size=args.hidden, num_attention_heads=args.heads, num_key_value_heads=args.kv_heads,
                      head_dim=args.head_dim, num_hidden_layers=1)


def make_projection(args: argparse.Namespace, dtype: torch.dtype, device: torch.device):
    """A `ZayaCCAProjection` with N(0, 0.02) linear weights and unit-scale conv weights from a local generator."""
    from transformers.models.zaya.modeling_zaya import ZayaCCAProjection

    projection = ZayaCCAProjection(make_config(args), layer_idx=0)
    generator = torch.Generator().manual_seed(args.seed)
    with torch.no_grad():
        for name, param in projection.named_parameters():
            scale = 0.02 if name.endswith("proj.weight") else param.shape[-1] ** -0.5
            param.copy_(torch.randn(param.shape, generator=generator) * scale)
    return projection.to(device=device, dtype=dtype)


def run_projection(projection, x_BTE: torch.Tensor, grads_out: list[torch.Tensor]) -> list[torch.Tensor]:
    """q, k, v and the gradients of the hidden states and of all parameters (flattened) of one forward+backward."""
    projection.zero_grad(set_to_none=True)
    x_BTE = x_BTE.detach().clone().requires_grad_()
    outputs = projection(x_BTE, None)
    sum((out.float() * grad.float()).sum() for out, grad in zip(outputs, grads_out, strict=True)).backward()
    params = torch.cat([p.grad.float().flatten() for p in projection.parameters()])
    return [out.detach() for out in outputs] + [x_BTE.grad.detach(), params]


def relative_error(actual: torch.Tensor, expected: torch.Tensor) -> float:
    scale = expected.float().abs().max().item() or 1.0
    return (actual.float() - expected.float()).abs().max().item() / scale


def check_correctness(args, dtype, device, seq: int) -> dict:
    from rlve_gym.policies.kernels import install_cca_kernels

    eager = make_projection(args, dtype, device)
    kernel = copy.deepcopy(eager)
    install_cca_kernels(kernel)
    reference = copy.deepcopy(eager).float()
    generator = torch.Generator().manual_seed(args.seed + 1)
    x = torch.randn(args.batch, seq, args.hidden, generator=generator).to(device=device, dtype=dtype)
    with torch.no_grad():
        shapes = [t.shape for t in eager(x, None)]
    grads_out = [torch.randn(shape, generator=generator).to(device=device, dtype=dtype) for shape in shapes]
    truth = run_projection(reference, x.float(), [g.float() for g in grads_out])
    errors = {}
    for name, module in (("eager", eager), ("triton", kernel)):
        results = run_projection(module, x, grads_out)
        errors[name] = {key: relative_error(r, t) for key, r, t in zip(TENSOR_NAMES, results, truth, strict=True)}
    passed = all(errors["triton"][key] <= 2 * errors["eager"][key] + 1e-3 for key in TENSOR_NAMES)
    return {"errors": errors, "passed": passed}


def median_ms(fn: Callable[[], object], warmup: int, iters: int) -> float:
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(iters):
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    return statistics.median(times)


def eager_conv_path(projection, q_hat_BTHD, k_hat_BTKD):
    """The conv q/k part of the eager forward (same torch ops), for timing it alone."""
    import torch.nn.functional as F

    B, T, H, D = q_hat_BTHD.shape
    K = k_hat_BTKD.shape[2]
    packed = torch.cat([q_hat_BTHD.flatten(2), k_hat_BTKD.flatten(2)], dim=-1).transpose(1, 2)
    mixed = projection.conv_qk_grouped(projection.conv_qk_depthwise(F.pad(packed, (2, 0)))).transpose(1, 2)
    q_mix = (q_hat_BTHD + k_hat_BTKD.repeat_interleave(H // K, dim=2)) * 0.5
    k_mix = q_mix.view(B, T, K, H // K, D).mean(dim=-2)
    return mixed[..., : H * D].reshape(B, T, H, D) + q_mix, mixed[..., H * D :].reshape(B, T, K, D) + k_mix


def time_prefill(args, dtype, device, seq: int) -> dict:
    from rlve_gym.policies.kernels import install_cca_kernels
    from rlve_gym.policies.kernels.cca_triton import cca_conv_qk

    eager = make_projection(args, dtype, device)
    kernel = copy.deepcopy(eager)
    install_cca_kernels(kernel)
    generator = torch.Generator().manual_seed(args.seed + 2)
    x = torch.randn(args.batch, seq, args.hidden, generator=generator).to(device=device, dtype=dtype)
    x_grad = x.detach().clone().requires_grad_()
    D = args.head_dim
    q_hat = eager.q_proj(x).detach().view(args.batch, seq, -1, D).requires_grad_()
    k_hat = eager.k_proj(x).detach().view(args.batch, seq, -1, D).requires_grad_()
    dw, grouped = kernel.conv_qk_depthwise, kernel.conv_qk_grouped

    def training_step(module):
        def step():
            module.zero_grad(set_to_none=True)
            x_grad.grad = None
            q, k, v = module(x_grad, None)
            (q.float().sum() + k.float().sum() + v.float().sum()).backward()

        return step

    def conv_step(conv):
        def step():
            q_hat.grad = k_hat.grad = None
            q, k = conv()
            (q.float().sum() + k.float().sum()).backward()

        return step

    result = {}
    for name, module in (("eager", eager), ("triton", kernel)):
        with torch.no_grad():
            result[f"{name}_forward_ms"] = median_ms(lambda m=module: m(x, None), args.warmup, args.iters)
        step = training_step(module)
        result[f"{name}_fwd_bwd_ms"] = median_ms(step, args.warmup, args.iters)
        torch.cuda.reset_peak_memory_stats(device)
        step()
        torch.cuda.synchronize()
        result[f"{name}_fwd_bwd_peak_mib"] = torch.cuda.max_memory_allocated(device) / 2**20
    result["eager_conv_fwd_bwd_ms"] = median_ms(conv_step(lambda: eager_conv_path(eager, q_hat, k_hat)),
                                                args.warmup, args.iters)
    result["triton_conv_fwd_bwd_ms"] = median_ms(
        conv_step(lambda: cca_conv_qk(q_hat, k_hat, dw.weight, dw.bias, grouped.weight, grouped.bias)),
        args.warmup, args.iters,
    )
    return result


def time_decode(args, dtype, device) -> dict:
    """One-token decode step of the projection over `decode_batch` sequences with 32 tokens cached."""
    from transformers.cache_utils import DynamicCache

    from rlve_gym.policies.kernels import install_cca_kernels

    eager = make_projection(args, dtype, device)
    kernel = copy.deepcopy(eager)
    install_cca_kernels(kernel)
    generator = torch.Generator().manual_seed(args.seed + 3)
    prompt = torch.randn(args.decode_batch, 32, args.hidden, generator=generator).to(device=device, dtype=dtype)
    token = torch.randn(args.decode_batch, 1, args.hidden, generator=generator).to(device=device, dtype=dtype)
    result = {}
    with torch.no_grad():
        for name, module in (("eager", eager), ("triton", kernel)):
            cache = DynamicCache(config=make_config(args))
            module(prompt, cache)
            result[f"{name}_decode_step_ms"] = median_ms(lambda m=module, c=cache: m(token, c), args.warmup, args.iters)
    return result


def aot_only() -> int:
    from rlve_gym.policies.kernels import cca_triton

    records = [record for backend in ("cuda", "rocm") for record in cca_triton.compile_for_target(backend)]
    print(json.dumps({"benchmark": "cca_kernels_aot", "records": records}))
    print(f"{'backend':8} {'kernel':11} {'shared B':>9} {'regs':>5} {'spilled':>8}  config")
    for record in records:
        print(f"{record['backend']:8} {record['kernel']:11} {record['shared_bytes']:>9} {record['registers']:>5} "
              f"{record['spilled']:>8}  {record['config']}")
    return 0 if all(record["spilled"] == 0 for record in records) else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.aot_only:
        return aot_only()
    if not torch.cuda.is_available():
        print("bench_cca_kernels.py needs a CUDA or ROCm GPU (torch.cuda.is_available() is False); "
              "use --aot-only to check that the kernels compile for sm_90 and gfx942.", file=sys.stderr)
        return 1
    device = torch.device("cuda")
    dtype = DTYPES[args.dtype]
    runs = []
    for seq in args.seq:
        correctness = check_correctness(args, dtype, device, seq)
        if not correctness["passed"]:
            print(json.dumps({"benchmark": "cca_kernels", "seq": seq, "correctness": correctness}))
            print(f"correctness check failed at seq {seq}; not timing", file=sys.stderr)
            return 1
        runs.append({"seq": seq, "correctness": correctness, **time_prefill(args, dtype, device, seq)})
    decode = time_decode(args, dtype, device)
    summary = {
        "benchmark": "cca_kernels",
        "device": torch.cuda.get_device_name(device),
        "backend": "rocm" if torch.version.hip else "cuda",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "dtype": args.dtype,
        "shape": {"batch": args.batch, "hidden": args.hidden, "heads": args.heads, "kv_heads": args.kv_heads,
                  "head_dim": args.head_dim},
        "runs": runs,
        "decode": {"batch": args.decode_batch, **decode},
    }
    print(json.dumps(summary))
    print(f"\nCCA projection on {summary['device']} ({args.dtype}, batch {args.batch}); times in ms, median")
    header = (f"{'seq':>6} {'impl':>7} {'fwd':>8} {'fwd+bwd':>8} {'conv fwd+bwd':>13} {'peak MiB':>9} "
              f"{'max rel err (q, k, v, dx, dparams)':>36}")
    print(header)
    for run in runs:
        for impl in ("eager", "triton"):
            errors = ", ".join(f"{run['correctness']['errors'][impl][key]:.1e}" for key in TENSOR_NAMES)
            print(f"{run['seq']:>6} {impl:>7} {run[f'{impl}_forward_ms']:>8.3f} {run[f'{impl}_fwd_bwd_ms']:>8.3f} "
                  f"{run[f'{impl}_conv_fwd_bwd_ms']:>13.3f} {run[f'{impl}_fwd_bwd_peak_mib']:>9.0f} {errors:>36}")
    print(f"decode step, batch {args.decode_batch}: eager {decode['eager_decode_step_ms']:.3f} ms, "
          f"triton {decode['triton_decode_step_ms']:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

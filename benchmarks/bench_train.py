"""`core.train`'s GPU options (bf16 autocast, channels-last, torch.compile) vs its fp32 default, ResNet-18 on CIFAR-shaped batches.

Each option trains the same freshly initialized ResNet-18 (seed 0) for the same steps on the same random 3x32x32 batches
(the compute of a CIFAR step does not depend on the pixel values). Rows: fp32 seconds per step (baseline), the
option's (ours), ratio = fp32 / option (> 1: the option is faster), and the relative parameter difference from the
fp32 run after those steps (0 for a pure layout change; bf16's ~1e-3 is its 8-bit mantissa). Repeats are interleaved
and the median is reported. On a CPU, bf16 autocast and channels-last are not expected to help (they target GPU tensor
cores and cuDNN); the numbers say what they do here. torch.compile is measured only with --full (its first call
compiles for about a minute on a CPU; the steps timed exclude that).
"""
import statistics, time
import torch
from mlu_nb.core import train, flat_params, get_device
from mlu_nb.models import resnet18_cifar

OPTIONS = dict(fp32={}, channels_last=dict(channels_last=True), bf16=dict(amp='bf16'), bf16_channels_last=dict(amp='bf16', channels_last=True))

def _run(opts, X, y, dev, steps, bs):
    "Seconds per step (after one warm-up step) and final flat parameters of one training run with `opts`."
    torch.manual_seed(0); m = resnet18_cifar(10).to(dev)
    train(m, X[:bs], y[:bs], epochs=1, lr=0.01, batch_size=bs, **opts)   # warm-up: allocator, cuDNN autotune, compile
    torch.manual_seed(0); m = resnet18_cifar(10).to(dev)
    if dev.type == 'cuda': torch.cuda.synchronize()
    t0 = time.perf_counter(); train(m, X, y, epochs=1, lr=0.01, batch_size=bs, **opts)
    if dev.type == 'cuda': torch.cuda.synchronize()
    return (time.perf_counter() - t0) / steps, flat_params(m).detach()

def run(quick=True):
    dev = get_device(); bs = 128 if dev.type == 'cuda' else 32
    steps, reps = (20, 3) if dev.type == 'cuda' else ((2, 2) if quick else (4, 3))
    opts = dict(OPTIONS, **({} if quick else dict(compile=dict(compile=True))))
    g = torch.Generator().manual_seed(0)
    X, y = torch.randn(steps * bs, 3, 32, 32, generator=g).to(dev), torch.randint(0, 10, (steps * bs,), generator=g).to(dev)
    times, params = {k: [] for k in opts}, {}
    for _ in range(reps):   # interleaved: machine load drifts over all options alike
        for k, o in opts.items():
            t, p = _run(o, X, y, dev, steps, bs); times[k].append(t); params[k] = p
    base = statistics.median(times['fp32'])
    rows = []
    for k in opts:
        if k == 'fp32': continue
        t = statistics.median(times[k]); err = ((params[k] - params['fp32']).norm() / params['fp32'].norm()).item()
        rows.append(dict(name=f'train ResNet-18 {k} vs fp32 (batch {bs})', baseline_s=base, ours_s=t, ratio=base / t, goal='>=1x on GPU',
                         note=f'per step, median of {reps} interleaved runs of {steps} steps; param rel. diff {err:.1e}; {dev.type}, torch threads={torch.get_num_threads()}'))
    return rows

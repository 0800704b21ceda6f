"Benchmark for `mlu_nb.ksd`: the closed-form, row-blocked Stein kernel matrix vs the per-pair autograd reference."
import time
import torch
from mlu_nb.data import digits
from mlu_nb.models import make_model
from mlu_nb.ksd import stein_kernel_matrix, stein_pair_reference, median_bandwidth

def _digits_n(n, seed=0):
    "n digits images: the 1797 train+test images, tiled with small Gaussian jitter when n > 1797."
    D = digits(); X = torch.cat([D.X_train, D.X_test]); y = torch.cat([D.y_train, D.y_test])
    reps = -(-n // len(X)); g = torch.Generator().manual_seed(seed)
    X = torch.cat([X + (0.05 * torch.randn(X.shape, generator=g) if r else 0) for r in range(reps)])[:n]
    return X, torch.cat([y] * reps)[:n], D

def _reference_seconds(model, X, y, h, rows):
    "Per-pair reference: per-sample autograd scores for all n points, then Eq. 4 by autograd for `rows` full rows."
    t0 = time.perf_counter(); S = []
    for i in range(len(X)):  # the reference is deliberately a loop
        x = X[i:i+1].clone().requires_grad_()
        S.append(torch.autograd.grad(torch.log_softmax(model(x), -1)[0, y[i]], x)[0].flatten())
    t_scores = time.perf_counter() - t0
    Xf = X.reshape(len(X), -1); t0 = time.perf_counter()
    for i in range(rows):
        for j in range(len(X)): stein_pair_reference(Xf[i], Xf[j], S[i], S[j], h)
    return t_scores, (time.perf_counter() - t0) * len(X) / rows   # extrapolated from `rows` of n rows

def run(quick=True):
    torch.set_num_threads(1)
    model = make_model('smallcnn', digits(), seed=0).eval()   # untrained weights: cost does not depend on them
    n = 2000; X, y, _ = _digits_n(n); h = median_bandwidth(X)
    stein_kernel_matrix(model, X[:16], y[:16], bandwidth=h)   # warm-up (first torch.func call pays a one-off setup)
    t0 = time.perf_counter(); K = stein_kernel_matrix(model, X, y, bandwidth=h); ours = time.perf_counter() - t0
    rows = 2 if quick else 10
    ts, tp = _reference_seconds(model, X, y, h, rows)
    out = [dict(name=f'stein_kernel_matrix n={n}', baseline_s=ts + tp, ours_s=ours, ratio=(ts + tp) / ours,
                note=f'reference = per-sample autograd scores (measured, {ts:.1f}s) + per-pair Eq. 4 with autograd through the RBF kernel, '
                     f'timed on {rows} of {n} rows and extrapolated x{n // rows}; 1 thread')]
    n2 = 10_000; X2, y2, _ = _digits_n(n2)
    t0 = time.perf_counter(); K2 = stein_kernel_matrix(model, X2, y2, chunk_size=1000); t2 = time.perf_counter() - t0
    out.append(dict(name=f'stein_kernel_matrix n={n2} chunk_size=1000', baseline_s=float('nan'), ours_s=t2, ratio=float('nan'),
                    note=f'digits tiled with jitter; result {K2.numel() * 4 / 2**30:.2f} GiB float32, blocks of 1000 rows; 1 thread'))
    return out

if __name__ == '__main__':
    for r in run(): print(r)

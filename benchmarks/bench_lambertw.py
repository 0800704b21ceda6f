"Benchmark for `mlu_nb.lambertw` / `mlu_nb.klom_study`: vectorized closed forms vs per-point root finding, and N models trained at once vs one by one."
import time
import numpy as np
import torch
from mlu_nb.lambertw import closed_forms_grid, stationary_bruteforce
from mlu_nb.klom_study import train_stack
from mlu_nb.data import digits
from mlu_nb.models import make_model
from mlu_nb.core import train

def run(quick=True):
    torch.set_num_threads(1); out = []
    # 1) Lemma 2 on an alpha x lambda grid: scipy.special.lambertw vectorized vs brentq per point (the reference)
    R_j, nR, nF = 50, 1000, 10
    a = np.linspace(0, nF / R_j, 200 if quick else 1000)[:, None]; lam = np.logspace(-3, 0, 20)[None]
    t0 = time.perf_counter(); g = closed_forms_grid(R_j, a, nR, nF, lam); ours = time.perf_counter() - t0
    A, L = np.broadcast_arrays(a, lam); t0 = time.perf_counter()
    for al, lm in zip(A.ravel(), L.ravel()):  # the reference is deliberately a loop (three 1-D root findings per point)
        for c in ((1 + al) * R_j / (nR + nF), R_j / nR, R_j * (1 / nR - al / nF)): stationary_bruteforce(c, lm)
    base = time.perf_counter() - t0
    out.append(dict(name=f'closed_forms_grid {A.size} points', baseline_s=base, ours_s=ours, ratio=base / ours,
                    note='3 stationary points per grid point; reference = scipy.optimize.brentq per point'))
    # 2) N MLPs on digits: stacked (vmap forward, one backward) vs N sequential core.train runs with the same recipe
    dg = digits(flat=True); N = 10 if quick else 20; idx = torch.arange(dg.n_train)
    t0 = time.perf_counter(); train_stack('mlp', dg, idx, N, epochs=5); ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(N):
        train(make_model('mlp', dg, seed=i), dg.X_train.float(), dg.y_train, epochs=5, lr=0.05, batch_size=128, opt='sgd', momentum=0.9, weight_decay=1e-4, seed=i)
    base = time.perf_counter() - t0
    out.append(dict(name=f'train_stack N={N} MLPs, 5 epochs', baseline_s=base, ours_s=ours, ratio=base / ours,
                    note='baseline = N sequential core.train runs (same recipe); 1 thread'))
    return out

if __name__ == '__main__':
    for r in run(): print(r)

"Benchmark for mlu_nb.atlas: pointwise unlearning vectorized over (model, point) pairs vs a loop over pairs; a stack of models vs training them one by one."
import time, torch
import torch.nn.functional as F
from torch.func import functional_call
from mlu_nb.core import train_stacked, unstack, flat_params, set_flat_params_
from mlu_nb.data import digits
from mlu_nb.models import make_model
from mlu_nb.mumis import mu_mis
from mlu_nb.atlas import complementary_masks, pointwise_ascent, pointwise_mumis

def _t(f):
    t0 = time.perf_counter(); f(); return time.perf_counter() - t0

def _loop_ascent(base, P, X, y, pairs, steps, lr):
    "Reference: one autograd ascent per (model, point) pair, a Python loop over pairs."
    for k, i in pairs:
        p = {n: v.clone() for n, v in unstack(P, k).items()}
        for _ in range(steps):
            q = {n: v.requires_grad_() for n, v in p.items()}
            g = torch.autograd.grad(F.cross_entropy(functional_call(base, q, (X[i:i+1],)), y[i:i+1]), list(q.values()))
            p = {n: v.detach() + lr * gg for (n, v), gg in zip(q.items(), g)}

def run(quick=True) -> list[dict]:
    D = digits(flat=True); X, y = D.X_train, D.y_train
    mk = lambda s: make_model('mlp', D, seed=s, hidden=16)
    K, steps = (4, 10) if quick else (20, 30)
    masks = complementary_masks(len(X), K // 2)
    base, P, _, _ = train_stacked(mk, X, y, masks, steps=150)
    M = int(masks.sum()); sub = 40   # the loops run on `sub` pairs and are extrapolated to all M pairs
    k_idx, i_idx = torch.nonzero(masks > 0, as_tuple=True)
    pairs = list(zip(k_idx[:sub].tolist(), i_idx[:sub].tolist()))
    tgt = torch.full((len(X),), 1e9)
    ga = _t(lambda: pointwise_ascent(base, P, X, y, masks, tgt, steps))
    ga_loop = _t(lambda: _loop_ascent(base, P, X, y, pairs, steps, 0.05)) * M / sub
    mm = _t(lambda: pointwise_mumis(base, P, X, y, masks, tgt, steps))
    def mm_loop():
        for k, i in pairs:
            m = mk(0); set_flat_params_(m, flat_params(unstack(P, k)))
            mu_mis(m, X[i:i+1], y[i:i+1], lr=3e-4, max_iter=steps, track=False, inplace=True)
    mml = _t(mm_loop) * M / sub
    st = _t(lambda: train_stacked(mk, X, y, masks, steps=50))
    seq = _t(lambda: [train_stacked(lambda s, k=k: mk(k), X, y, masks[k:k+1], steps=50) for k in range(K)])
    return [dict(name=f'pointwise GA, {M} pairs x {steps} steps (vmap vs loop over pairs)', baseline_s=ga_loop, ours_s=ga, ratio=ga_loop / ga,
                 note=f'loop timed on {sub} pairs, extrapolated'),
            dict(name=f'pointwise MU-Mis, {M} pairs x {steps} steps (vmap vs mu_mis per pair)', baseline_s=mml, ours_s=mm, ratio=mml / mm,
                 note=f'loop timed on {sub} pairs, extrapolated'),
            dict(name=f'train_stacked {K} MLPs x 50 full-batch steps vs one by one', baseline_s=seq, ours_s=st, ratio=seq / st, note='same arithmetic')]

if __name__ == '__main__':
    for r in run(quick=False): print(r)

"""Benchmark of `mlu_nb.influence`: UGS for the 1437 digits training points with softmax regression (LogReg, 650 params).

Rows: (1) batched exact UGS (one Hessian, one Cholesky, one batched triangular solve) vs a per-sample loop
(autograd gradient + `torch.linalg.solve` per point, the Hessian formed once, as in influence libraries that
solve per query); (2) CG and LiSSA vs exact on the same points: time ratio, Spearman agreement of the scores
and max relative error of the scores. Float32, damping 1e-2 (the LogReg recipe's weight decay is 1e-3; the
extra damping keeps CG/LiSSA iteration counts bounded). quick=True runs CG/LiSSA on a random 300-point subset
(the whole 1437 with quick=False); LiSSA uses mini-batch HVPs (128 points) and depth 600.
"""
import time
import torch
import torch.nn.functional as F
from scipy.stats import spearmanr
from mlu_nb.core import per_sample_grads, train, num_params
from mlu_nb.data import digits
from mlu_nb.models import make_model, RECIPES
from mlu_nb.influence import ugs_scores, dense_hessian

def _t(f):
    t = time.perf_counter(); out = f(); return out, time.perf_counter() - t

def run(quick=True) -> list[dict]:
    torch.manual_seed(0)
    D = digits(); X, y = D.X_train, D.y_train; n = len(X); damp = 1e-2
    m = make_model('logreg', D, seed=0); train(m, X, y, **RECIPES['logreg'])
    ps = [p for p in m.parameters()]
    u_ex, t_ex = _t(lambda: ugs_scores(m, F.cross_entropy, X, y, damping=damp))
    def loop():
        H = dense_hessian(m, F.cross_entropy, X, y) + damp * torch.eye(num_params(m))
        out = []
        for i in range(n):  # the baseline: one gradient and one solve per point
            g = torch.cat([a.reshape(-1) for a in torch.autograd.grad(F.cross_entropy(m(X[i:i+1]), y[i:i+1]), ps)])
            out.append(torch.linalg.solve(H, g).norm())
        return torch.stack(out)
    u_lp, t_lp = _t(loop)
    rows = [dict(name='ugs exact: batched vs per-sample loop (1437 pts)', baseline_s=t_lp, ours_s=t_ex, ratio=t_lp / t_ex, goal='>=20x',
                 note=f"max rel diff {((u_lp - u_ex).abs() / u_ex).max().item():.1e}")]
    idx = torch.randperm(n, generator=torch.Generator().manual_seed(0))[:300] if quick else torch.arange(n)
    Xs, ys = X[idx], y[idx]
    u_e, t_e = _t(lambda: ugs_scores(m, F.cross_entropy, Xs, ys, damping=damp, hessian_data=(X, y)))
    for meth, kw in (('cg', dict(tol=1e-6, max_iter=1000)), ('lissa', dict(depth=600, batch_size=128, repeats=1))):
        u_m, t_m = _t(lambda: ugs_scores(m, F.cross_entropy, Xs, ys, meth, damping=damp, hessian_data=(X, y), **kw))
        rel = ((u_m - u_e).abs() / u_e).max().item()
        rows.append(dict(name=f'ugs {meth} vs exact ({len(idx)} pts)', baseline_s=t_e, ours_s=t_m, ratio=t_e / t_m,
                         goal='rel<1e-4' if meth == 'cg' else '-',
                         note=f"spearman {spearmanr(u_m.numpy(), u_e.numpy())[0]:.4f}, max rel err {rel:.1e}, {kw}"))
    return rows

if __name__ == '__main__':
    for r in run(): print(r)

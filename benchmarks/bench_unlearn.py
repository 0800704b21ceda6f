"Benchmark: seconds of every unlearning method on digits random-100 (SmallCNN) and its speed-up over `retrain`; plus the vectorized Fisher diagonal against a per-sample loop."
import time

import torch
import torch.nn.functional as F

from mlu_nb.core import train, flat_params
from mlu_nb.data import digits, random_forget
from mlu_nb.models import RECIPES, make_model
from mlu_nb.unlearn import available_methods, unlearn, sisa_train, _fisher_diag


def _fisher_loop(model, X):
    "Reference: one backward per (sample, class), as in Golatkar et al.'s code (batch size 1)."
    ps = list(model.parameters()); out = 0.
    for x in X:
        logp = F.log_softmax(model(x[None]), 1)[0]
        for c in range(len(logp)):
            g = torch.cat([v.reshape(-1) for v in torch.autograd.grad(logp[c], ps, retain_graph=True)])
            out = out + logp[c].exp().detach() * g ** 2
    return out / len(X)


def run(quick:bool=True) -> list[dict]:
    "Seconds per method on digits random-100 (baseline = retrain) and Fisher vectorization; rows of dict(name, baseline_s, ours_s, ratio, note)."
    D = digits(); sp = random_forget(D, 100, seed=0)
    base = make_model('smallcnn', D, seed=0)
    log = train(base, D.X_train, D.y_train, seed=0, **RECIPES['smallcnn'], record_updates=sp.forget)
    ens = sisa_train(make_model('smallcnn', D, seed=0), D.X_train, D.y_train, shards=5, seed=0)
    extra = dict(amnesiac=dict(train_log=log))
    methods = [m for m in available_methods() if m != 'boundary_shrink']   # boundary shrink is full-class only
    secs = {}
    for m in methods:
        r = unlearn(m, ens if m == 'sisa' else base, sp, **extra.get(m, {}))
        secs[m] = (r.seconds, r.steps)
    t_rt = secs['retrain'][0]
    rows = [dict(name=f'{m} (random 100)', baseline_s=t_rt, ours_s=s, ratio=t_rt / s,
                 note=f'baseline: retrain with the smallcnn recipe; {st} steps; paper-default hyperparameters')
            for m, (s, st) in secs.items() if m != 'retrain']
    n = 50 if quick else 200
    X = sp.X_retain[:n]
    t0 = time.perf_counter(); ref = _fisher_loop(base, X); t_loop = time.perf_counter() - t0
    t0 = time.perf_counter(); vec = _fisher_diag(base, X); t_vec = time.perf_counter() - t0
    err = ((vec - ref).abs().max() / ref.abs().max()).item()
    rows.append(dict(name=f'fisher diagonal n={n}', baseline_s=t_loop, ours_s=t_vec, ratio=t_loop / t_vec,
                     note=f'baseline: backward per (sample, class); ours: vmap per_sample_grads; rel. max diff {err:.1e}'))
    return rows


if __name__ == '__main__':
    for r in run(): print(r)

"""per_sample_grads (torch.func vmap) vs a Python loop of autograd calls, SmallCNN on digits."""
import time
import torch, torch.nn.functional as F
from mlu_nb.core import per_sample_grads, per_sample_grads_loop
from mlu_nb.data import digits
from mlu_nb.models import make_model

def _time(f, reps=3):
    f(); best = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter(); f(); best = min(best, time.perf_counter() - t0)
    return best

def run(quick=True):
    D = digits(); n = 512
    m = make_model('smallcnn', D, seed=0); X, y = D.X_train[:n], D.y_train[:n]
    a = per_sample_grads(m, F.cross_entropy, X, y); b = per_sample_grads_loop(m, F.cross_entropy, X, y)
    err = ((a - b).norm() / b.norm()).item()
    t_loop = _time(lambda: per_sample_grads_loop(m, F.cross_entropy, X, y), reps=1 if quick else 3)
    t_vmap = _time(lambda: per_sample_grads(m, F.cross_entropy, X, y))
    return [dict(name=f'per_sample_grads SmallCNN n={n}', baseline_s=t_loop, ours_s=t_vmap, ratio=t_loop / t_vmap,
                 goal='>=10x', note=f'rel. diff {err:.1e}; torch threads={torch.get_num_threads()}')]

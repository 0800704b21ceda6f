"Seconds per epoch of DAT vs vanilla training (SmallCNN / digits) at k = 1, 4, 8, and where a DAT step spends its time."
import time
import torch, torch.nn.functional as F
from mlu_nb.core import train, per_sample_grads, hvp, params_of, num_params
from mlu_nb.data import digits
from mlu_nb.models import make_model
from mlu_nb.dat import train_dat, _live_params, rr_ihvp, dat_recipe

def _profile_step(model, X, y, k, reps=5):
    "Seconds of each part of one DAT step (64-point batch): forward risk, per-sample grads, 2k HVPs, solve, backward."
    ps = _live_params(model); t = dict(forward=0., per_sample_grads=0., hvp_range=0., hvp_rr=0., solve=0., backward=0.)
    for _ in range(reps):
        model.zero_grad()
        t0 = time.perf_counter(); risk = F.cross_entropy(model(X), y); t1 = time.perf_counter()
        G = per_sample_grads(model, F.cross_entropy, X, y, params=ps); t2 = time.perf_counter()
        Om = torch.randn(k, G.shape[1]); Y = hvp(model, F.cross_entropy, X, y, Om, params=ps); t3 = time.perf_counter()
        Q = torch.linalg.qr(Y.T)[0]; HQ = hvp(model, F.cross_entropy, X, y, Q.T.contiguous(), params=ps); t4 = time.perf_counter()
        u = rr_ihvp(G, Q, HQ, 1.0).norm(dim=1); L = risk + ((u / u.mean().detach() - 1) ** 2).mean(); t5 = time.perf_counter()
        L.backward(); t6 = time.perf_counter()
        for key, dt in zip(t, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)): t[key] += dt / reps
    return t

def run(quick=True) -> list[dict]:
    D = digits(); epochs = 1 if quick else 3; rows = []
    rec = dat_recipe(epochs)
    m = make_model('smallcnn', D, seed=0); train(m, D.X_train, D.y_train, seed=0, **rec)   # warm-up of kernels
    m = make_model('smallcnn', D, seed=0); van = train(m, D.X_train, D.y_train, seed=0, **rec).seconds / epochs
    for k in (1, 4, 8):
        m = make_model('smallcnn', D, seed=0)
        lg, _ = train_dat(m, D.X_train, D.y_train, lam_ugs=1e-2, lam_lfd=1e-1, k=k, seed=0, **rec)
        ours = lg.seconds / epochs
        rows.append(dict(name=f'dat_epoch_smallcnn_k{k}', baseline_s=van, ours_s=ours, ratio=ours / van,
                         note=f'seconds/epoch DAT vs vanilla, SmallCNN digits (p={num_params(m)}), batch 64; paper claims ratio < 1.08'))
    m = make_model('smallcnn', D, seed=0)
    prof = _profile_step(m, D.X_train[:64], D.y_train[:64], 4)
    tot = sum(prof.values())
    rows.append(dict(name='dat_step_profile_k4', baseline_s=prof['forward'], ours_s=tot, ratio=tot / max(prof['forward'], 1e-12),
                     note='one DAT step: ' + ', '.join(f'{k} {100*v/tot:.0f}%' for k, v in prof.items())))
    return rows

if __name__ == '__main__':
    for r in run(): print(r)

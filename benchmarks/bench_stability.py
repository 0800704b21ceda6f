"""Paper 001 (linear stability): (a) unlearning coherence by the Gram identity vs the square-root definition,
(b) the Fig. 1 quick grid: total seconds and the vectorized simulator vs a per-repetition Python loop."""
import time
import torch
from mlu_nb.stability import _lam_max_sym, gram, max_pair_eig, mix_coherence_from_gram, mix_weights, psd_sqrt, unlearning_coherence
from mlu_nb.stability_repro import FIG1_QUICK, _fig1_simulate, stability_fig1

def _rand_psd(n, d, seed):
    g = torch.Generator().manual_seed(seed)
    U = torch.randn(n, d, d // 4, generator=g, dtype=torch.float64)
    return U @ U.mT / d

def _coherence_rows(n=50, d=100, sub=30):
    H_r, H_f = _rand_psd(n, d, 0), _rand_psd(n, d, 1)
    eta, alpha, B = 1.0, 0.1, 5
    cr, cf = mix_weights(eta, alpha, B, n, n)
    t0 = time.perf_counter()
    S = mix_coherence_from_gram(gram(torch.cat([H_r, H_f])), n, cr, cf)
    lam_S = _lam_max_sym(S.numpy())
    t_gram = time.perf_counter() - t0
    t0 = time.perf_counter(); co = unlearning_coherence(H_r, H_f, eta, alpha, B); t_sigma = time.perf_counter() - t0
    # definition on a subsample of `sub` pairs: square roots of D_rf, then every pairwise product's Frobenius norm
    g = torch.Generator().manual_seed(2); idx = torch.randperm(n * n, generator=g)[:sub]
    D = (cr * H_r[:, None] + cf * H_f[None]).flatten(0, 1)[idx]
    t0 = time.perf_counter(); R = psd_sqrt(D); t_sqrt = (time.perf_counter() - t0) / sub
    t0 = time.perf_counter(); S_def = torch.linalg.matrix_norm(R[:, None] @ R[None], 'fro'); t_entry = (time.perf_counter() - t0) / sub**2
    err = float((S_def - S[idx][:, idx]).abs().max() / S_def.abs().max())
    P = n * n
    t_def = P * t_sqrt + P * (P + 1) / 2 * t_entry     # symmetric: half the entries
    return [dict(name=f'mix-coherence S + lambda_max, n_r=n_f={n}, d={d}', baseline_s=t_def, ours_s=t_gram, ratio=t_def / t_gram,
                 goal='>=100x', note=f'baseline extrapolated from {sub} pairs ({t_entry * 1e6:.1f} us/entry, {t_sqrt * 1e3:.2f} ms/sqrt); '
                                     f'max rel. diff on subsample {err:.1e}; lambda_max(S)={lam_S:.1f}'),
            dict(name='unlearning coherence sigma (incl. max_rf eigvalsh)', baseline_s=t_def, ours_s=t_sigma, ratio=t_def / t_sigma,
                 goal='>=100x', note=f'sigma={co.sigma:.2f}; per pair {t_sigma / P * 1e6:.0f} us vs {t_def / P * 1e3:.1f} ms')]

def _fig1_rows(quick=True):
    out = []
    t0 = time.perf_counter(); res = stability_fig1(FIG1_QUICK, None, 'cpu'); t_fig = time.perf_counter() - t0
    s = res.rows[-1]
    out.append(dict(name='Fig. 1 quick grid (72 cells x 10 reps x 1000 steps)', baseline_s=float('nan'), ours_s=t_fig, ratio=float('nan'),
                    goal='<=60 s', note=f"Eq.7 acc {s['acc7']:.2f}, Eq.8 acc {s['acc8']:.2f}, Lyapunov acc {s['acc_lyap']:.2f}"))
    t0 = time.perf_counter(); _fig1_simulate(FIG1_QUICK); t_vec = time.perf_counter() - t0
    sub = dict(FIG1_QUICK, Qs=[2, 20], Bs=[2, 20])          # 4 of the 72 cells, all 10 repetitions
    t0 = time.perf_counter(); _fig1_simulate(sub, loop=True); t_loop4 = time.perf_counter() - t0
    ncell = len(FIG1_QUICK['Qs']) * len(FIG1_QUICK['Bs'])
    t_loop = t_loop4 * ncell / 4
    out.append(dict(name='Fig. 1 simulator: vectorized vs per-repetition loop', baseline_s=t_loop, ours_s=t_vec, ratio=t_loop / t_vec,
                    goal='>=10x', note=f'loop extrapolated from 4 cells x 10 reps ({t_loop4:.1f} s) to {ncell} cells'))
    return out

def run(quick=True):
    return _coherence_rows() + _fig1_rows(quick)

if __name__ == '__main__':
    for r in run(): print(r)

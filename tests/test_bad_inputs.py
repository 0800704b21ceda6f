"""Bad inputs against the public API: every case must raise a clear error naming the problem, warn as documented, or
return the documented answer. Tiny models and data (nn.Linear(3, 2), 40 points); single-threaded; < 60 s.

Only cases that pass today are here; the reliability probe (/tmp/probe/probe_all.py) lists the ones that still need a
library fix."""
import math, re, warnings
import numpy as np
import pytest, torch, torch.nn as nn, torch.nn.functional as F
from hypothesis import given, settings, strategies as st, HealthCheck

from mlu_nb.core import train, accuracy, evaluate, hessian, hvp, per_sample_grads, predict_logits, train_stacked, num_params, flat_params, get_device
from mlu_nb.data import TensorData, Split, validate_forget, random_forget, class_forget, score_forget, signal_noise_data
from mlu_nb import metrics as MT, influence as INF, dat as DAT, stability as ST, lambertw as LW, ksd as KSD, mumis as MM
from mlu_nb import lfd as LFD, klom_study as KS, tune as TU, unlearn as UL, models as MD, atlas as AT
from mlu_nb.influence import ConvergenceWarning
from mlu_nb.unlearn import NoOpWarning, unlearn

torch.set_num_threads(1)
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAN, INF_ = float('nan'), float('inf')
CE = F.cross_entropy

g0 = torch.Generator().manual_seed(0)
X = torch.randn(40, 3, generator=g0); y = (X[:, 0] + 0.3 * X[:, 1] > 0).long()
Xt = torch.randn(20, 3, generator=g0); yt = (Xt[:, 0] + 0.3 * Xt[:, 1] > 0).long()
E3, E0 = torch.empty(0, 3), torch.empty(0, dtype=torch.long)
def m(d=3): torch.manual_seed(0); return nn.Linear(d, 2)
def withv(t, i, v): t = t.clone(); t[i] = v; return t
Xnan = withv(X, (5, 1), NAN); Xinf = withv(X, (7, 0), INF_)
TRAINED = m(); train(TRAINED, X, y, epochs=30, lr=0.1, batch_size=16)
def tm():
    import copy; return copy.deepcopy(TRAINED)
TD = TensorData(X_train=X, y_train=y, X_test=Xt, y_test=yt, num_classes=2, name='tiny')
SP = Split(TD, list(range(6)))
SP_CLS = class_forget(TD, 1)
P = num_params(m())
V1 = torch.randn(P, generator=torch.Generator().manual_seed(1))
X0 = withv(X, (slice(None), 2), 0.0)   # a dead feature: gradients of X leave range(H(X0))
def neg_ce(o, t): return -F.cross_entropy(o, t)
def ckpts(bad=None):
    cs = [flat_params(m()).clone(), flat_params(TRAINED).clone(), flat_params(TRAINED).clone() * 1.01]
    if bad is not None: cs[2] = withv(cs[2], 1, bad)
    return cs
def simH(cell=None, val=NAN, pos=(0, 0, 0)):
    A = torch.randn(3, 6, 2, 2, generator=torch.Generator().manual_seed(0), dtype=torch.float64); H = A @ A.mT * 0.1
    if cell is not None: H[(cell, *pos)] = val
    return H
def psd_stack(n=4, d=3, seed=0):
    A = torch.randn(n, d, d, generator=torch.Generator().manual_seed(seed), dtype=torch.float64); return A @ A.mT
def kl_inputs():
    g = torch.Generator().manual_seed(0); return torch.randn(6, 8, generator=g), torch.randn(6, 8, generator=g)
def UN(name, split=SP, **hp):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', NoOpWarning); return unlearn(name, tm(), split, **hp)

# (id, callable, keyword the error message must contain); the error must be a ValueError or TypeError
RAISES = [
 ('train-epochs-0', lambda: train(m(), X, y, epochs=0), '`epochs`'),
 ('train-epochs-2.5', lambda: train(m(), X, y, epochs=2.5), '`epochs`'),
 ('train-batch_size-0', lambda: train(m(), X, y, epochs=1, batch_size=0), '`batch_size`'),
 ('train-batch_size-1.5', lambda: train(m(), X, y, epochs=1, batch_size=1.5), '`batch_size`'),
 ('train-float-labels', lambda: train(m(), X, y.float(), epochs=1), '`y`'),
 ('train-onehot-labels', lambda: train(m(), X, F.one_hot(y, 2), epochs=1), '`y`'),
 ('train-lr-nan', lambda: train(m(), X, y, epochs=1, lr=NAN), '`lr`'),
 ('train-float64-X', lambda: train(m(), X.double(), y, epochs=1), '`X`'),
 ('train-warmup-2', lambda: train(m(), X, y, epochs=1, warmup=2.0), '`warmup`'),
 ('train-checkpoint_every-0', lambda: train(m(), X, y, epochs=1, checkpoint_every=0), '`checkpoint_every`'),
 ('train-length-mismatch', lambda: train(m(), X, y[:-1], epochs=1), '`y`'),
 ('accuracy-fractional-labels', lambda: accuracy(m(), X, y.float() + 0.5), '`y`'),
 ('predict_logits-batch_size-0', lambda: predict_logits(m(), X, batch_size=0), '`batch_size`'),
 ('hessian-chunk_size-0', lambda: hessian(m(), CE, X, y, chunk_size=0), '`chunk_size`'),
 ('hvp-float64-v', lambda: hvp(m(), CE, X, y, torch.randn(P, dtype=torch.float64)), '`v`'),
 ('train_stacked-steps-0', lambda: train_stacked(lambda k: m(), X, y, n_models=2, steps=0), '`steps`'),
 ('train_stacked-n_models-0', lambda: train_stacked(lambda k: m(), X, y, n_models=0, steps=2), '`n_models`'),
 ('get_device-cuda', lambda: get_device('cuda') if not torch.cuda.is_available() else (_ for _ in ()).throw(ValueError('cuda')), 'cuda'),
 ('TensorData-num_classes-0', lambda: TensorData(X_train=X, y_train=y, X_test=Xt, y_test=yt, num_classes=0), '`num_classes`'),
 ('TensorData-y_train-too-large', lambda: TensorData(X_train=X, y_train=withv(y, 0, 2), X_test=Xt, y_test=yt, num_classes=2), '`y_train`'),
 ('TensorData-empty', lambda: TensorData(X_train=E3, y_train=E0, X_test=Xt, y_test=yt, num_classes=2), '`X_train`'),
 ('Split-empty-forget', lambda: Split(TD, []), '`forget`'),
 ('Split-everything', lambda: Split(TD, list(range(40))), '`forget`'),
 ('validate_forget-bool-mixed', lambda: validate_forget([True, 4], 10), '`forget`'),
 ('validate_forget-floats', lambda: validate_forget([1.0, 2.0], 10), '`forget`'),
 ('validate_forget-float-tensor', lambda: validate_forget(torch.tensor([1.0, 2.0]), 10), '`forget`'),
 ('validate_forget-None', lambda: validate_forget([1, None], 10), '`forget`'),
 ('validate_forget-empty', lambda: validate_forget([], 10), '`forget`'),
 ('random_forget-k-0', lambda: random_forget(TD, 0), '`k`'),
 ('random_forget-k-n', lambda: random_forget(TD, 40), '`k`'),
 ('class_forget-cls-99', lambda: class_forget(TD, 99), '`cls`'),
 ('score_forget-nan', lambda: score_forget(TD, withv(torch.randn(40), 3, NAN), 5), '`scores`'),
 ('score_forget-length', lambda: score_forget(TD, torch.randn(39), 5), '`scores`'),
 ('signal_noise_data-n-0', lambda: signal_noise_data(0, 5), '`n`'),
 ('subset_metrics-not-a-split', lambda: MT.subset_metrics(tm(), TD), '`split`'),
 ('subset_metrics-labels-beyond-outputs', lambda: MT.subset_metrics(tm(), Split(TensorData(X_train=X, y_train=withv(y, 0, 2), X_test=Xt,
   y_test=yt, num_classes=3), [0, 1, 2])), '`y`'),
 ('margins-how', lambda: MT.margins(tm(), X, y, how='bogus'), '`how`'),
 ('margins_of-empty', lambda: MT.margins_of([], X, y), '`models`'),
 ('klom-nan', lambda: MT.klom(withv(kl_inputs()[0], (0, 0), NAN), kl_inputs()[1]), '`unlearned_margins`'),
 ('klom-no-samples', lambda: MT.klom(torch.empty(6, 0), torch.empty(6, 0)), '`unlearned_margins`'),
 ('klom-bins-0', lambda: MT.klom(*kl_inputs(), bins=0), '`bins`'),
 ('klom_p95-q-nan', lambda: MT.klom_p95(*kl_inputs(), q=NAN), '`q`'),
 ('mia_member_rate-empty', lambda: MT.mia_member_rate(torch.randn(20, 3), torch.randn(0, 3), torch.randn(5, 3)), '`nonmember`'),
 ('mia_member_rate-nan', lambda: MT.mia_member_rate(withv(torch.randn(20, 3), (0, 0), NAN), torch.randn(20, 3), torch.randn(5, 3)), '`member`'),
 ('param_distance-architectures', lambda: MT.param_distance(m(), nn.Sequential(nn.Linear(3, 4), nn.Linear(4, 2))), '`m2`'),
 ('activation_distance-empty', lambda: MT.activation_distance(m(), tm(), E3), '`X`'),
 ('unlearn-unknown-method', lambda: unlearn('nope', tm(), SP), 'nope'),
 ('unlearn-unknown-hparam', lambda: unlearn('finetune', tm(), SP, epoch=3), 'epoch'),
 ('unlearn-split-type', lambda: unlearn('finetune', tm(), TD), '`split`'),
 ('unlearn-amnesiac-repair_epochs', lambda: UN('amnesiac', repair_epochs=-1), '`repair_epochs`'),
 ('unlearn-scrub-forget_batch_size', lambda: UN('scrub', forget_batch_size=0), '`forget_batch_size`'),
 ('unlearn-scrub-msteps', lambda: UN('scrub', msteps=-1), '`msteps`'),
 ('unlearn-ssd-batch_size', lambda: UN('ssd', batch_size=0), '`batch_size`'),
 ('unlearn-fisher-alpha', lambda: UN('fisher_forget', alpha=-1.0), '`alpha`'),
 ('unlearn-grad_ascent-lr-nan', lambda: UN('grad_ascent', lr=NAN), '`lr`'),
 ('unlearn-da-alpha', lambda: UN('descent_ascent', alpha=2.0), '`alpha`'),
 ('unlearn-da-mode', lambda: UN('descent_ascent', mode='bogus'), '`mode`'),
 ('unlearn-ir-damping-negative', lambda: UN('influence_removal', damping=-1.0), '`damping`'),
 ('unlearn-ir-cg_iters', lambda: UN('influence_removal', solver='cg', cg_iters=0), '`cg_iters`'),
 ('unlearn-boundary_shrink-random-split', lambda: UN('boundary_shrink', SP), 'class'),
 ('retrain-recipe', lambda: UL.retrain(tm(), SP, recipe='nope'), 'recipe'),
 ('sisa_train-shards-0', lambda: UL.sisa_train(m(), X, y, shards=0), '`shards`'),
 ('ihvp-cg-singular', lambda: INF.ihvp(m(), CE, X, y, V1, method='cg', damping=0.0), 'damping'),
 ('ihvp-exact-singular', lambda: INF.ihvp(m(), CE, X, y, V1, method='exact'), 'damping'),
 ('ihvp-lissa-diverging-scale', lambda: INF.ihvp(tm(), CE, X, y, V1, method='lissa', damping=0.01, scale=1e-3, depth=100), '`scale`'),
 ('ihvp-method', lambda: INF.ihvp(tm(), CE, X, y, V1, method='bogus'), '`method`'),
 ('ihvp-V-shape', lambda: INF.ihvp(tm(), CE, X, y, torch.randn(P + 1), damping=0.1), '`V`'),
 ('ihvp-V-nan', lambda: INF.ihvp(tm(), CE, X, y, withv(V1, 0, NAN), damping=0.1), '`V`'),
 ('ugs-cg-singular-hessian_data', lambda: INF.ugs_scores(tm(), CE, X, y, method='cg', hessian_data=(X0, y)), 'damping'),
 ('ugs-exact-singular', lambda: INF.ugs_scores(tm(), CE, X, y), 'damping'),
 ('ugs-hessian_data-labels', lambda: INF.ugs_scores(tm(), CE, X, y, damping=0.1, hessian_data=(X, withv(y, 0, 3))), '`hessian_data[1]`'),
 ('normalized_ugs-zeros', lambda: INF.normalized_ugs(torch.zeros(5)), '`ugs`'),
 ('forgettability-zero', lambda: INF.forgettability(torch.tensor([1.0, 0.0])), '`ugs`'),
 ('param_shift-idx', lambda: INF.param_shift(tm(), CE, X, y, idx=[40], damping=0.1), '`idx`'),
 ('learnability-nan-checkpoint', lambda: INF.learnability(m(), CE, X, y, ckpts(NAN)), '`checkpoints[2]`'),
 ('learnability-inf-checkpoint', lambda: INF.learnability(m(), CE, X, y, ckpts(INF_)), '`checkpoints[2]`'),
 ('learnability-one-checkpoint', lambda: INF.learnability(m(), CE, X, y, ckpts()[:1]), '`checkpoints`'),
 ('forgetting_cost-threshold-nan', lambda: INF.forgetting_cost(tm(), CE, X, y, threshold=NAN), '`threshold`'),
 ('forgetting_cost-threshold-inf', lambda: INF.forgetting_cost(tm(), CE, X, y, threshold=INF_), '`threshold`'),
 ('forgetting_cost-lr-0', lambda: INF.forgetting_cost(tm(), CE, X, y, lr=0.0), '`lr`'),
 ('forgetting_cost-max_steps-0', lambda: INF.forgetting_cost(tm(), CE, X, y, max_steps=0), '`max_steps`'),
 ('hutchinson-num_matvecs', lambda: INF.hutchinson_trace(torch.eye(3), num_matvecs=0), '`num_matvecs`'),
 ('hutchpp-num_matvecs', lambda: INF.hutchpp_trace(torch.eye(3), num_matvecs=2), '`num_matvecs`'),
 ('top_eigenpairs-k-0', lambda: INF.top_eigenpairs(tm(), CE, X, y, k=0), '`k`'),
 ('spectral_proxies-top', lambda: INF.spectral_proxies(tm(), CE, X, y, k=2, top=3), '`top`'),
 ('damped_hessian-damping', lambda: INF.damped_hessian(tm(), CE, X, y, damping=-1.0), '`damping`'),
 ('sketched_ugs-indefinite-rr', lambda: DAT.sketched_ugs(tm(), neg_ce, 5 * X, y, k=4, damping=0.01, generator=torch.Generator().manual_seed(0)), 'damping'),
 ('sketched_ugs-indefinite-nystrom', lambda: DAT.sketched_ugs(tm(), neg_ce, 5 * X, y, k=4, damping=0.01, method='nystrom',
   generator=torch.Generator().manual_seed(0)), 'not positive definite'),
 ('sketched_ugs-k-0', lambda: DAT.sketched_ugs(tm(), CE, X, y, k=0), '`k`'),
 ('sketched_ugs-damping-0', lambda: DAT.sketched_ugs(tm(), CE, X, y, damping=0.0), '`damping`'),
 ('paper_sketch-k-0', lambda: DAT.paper_sketch(torch.randn(5, 4), k=0), '`k`'),
 ('train_dat-epochs-0', lambda: DAT.train_dat(m(), X, y, epochs=0), '`epochs`'),
 ('init_dat_state-proj_dim-0', lambda: DAT.init_dat_state(m(), CE, X, y, proj_dim=0), '`proj_dim`'),
 ('simulate-eta-nan-later-cell', lambda: ST.simulate_unlearning(simH(), simH(), [0.1, 0.1, NAN], 0.2, 2, steps=5, reps=2), '`eta`'),
 ('simulate-alpha', lambda: ST.simulate_unlearning(simH(), simH(), 0.1, 1.5, 2, steps=5, reps=2), '`alpha`'),
 ('simulate-B', lambda: ST.simulate_unlearning(simH(), simH(), 0.1, 0.2, 99, steps=5, reps=2), '`B`'),
 ('simulate-steps-0', lambda: ST.simulate_unlearning(simH(), simH(), 0.1, 0.2, 2, steps=0, reps=2), '`steps`'),
 ('simulate-reps-0', lambda: ST.simulate_unlearning(simH(), simH(), 0.1, 0.2, 2, steps=5, reps=0), '`reps`'),
 ('simulate-eta-grid-length', lambda: ST.simulate_unlearning(simH(), simH(), [0.1, 0.2], 0.2, 2, steps=5, reps=2), '`eta`'),
 ('simulate-empty-H_r', lambda: ST.simulate_unlearning(torch.zeros(0, 2, 2), simH()[0], 0.1, 0.2, 1, steps=5, reps=2), '`H_r`'),
 ('coherence-zero', lambda: ST.coherence(torch.zeros(3, 2, 2)), '`H`'),
 ('coherence-nan', lambda: ST.coherence(withv(psd_stack(), (0, 0, 0), NAN)), '`H`'),
 ('coherence-asymmetric', lambda: ST.coherence(withv(psd_stack(), (0, 0, 1), 99.0)), '`H`'),
 ('coherence-not-psd', lambda: ST.coherence(-psd_stack()), '`H`'),
 ('coherence-empty', lambda: ST.coherence(torch.zeros(0, 2, 2)), '`H`'),
 ('coherence_matrix-nonsquare', lambda: ST.coherence_matrix(torch.zeros(3, 2, 3)), '`H`'),
 ('check_hparams-eta-nan', lambda: ST.check_hparams(NAN, 0.2, 1, 5, 5), '`eta`'),
 ('mix_hessian-alpha', lambda: ST.mix_hessian(psd_stack(), psd_stack(seed=1), 0.1, -0.1, 1), '`alpha`'),
 ('divergence_threshold-sigma-nan', lambda: ST.divergence_threshold(NAN, 0.1, 0.2, 5, 5, 1), '`sigma`'),
 ('stationary_points-nan', lambda: LW.stationary_points(NAN), '`z`'),
 ('stationary_points-inf', lambda: LW.stationary_points(INF_), '`z`'),
 ('lambertw_solutions-lam-0', lambda: LW.lambertw_solutions(10, 0.1, 100, 10, 0.0), '`lam`'),
 ('lambertw_solutions-R_j', lambda: LW.lambertw_solutions(200, 0.1, 100, 10, 0.1), '`R_j`'),
 ('lambertw_solutions-alpha-nan', lambda: LW.lambertw_solutions(10, NAN, 100, 10, 0.1), '`alpha`'),
 ('lambda_args-n_F-0', lambda: LW.lambda_args(10, 0.1, 100, 0, 0.1), '`n_F`'),
 ('closed_forms_grid-lam-0', lambda: LW.closed_forms_grid(10, 0.1, 100, 10, np.array([0.1, 0.0])), '`lam`'),
 ('median_bandwidth-coincide', lambda: KSD.median_bandwidth(torch.ones(5, 3)), 'bandwidth'),
 ('stein-nan-S', lambda: KSD.stein_kernel_from_scores(X, withv(torch.randn(40, 3), (0, 0), NAN)), '`S`'),
 ('stein-bandwidth-nan', lambda: KSD.stein_kernel_from_scores(X, torch.randn(40, 3), bandwidth=NAN), '`bandwidth`'),
 ('stein-chunk_size-0', lambda: KSD.stein_kernel_from_scores(X, torch.randn(40, 3), chunk_size=0), '`chunk_size`'),
 ('stein-empty', lambda: KSD.stein_kernel_from_scores(E3, E3), 'at least 2 points'),
 ('ksd_scores-chunk_size-0', lambda: KSD.ksd_scores(tm(), X, y, chunk_size=0), 'chunk_size'),
 ('ksd_estimate-nonsquare', lambda: KSD.ksd_estimate(torch.randn(3, 4)), '`K`'),
 ('easiest_hardest-k-0', lambda: KSD.easiest_hardest({'PC': torch.randn(10)}, k=0), '`k`'),
 ('easiest_hardest-nan', lambda: KSD.easiest_hardest({'PC': withv(torch.randn(10), 0, NAN)}, k=2), '`PC`'),
 ('stein_neighbours-idx', lambda: KSD.stein_neighbours(tm(), X, y, [99], 2), '`idx`'),
 ('validation_points-k', lambda: KSD.validation_points(5, [0, 1, 2], k=5), '`k`'),
 ('mu_mis-lr-0', lambda: MM.mu_mis(tm(), X, y, lr=0.0), '`lr`'),
 ('mu_mis-max_iter-0', lambda: MM.mu_mis(tm(), X, y, lr=0.01, max_iter=0), '`max_iter`'),
 ('mu_mis-delta', lambda: MM.mu_mis(tm(), X, y, lr=0.01, delta=-1.0), '`delta`'),
 ('mu_mis-terms', lambda: MM.mu_mis(tm(), X, y, lr=0.01, terms='bogus'), '`terms`'),
 ('input_sensitivity-int-X', lambda: MM.input_sensitivity(tm(), X.long(), y), '`X`'),
 ('mu_mis_loss-other', lambda: MM.mu_mis_loss(tm(), X, y, other=y.clone()), '`other`'),
 ('jsd-negative', lambda: LFD.jsd(torch.tensor([1.5, -0.5]), torch.tensor([0.5, 0.5])), '`p`'),
 ('jsd-nan', lambda: LFD.jsd(torch.tensor([NAN, 1.0]), torch.tensor([0.5, 0.5])), '`p`'),
 ('jsd-empty', lambda: LFD.jsd(torch.zeros(0), torch.zeros(0)), '`p`'),
 ('to_distribution-how', lambda: LFD.to_distribution(torch.randn(5), how='bogus'), '`how`'),
 ('to_distribution-temperature', lambda: LFD.to_distribution(torch.randn(5), how='softmax', temperature=0.0), '`temperature`'),
 ('to_distribution-nan', lambda: LFD.to_distribution(withv(torch.randn(5), 0, NAN)), '`scores`'),
 ('lfd-length', lambda: LFD.lfd(torch.randn(5), torch.rand(4)), '`ugs`'),
 ('lfd-negative-ugs', lambda: LFD.lfd(torch.randn(5), withv(torch.rand(5), 0, -1.0)), '`ugs`'),
 ('forget_sets-unknown', lambda: KS.forget_sets(TD, ['bogus5'], [tm()]), 'bogus5'),
 ('train_stack-n_models-0', lambda: KS.train_stack('mlp', TD, torch.arange(10), 0, epochs=1), '`n_models`'),
 ('train_stack-empty-idx', lambda: KS.train_stack('mlp', TD, torch.arange(0), 2, epochs=1), '`idx`'),
 ('candidates-budget-0', lambda: TU.candidates('finetune', 0), '`budget`'),
 ('candidates-unknown', lambda: TU.candidates('nope', 3), 'nope'),
 ('check_disjoint-overlap', lambda: TU.check_disjoint(Split(TD, [0, 1, 2]), Split(TD, [2, 3])), 'share'),
 ('tune-budget-0', lambda: TU.tune('finetune', tm(), Split(TD, [0, 1, 2]), budget=0), '`budget`'),
 ('train-clip-negative', lambda: train(m(), X, y, epochs=1, clip=-1.0), '`clip`'),
 ('hvp-v-nan', lambda: hvp(m(), CE, X, y, withv(torch.randn(P), 0, NAN)), '`v`'),
 ('get_device-nonsense', lambda: get_device('nonsense'), 'nonsense'),
 ('margins-label-too-large', lambda: MT.margins(tm(), X, withv(y, 0, 2)), '`y`'),
 ('margins-negative-label', lambda: MT.margins(tm(), X, withv(y, 0, -1)), '`y`'),
 ('margins-float-labels', lambda: MT.margins(tm(), X, y.float() + 0.5), '`y`'),
 ('margins_of-label-too-large', lambda: MT.margins_of([tm(), tm()], X, withv(y, 0, 5)), '`y`'),
 ('ihvp-lissa-depth-0', lambda: INF.ihvp(tm(), CE, X, y, V1, method='lissa', damping=0.1, depth=0), '`depth`'),
 ('ihvp-lissa-repeats-0', lambda: INF.ihvp(tm(), CE, X, y, V1, method='lissa', damping=0.1, repeats=0), '`repeats`'),
 ('ihvp-damping-nan', lambda: INF.ihvp(tm(), CE, X, y, V1, damping=NAN), '`damping`'),
 ('ugs-chunk_size-0', lambda: INF.ugs_scores(tm(), CE, X, y, damping=0.1, chunk_size=0), '`chunk_size`'),
 ('auto_damping-nan', lambda: INF.auto_damping(withv(torch.eye(3), (0, 0), NAN)), '`H`'),
 ('sketched_ugs-damping-nan', lambda: DAT.sketched_ugs(tm(), CE, X, y, damping=NAN), '`damping`'),
 ('second_moment-k-negative', lambda: ST.second_moment(psd_stack(), psd_stack(seed=1), 0.1, 0.2, 1, -1), '`k`'),
 ('ksd_estimate-nan', lambda: KSD.ksd_estimate(withv(torch.eye(3), (0, 1), NAN)), '`K`'),
 ('input_jacobian_norms-nan', lambda: MM.input_jacobian_norms(tm(), Xnan), '`X`'),
 ('random_other_class-C-1', lambda: MM.random_other_class(torch.zeros(4, dtype=torch.long), 1), '`num_classes`'),
 ('random_other_class-label', lambda: MM.random_other_class(torch.tensor([0, 5]), 3), '`y`'),
 ('sensitivity_stats-nan', lambda: MM.sensitivity_stats(tm(), Xnan, y), '`X`'),
 ('distance-missing-metric', lambda: TU.distance({'retain_acc': 1.0, 'forget_acc': 0.5, 'test_acc': 0.9, 'mia_eff': 0.1}, {'retain_acc': 1.0}), 'forget_acc'),
 ('distance-nan-metric', lambda: TU.distance({'retain_acc': NAN, 'forget_acc': 0.5, 'test_acc': 0.9, 'mia_eff': 0.1},
   {'retain_acc': 1.0, 'forget_acc': 0.5, 'test_acc': 0.9, 'mia_eff': 0.1}), 'retain_acc'),
 ('validation_split-same-class', lambda: TU.validation_split(SP_CLS, cls=1), 'share'),
 ('MLP-hidden-0', lambda: MD.MLP(3, 2, hidden=0), '`hidden'),
 ('MLP-num_classes-0', lambda: MD.MLP(3, 0), '`num_classes`'),
 ('SmallCNN-img_size-0', lambda: MD.SmallCNN(img_size=0), '`img_size`'),
 ('LogReg-in_features-0', lambda: MD.LogReg(0, 2), '`in_features`'),
 ('complementary_masks-n-0', lambda: AT.complementary_masks(0, 2), '`n`'),
 ('complementary_masks-n-1', lambda: AT.complementary_masks(1, 2), '`n`'),
 ('complementary_masks-pairs-0', lambda: AT.complementary_masks(10, 0), '`pairs`'),
 ('spearman_matrix-nan', lambda: AT.spearman_matrix({'s': withv(torch.randn(10), 0, NAN).numpy()}, {'o': np.random.rand(10)}, B=5), '`scores`'),
 ('spearman_matrix-B-0', lambda: AT.spearman_matrix({'s': np.random.rand(10)}, {'o': np.random.rand(10)}, B=0), '`B`'),
]

@pytest.mark.parametrize('fn,key', [pytest.param(f, k, id=i) for i, f, k in RAISES])
def test_bad_input_raises_clearly(fn, key):
    with pytest.raises((ValueError, TypeError), match=re.escape(key)): fn()

@pytest.mark.parametrize('name', ['reassign_forget', 'reassign_retain'])
def test_split_is_immutable(name):
    s = Split(TD, [1, 2, 3])
    with pytest.raises(AttributeError, match='immutable'):
        if name == 'reassign_forget': s.forget = torch.tensor([4, 5])
        else: s.retain = torch.arange(5)

METHODS_WITH_EPOCHS = ['finetune', 'grad_ascent', 'scrub', 'random_label', 'descent_ascent', 'bad_teacher', 'boundary_shrink']

@pytest.mark.parametrize('meth', METHODS_WITH_EPOCHS + ['amnesiac'])
@given(bs=st.one_of(st.integers(-1000, 0), st.floats(0.5, 100).filter(lambda v: v != int(v)), st.booleans()))
@FEW
def test_unlearn_rejects_bad_batch_size(meth, bs):
    with pytest.raises((ValueError, TypeError), match='`batch_size`'): UN(meth, SP_CLS if meth == 'boundary_shrink' else SP, batch_size=bs)

@pytest.mark.parametrize('meth', METHODS_WITH_EPOCHS)
@given(ep=st.one_of(st.integers(-1000, 0), st.floats(0.5, 100).filter(lambda v: v != int(v))))
@settings(max_examples=10, deadline=None)
def test_unlearn_rejects_bad_epochs(meth, ep):
    with pytest.raises((ValueError, TypeError), match='`epochs`'): UN(meth, SP_CLS if meth == 'boundary_shrink' else SP, epochs=ep)

@given(v=st.one_of(st.integers(-1000, 0), st.floats(-5, 100).filter(lambda v: v != int(v)), st.booleans()))
@FEW
def test_train_rejects_bad_loop_settings(v):
    for k in ('epochs', 'batch_size'):
        with pytest.raises((ValueError, TypeError), match=f'`{k}`'): train(m(), X, y, **{'epochs': 1, k: v})

# labels out of range, as drawn by hypothesis, into every function that takes class labels with a model
BAD_LABEL = st.one_of(st.integers(2, 10 ** 6), st.integers(-10 ** 6, -1))
LABEL_FNS = {
    'train': lambda yy: train(m(), X, yy, epochs=1),
    'accuracy': lambda yy: accuracy(m(), X, yy),
    'evaluate': lambda yy: evaluate(m(), X, yy),
    'per_sample_grads': lambda yy: per_sample_grads(m(), CE, X, yy),
    'hessian': lambda yy: hessian(m(), CE, X, yy),
    'train_stacked': lambda yy: train_stacked(lambda k: m(), X, yy, n_models=2, steps=1),
    'ugs_scores': lambda yy: INF.ugs_scores(tm(), CE, X, yy, damping=0.1),
    'learnability': lambda yy: INF.learnability(m(), CE, X, yy, ckpts()),
    'sketched_ugs': lambda yy: DAT.sketched_ugs(tm(), CE, X, yy),
    'train_dat': lambda yy: DAT.train_dat(m(), X, yy, epochs=1),
    'ksd_scores': lambda yy: KSD.ksd_scores(tm(), X, yy),
    'model_scores': lambda yy: KSD.model_scores(tm(), X, yy),
    'relative_magnitude': lambda yy: MM.relative_magnitude(tm(), X, yy),
    'mu_mis': lambda yy: MM.mu_mis(tm(), X, yy, lr=0.01, max_iter=1),
    'margins': lambda yy: MT.margins(tm(), X, yy),
    'TensorData': lambda yy: TensorData(X_train=X, y_train=yy, X_test=Xt, y_test=yt, num_classes=2),
}

@pytest.mark.parametrize('name', list(LABEL_FNS))
@given(i=st.integers(0, 39), v=BAD_LABEL)
@FEW
def test_out_of_range_labels_rejected(name, i, v):
    with pytest.raises(ValueError, match='labels outside'): LABEL_FNS[name](withv(y, i, v))

@pytest.mark.parametrize('name', ['train', 'accuracy', 'evaluate', 'TensorData'])
def test_float_labels_rejected(name):
    with pytest.raises(TypeError, match='dtype'): LABEL_FNS[name](y.float())

# a NaN/inf at a random position of the inputs
BAD_X_FNS = {
    'train': lambda A: train(m(), A, y, epochs=1),
    'accuracy': lambda A: accuracy(m(), A, y),
    'evaluate': lambda A: evaluate(m(), A, y),
    'per_sample_grads': lambda A: per_sample_grads(m(), CE, A, y),
    'ugs_scores': lambda A: INF.ugs_scores(tm(), CE, A, y, damping=0.1),
    'sketched_ugs': lambda A: DAT.sketched_ugs(tm(), CE, A, y),
    'margins': lambda A: MT.margins(tm(), A, y),
    'activation_distance': lambda A: MT.activation_distance(m(), tm(), A),
    'median_bandwidth': lambda A: KSD.median_bandwidth(A),
    'stein_kernel_from_scores': lambda A: KSD.stein_kernel_from_scores(A, torch.randn(40, 3)),
    'ksd_scores': lambda A: KSD.ksd_scores(tm(), A, y),
    'relative_magnitude': lambda A: MM.relative_magnitude(tm(), A, y),
    'input_jacobian_norms': lambda A: MM.input_jacobian_norms(tm(), A),
    'mu_mis': lambda A: MM.mu_mis(tm(), A, y, lr=0.01, max_iter=1),
    'TensorData': lambda A: TensorData(X_train=A, y_train=y, X_test=Xt, y_test=yt, num_classes=2),
}

@pytest.mark.parametrize('name', list(BAD_X_FNS))
@given(i=st.integers(0, 39), j=st.integers(0, 2), v=st.sampled_from([NAN, INF_, -INF_]))
@FEW
def test_non_finite_inputs_rejected(name, i, j, v):
    with pytest.raises(ValueError, match='non-finite'): BAD_X_FNS[name](withv(X, (i, j), v))

# empty inputs (0 samples) of a random feature width
def _lin(d): torch.manual_seed(0); return nn.Linear(d, 2)
EMPTY_FNS = {
    'train': lambda d: train(_lin(d), torch.empty(0, d), E0, epochs=1),
    'accuracy': lambda d: accuracy(_lin(d), torch.empty(0, d), E0),
    'evaluate': lambda d: evaluate(_lin(d), torch.empty(0, d), E0),
    'hessian': lambda d: hessian(_lin(d), CE, torch.empty(0, d), E0),
    'per_sample_grads': lambda d: per_sample_grads(_lin(d), CE, torch.empty(0, d), E0),
    'ihvp': lambda d: INF.ihvp(_lin(d), CE, torch.empty(0, d), E0, torch.zeros(2 * d + 2), damping=0.1),
    'ugs_scores': lambda d: INF.ugs_scores(_lin(d), CE, torch.empty(0, d), E0, damping=0.1),
    'forgetting_cost': lambda d: INF.forgetting_cost(_lin(d), CE, torch.empty(0, d), E0),
    'learnability': lambda d: INF.learnability(_lin(d), CE, torch.empty(0, d), E0, [torch.zeros(2 * d + 2)] * 2),
    'sketched_ugs': lambda d: DAT.sketched_ugs(_lin(d), CE, torch.empty(0, d), E0),
    'margins': lambda d: MT.margins(_lin(d), torch.empty(0, d), E0),
    'ksd_scores': lambda d: KSD.ksd_scores(_lin(d), torch.empty(0, d), E0),
    'relative_magnitude': lambda d: MM.relative_magnitude(_lin(d), torch.empty(0, d), E0),
    'mu_mis': lambda d: MM.mu_mis(_lin(d), torch.empty(0, d), E0, lr=0.01),
}

@pytest.mark.parametrize('name', list(EMPTY_FNS))
@given(d=st.integers(1, 6))
@settings(max_examples=6, deadline=None)
def test_empty_inputs_rejected(name, d):
    with pytest.raises(ValueError, match=r'need at least \d+ samples'): EMPTY_FNS[name](d)

@pytest.mark.parametrize('fn,key', [
    (lambda: MT.klom(torch.empty(0, 8), torch.empty(0, 8)), '`unlearned_margins`'),
    (lambda: MT.mia_member_rate(torch.randn(5, 3), torch.randn(5, 3), torch.randn(0, 3)), '`target`'),
    (lambda: ST.coherence(torch.zeros(0, 2, 2)), '`H`'),
    (lambda: LFD.to_distribution(torch.zeros(0)), '`scores`'),
    (lambda: LFD.jsd(torch.zeros(0), torch.zeros(0)), '`p`'),
], ids=['klom-0-models', 'mia-target', 'coherence', 'to_distribution', 'jsd'])
def test_other_empty_inputs_rejected(fn, key):
    with pytest.raises(ValueError, match=re.escape(key)): fn()

# ---- solvers: warnings where the documented behaviour is a ConvergenceWarning
@pytest.mark.parametrize('call', [
    lambda: INF.ihvp(tm(), CE, X, y, V1, method='cg', damping=0.01, max_iter=1),
    lambda: INF.ugs_scores(tm(), CE, X, y, method='cg', damping=0.01, max_iter=1),
    lambda: INF.ihvp(tm(), CE, X, y, V1, method='lissa', damping=0.01, depth=2),
], ids=['ihvp-cg-max_iter-1', 'ugs-cg-max_iter-1', 'ihvp-lissa-depth-2'])
def test_solver_stopped_short_warns(call):
    with pytest.warns(ConvergenceWarning, match='did not converge'): out = call()
    assert torch.isfinite(out).all()

@given(it=st.integers(1, 3), lam=st.sampled_from([1e-3, 1e-2]))
@settings(max_examples=6, deadline=None)
def test_cg_return_info_flags_non_convergence(it, lam):
    with pytest.warns(ConvergenceWarning):
        _, info = INF.ihvp(tm(), CE, X, y, V1, method='cg', damping=lam, max_iter=it, return_info=True)
    assert info['converged'] is False and info['iters'] <= it

def test_noop_unlearning_warns():
    with pytest.warns(NoOpWarning, match='no-op'): r = unlearn('finetune', tm(), SP, epochs=1, lr=1e-9)
    assert r.noop

# ---- non-finite values in a later grid cell / checkpoint, at a random position
@given(cell=st.integers(1, 2), pos=st.tuples(st.integers(0, 5), st.integers(0, 1), st.integers(0, 1)),
       v=st.sampled_from([NAN, INF_, -INF_]), which=st.sampled_from(['H_r', 'H_f']))
@FEW
def test_simulate_unlearning_non_finite_cell(cell, pos, v, which):
    H = simH(cell, v, pos); args = (H, simH()) if which == 'H_r' else (simH(), H)
    with pytest.raises(ValueError, match=f'`{which}` contains non-finite'): ST.simulate_unlearning(*args, 0.1, 0.2, 2, steps=3, reps=2)

@given(j=st.integers(0, P - 1), v=st.sampled_from([NAN, INF_, -INF_]), k=st.integers(1, 2))
@FEW
def test_learnability_non_finite_checkpoint(j, v, k):
    cs = ckpts(); cs[k] = withv(cs[k], j, v)
    with pytest.raises(ValueError, match=re.escape(f'`checkpoints[{k}]`')): INF.learnability(m(), CE, X, y, cs)

@given(v=st.sampled_from([NAN, INF_, -INF_]))
@settings(max_examples=3, deadline=None)
def test_forgetting_cost_non_finite_threshold(v):
    with pytest.raises(ValueError, match='`threshold`'): INF.forgetting_cost(tm(), CE, X, y, threshold=v)

@given(H=st.integers(1, 5).map(lambda n: torch.zeros(n, 2, 2)))
@settings(max_examples=5, deadline=None)
def test_coherence_all_zero_hessians(H):
    with pytest.raises(ValueError, match='every Hessian is zero'): ST.coherence(H)

@given(bad=st.lists(st.one_of(st.booleans(), st.floats(allow_nan=True), st.none(), st.text(max_size=2)), min_size=1, max_size=3),
       good=st.lists(st.integers(0, 9), max_size=3))
@FEW
def test_validate_forget_non_integer_entries(bad, good):
    with pytest.raises(TypeError, match='`forget`'): validate_forget(good + bad, 10)

# ---- documented answers
def test_lambertw_branch_point():
    for z in (-1 / math.e, -0.36787944117144233):
        s = LW.stationary_points(z)
        assert s.minimum == pytest.approx(-1.0, abs=1e-6) and s.maximum == pytest.approx(-1.0, abs=1e-6)

@given(eps=st.floats(1e-15, 1e-3))
@FEW
def test_lambertw_near_branch_point(eps):
    s = LW.stationary_points(-1 / math.e + eps)
    assert s.kind == LW.Branch.MIN_AND_MAX and s.maximum <= -1.0 + 1e-6 <= s.minimum + 2e-6
    assert math.isfinite(s.minimum) and math.isfinite(s.maximum)
    s = LW.stationary_points(-1 / math.e - eps - 1e-15)
    assert s.kind == LW.Branch.DIVERGES and s.minimum is None

def test_coherence_of_identical_hessians_is_n():
    assert ST.coherence(torch.ones(3, 2, 2)) == pytest.approx(3.0)

def test_progress_nan_where_documented():
    r = KS.progress(np.array([0.5, 1.0]), np.array([0.5, 0.5]), np.array([0.2, 0.2]))
    assert np.isnan(r[0]) and r[1] == pytest.approx(1.6)

def test_klom_clips_infinite_margins():
    U, O = kl_inputs()
    assert torch.isfinite(MT.klom(U, withv(O, (0, 0), INF_))).all()

def test_hessian_chunking_is_exact():
    assert torch.allclose(hessian(m(), CE, X, y, chunk_size=None), hessian(m(), CE, X, y, chunk_size=3))

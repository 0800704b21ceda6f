"""Literate, tested implementations of five machine-unlearning papers: UGS/LFD/DAT, linear stability, Lambert-W ascent failure, KSD difficulty, MU-Mis.

Modules:

- `mlu_nb.ascent_toys`: Paper 002, Sec. 5.2 and Sec. 4 / App. B: descent-ascent on a two-parameter sigmoidal model lands in the wrong minimum (Fig. 5), and the forget and retain sets of a random split stay statistically dependent (Lemma 1).
- `mlu_nb.dat_repro`: Paper 000's DAT claims (LFD cut, faster post-hoc unlearning, training overhead, accuracy, Var[UGS]) measured on digits next to the paper's numbers, the effect of the sketch size k, the Pareto front over the two weights, and `cuda` cells with the paper's CIFAR-10 recipe.
- `mlu_nb.klom_study`: Paper 002 Sec. 3 / Fig. 1-3 / App. J on digits: N oracle and N pretrained MLPs trained at once with `torch.func`, gradient ascent, gradient descent-ascent and SCRUB over a hyperparameter grid, and the 95th-percentile KLoM on the forget set against the validation set, colored by cost relative to retraining, judged against an oracle-vs-oracle floor.
- `mlu_nb.lambertw`: Paper 002: exact stationary points of pretraining, retraining and descent-ascent (DA) for exponential-loss ridge logistic regression, their branches, the lemmas built on them, iterative DA and the 2-D correlated case (Fig. 4). The sigmoidal toy (Fig. 5) and random forget sets (Lemma 1) are in `30a_ascent_toys`.
- `mlu_nb.stability`: Paper 001, the theory: the linearized descent-ascent operator, (mix-)coherence, the stability recurrence, the divergence and convergence thresholds and a vectorized Monte-Carlo of the linear dynamics. The figures are reproduced in `20a_stability_repro`.
- `mlu_nb.stability_repro`: Paper 001, Sec. 3: Hessian simulations against the divergence and convergence thresholds (Fig. 1), and memorization vs forgetting in the two-layer ReLU CNN across SNR (Fig. 2, Def. 5, Eq. 9, Thm. 2.4).
- `mlu_nb.timing`: Three cost claims measured at the shapes the papers used (ResNet-18 or the 9-layer CNN on 3x32x32 CIFAR inputs, their batch sizes, forget-set sizes and iteration counts): MU-Mis vs retraining (paper 004), DAT's training overhead (paper 000) and the cost of the KSD scores (paper 003), with a shared, tested step timer and stated extrapolations."""

__version__ = "0.1.0"

"""Literate, tested implementations of five machine-unlearning papers: UGS/LFD/DAT, linear stability, Lambert-W ascent failure, KSD difficulty, MU-Mis.

Modules:

- `mlu_nb.klom_study`: Paper 002 Sec. 3 / Fig. 1-3 / App. J on digits: N oracle and N pretrained MLPs trained at once with `torch.func`, gradient ascent, gradient descent-ascent and SCRUB over a hyperparameter grid, and the 95th-percentile KLoM on the forget set against the validation set, colored by cost relative to retraining.
- `mlu_nb.lambertw`: Paper 002: exact stationary points of pretraining, retraining and descent-ascent (DA) for exponential-loss ridge logistic regression, their branches, the lemmas built on them, iterative DA, the 2-D correlated case (Fig. 4), the sigmoidal toy (Fig. 5) and random forget sets (Lemma 1).
- `mlu_nb.stability`: Paper 001: the linearized descent-ascent operator, (mix-)coherence, the stability recurrence, the divergence and convergence thresholds, a vectorized Monte-Carlo of the linear dynamics (Fig. 1) and the memorization/forgetting heatmaps of the two-layer ReLU CNN (Fig. 2, Thm. 2.4)."""

__version__ = "0.1.0"

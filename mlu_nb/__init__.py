"""Literate, tested implementations of five machine-unlearning papers: UGS/LFD/DAT, linear stability, Lambert-W ascent failure, KSD difficulty, MU-Mis.

Modules:

- `mlu_nb.lambertw`: Paper 002: exact stationary points of pretraining, retraining and descent-ascent (DA) for exponential-loss ridge logistic regression, their branches, the lemmas built on them, iterative DA, the 2-D correlated case (Fig. 4), the sigmoidal toy (Fig. 5) and random forget sets (Lemma 1)."""

__version__ = "0.1.0"

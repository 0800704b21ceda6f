"Property tests (hypothesis) for `mlu_nb.metrics`: KLoM and the membership-inference attacks."
import warnings

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st
from hypothesis.extra.numpy import arrays

from mlu_nb.metrics import KLOM_VARIANTS, klom, klom_loop, klom_p95, mia_member_rate

margin_mats = arrays(np.float64, st.tuples(st.integers(2, 12), st.integers(1, 20)),
                     elements=st.floats(-1e4, 1e4, allow_nan=False))

@settings(max_examples=60, deadline=None)
@given(margin_mats, st.integers(1, 40), st.sampled_from(KLOM_VARIANTS))
def test_klom_self_is_zero(a, bins, variant):
    assert (klom(a, a, bins=bins, variant=variant) == 0).all()

@settings(max_examples=60, deadline=None)
@given(margin_mats, st.data())
def test_klom_nonnegative_and_matches_loop(a, data):
    b = data.draw(arrays(np.float64, (data.draw(st.integers(2, 12)), a.shape[1]), elements=st.floats(-1e4, 1e4)))
    bins, eps = data.draw(st.integers(1, 30)), data.draw(st.sampled_from([1e-8, 1e-5, 1e-2]))
    variant = data.draw(st.sampled_from(KLOM_VARIANTS))
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')   # 'benchmark' warns about its NaN columns (every unlearned margin on the top edge)
        k = klom(a, b, bins=bins, eps=eps, variant=variant)
    assert k.shape == (a.shape[1],) and (k[~k.isnan()] >= 0).all()
    if variant != 'benchmark': assert torch.isfinite(k).all()
    np.testing.assert_allclose(k.numpy(), klom_loop(a, b, bins=bins, eps=eps, variant=variant), rtol=0, atol=1e-12)  # NaN where the loop has NaN

@settings(max_examples=30, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(5, 30), st.integers(1, 10)), elements=st.floats(-5, 5)), st.sampled_from(KLOM_VARIANTS))
def test_klom_grows_with_shift(a, variant):
    a = a + np.random.default_rng(0).normal(size=a.shape)   # avoid degenerate columns
    ks = [klom(a, a + s, variant=variant).mean().item() for s in (0., 20.)]   # a shift that stays inside the clip range
    assert ks[0] == 0 and ks[1] > 0

@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.integers(1, 40), st.integers(1, 40), st.sampled_from(['svc', 'logreg']), st.integers(0, 10**6))
def test_mia_rate_bounded(nm, nn_, nt, clf, seed):
    g = np.random.default_rng(seed)
    m, n, t = g.random(nm), g.random(nn_), g.random(nt)
    r = mia_member_rate(m, n, t, clf)
    assert 0.0 <= r <= 1.0 and abs(r * nt - round(r * nt)) < 1e-9   # a fraction of the target points

@pytest.mark.parametrize('bad, msg', [((np.zeros((1, 5)), np.zeros((3, 5))), 'N >= 2'),
                                      ((np.zeros((3, 5)), np.zeros((3, 4))), 'same n points'),
                                      ((np.zeros((3, 0)), np.zeros((3, 0))), 'no samples'),
                                      ((np.zeros(5), np.zeros((3, 5))), 'N models, n samples')])
def test_klom_bad_input(bad, msg):
    with pytest.raises(ValueError, match=msg.replace('(', r'\(')): klom(*bad)

def test_klom_p95_is_quantile():
    g = np.random.default_rng(1)
    a, b = g.normal(size=(10, 300)), g.normal(size=(10, 300)) + 0.3
    assert klom_p95(a, b) == pytest.approx(np.percentile(klom_loop(a, b), 95), abs=1e-12)

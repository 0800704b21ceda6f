"Property tests of forget-set validation (hypothesis)."
import pytest, torch
from hypothesis import given, strategies as st, settings
from mlu_nb.data import validate_forget, Split, digits

@given(st.integers(2, 200).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1), min_size=1, max_size=n - 1, unique=True))))
def test_valid_forget_sets_are_sorted_unique(nf):
    n, f = nf
    if len(f) == n: return
    out = validate_forget(f, n)
    assert out.tolist() == sorted(f)

@given(st.integers(1, 100), st.integers(0, 50))
def test_out_of_range_rejected(n, extra):
    with pytest.raises(ValueError, match='outside'): validate_forget([n + extra], n)

@given(st.lists(st.integers(0, 20), min_size=2, max_size=10))
def test_duplicates_rejected(f):
    if len(set(f)) == len(f): f = f + [f[0]]
    with pytest.raises(ValueError, match='duplicate'): validate_forget(f, 21)

def test_retain_is_complement():
    D = digits(); S = Split(D, [0, 5, 7])
    assert len(S.retain) + len(S.forget) == D.n_train
    assert not set(S.retain.tolist()) & set(S.forget.tolist())

"Regression tests for cases the reliability probe found wrong (silent results, tracebacks, unclear errors)."
import json, math, subprocess, sys
import pytest, torch, torch.nn as nn, torch.nn.functional as F
from mlu_nb.core import get_device, hvp, num_params
from mlu_nb.metrics import margins
from mlu_nb.influence import ihvp

def cli(*a, cwd=None): return subprocess.run([sys.executable, '-m', 'mlu_nb.cli', *a], capture_output=True, text=True, cwd=cwd)

@pytest.mark.parametrize('dev', ['nonsense', ''])
def test_bad_device_is_one_line(dev, tmp_path):
    with pytest.raises(ValueError, match='device='): get_device(dev)
    r = cli('reproduce', '--only', 'digits_smallcnn', '--device', dev, '--out', str(tmp_path))
    assert r.returncode == 2 and 'Traceback' not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr

def test_module_entry_point_runs(tmp_path):   # `python -m mlu_nb.cli` did nothing and exited 0
    r = cli('reproduce', '--only', 'NOPE', '--out', str(tmp_path))
    assert r.returncode == 2 and 'unknown experiment' in r.stderr

def test_record_fields_of_wrong_type_are_set_aside(tmp_path):
    out = tmp_path / 'out'
    assert cli('reproduce', '--only', 'digits_smallcnn', '--out', str(out), '--device', 'cpu').returncode == 0
    f = out / 'digits_smallcnn' / 'quick' / 'result.json'
    rec = json.loads(f.read_text()); rec['key'] = 'forged'; f.write_text(json.dumps(rec))
    r = cli('reproduce', '--only', 'digits_smallcnn', '--out', str(out), '--device', 'cpu')
    assert r.returncode == 0 and 'wrong type' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    assert isinstance(json.loads(f.read_text())['key'], dict)

def _toy():
    torch.manual_seed(0); m = nn.Linear(3, 2); X = torch.randn(20, 3); y = torch.randint(0, 2, (20,)); return m, X, y

def test_hvp_refuses_nan_vector():
    m, X, y = _toy(); v = torch.zeros(num_params(m)); v[2] = math.nan
    with pytest.raises(ValueError, match='`v`'): hvp(m, F.cross_entropy, X, y, v)

@pytest.mark.parametrize('bad', [2, -1])
def test_margins_refuse_labels_outside_outputs(bad):
    m, X, y = _toy(); y = y.clone(); y[4] = bad
    with pytest.raises(ValueError, match='`y`'): margins(m, X, y)

@pytest.mark.parametrize('kw,word', [(dict(method='lissa', depth=0), 'depth'), (dict(method='lissa', repeats=0), 'repeats'),
                                     (dict(damping=math.nan), 'damping'), (dict(damping=math.inf), 'damping')])
def test_ihvp_settings_checked(kw, word):
    m, X, y = _toy()
    with pytest.raises(ValueError, match=word): ihvp(m, F.cross_entropy, X, y, torch.ones(num_params(m)), **kw)

# --- boundary checks added after the probe (each returned a value silently before) ---
from mlu_nb.core import train
from mlu_nb.influence import ugs_scores, auto_damping
from mlu_nb.dat import sketched_ugs
from mlu_nb.mumis import random_other_class, input_jacobian_norms, sensitivity_stats
from mlu_nb.stability import second_moment
from mlu_nb.models import MLP, LogReg, SmallCNN
from mlu_nb.atlas import complementary_masks, spearman_matrix
from mlu_nb.tune import distance, OBJECTIVE
from mlu_nb.ksd import ksd_estimate

def _nan_at(t, i):
    t = t.clone(); t.view(-1)[i] = math.nan; return t

CASES = [
    ('clip', lambda m, X, y: train(m, X, y, epochs=1, clip=-1.0)),
    ('clip', lambda m, X, y: train(m, X, y, epochs=1, clip=math.nan)),
    ('chunk_size', lambda m, X, y: ugs_scores(m, F.cross_entropy, X, y, damping=0.1, chunk_size=0)),
    ('damping', lambda m, X, y: sketched_ugs(m, F.cross_entropy, X, y, damping=math.nan)),
    ('`H`', lambda m, X, y: auto_damping(_nan_at(torch.eye(4), 5))),
    ('`y`', lambda m, X, y: random_other_class(torch.tensor([0, 5]), 3)),
    ('num_classes', lambda m, X, y: random_other_class(torch.tensor([0, 0]), 1)),
    ('`k`', lambda m, X, y: second_moment(torch.eye(2)[None], torch.eye(2)[None], 0.1, 0.5, 1.0, -1)),
    ('hidden', lambda m, X, y: MLP(3, 2, hidden=0)),
    ('num_classes', lambda m, X, y: MLP(3, 0)),
    ('in_features', lambda m, X, y: LogReg(0, 2)),
    ('img_size', lambda m, X, y: SmallCNN(img_size=0)),
    ('`n`', lambda m, X, y: complementary_masks(1, 2)),
    ('scores', lambda m, X, y: spearman_matrix({'s': torch.tensor([1., math.nan, 3.])}, {'o': torch.tensor([1., 2., 3.])})),
    ('`B`', lambda m, X, y: spearman_matrix({'s': torch.arange(5.)}, {'o': torch.arange(5.)}, B=0)),
    ('not finite', lambda m, X, y: distance({k: math.nan for k in OBJECTIVE}, {k: 0.5 for k in OBJECTIVE})),
    ('`X`', lambda m, X, y: input_jacobian_norms(m, _nan_at(X, 7))),
    ('`y`', lambda m, X, y: sensitivity_stats(m, X, torch.full_like(y, 5))),
    ('`K`', lambda m, X, y: ksd_estimate(_nan_at(torch.ones(4, 4), 6))),
]

@pytest.mark.parametrize('word,fn', CASES, ids=[f"{i}-{w.strip('`')}" for i, (w, _) in enumerate(CASES)])
def test_probe_silent_cases_now_raise(word, fn):
    m, X, y = _toy()
    with pytest.raises(ValueError, match=word): fn(m, X, y)

def test_valid_inputs_still_work():
    m, X, y = _toy()
    assert MLP(3, 2, hidden=(4, 4))(X).shape == (20, 2) and SmallCNN(img_size=8)(torch.zeros(2, 1, 8, 8)).shape == (2, 10)
    assert complementary_masks(2, 1).sum(0).tolist() == [1.0, 1.0]
    assert second_moment(torch.eye(2)[None], torch.eye(2)[None], 0.1, 0.5, 1.0, 0).shape == (1,)
    assert set(random_other_class(torch.tensor([0, 1, 2]), 3).tolist()) <= {0, 1, 2}
    train(m, X, y, epochs=1, clip=1.0)

"CLI tests: the console script, the registry and the cached report writer."
import json, subprocess, sys
from pathlib import Path
import pytest

def run(*args, cwd=None):
    return subprocess.run([sys.executable, '-m', 'mlu_nb.cli', *args], capture_output=True, text=True, cwd=cwd)

def test_help_documents_commands():
    r = subprocess.run(['mlu-nb', '--help'], capture_output=True, text=True)
    assert r.returncode == 0
    for word in ('reproduce', 'list', 'bench'): assert word in r.stdout
    r = subprocess.run(['mlu-nb', 'reproduce', '--help'], capture_output=True, text=True)
    for opt in ('--quick', '--full', '--only', '--out', '--device', '--seed', '--rerun'): assert opt in r.stdout

def test_list_shows_foundation_experiment():
    r = subprocess.run(['mlu-nb', 'list'], capture_output=True, text=True)
    assert r.returncode == 0 and 'digits_smallcnn' in r.stdout

def test_reproduce_writes_summary_and_caches(tmp_path):
    out = tmp_path / 'reports'
    r = subprocess.run(['mlu-nb', 'reproduce', '--quick', '--only', 'digits_smallcnn', '--out', str(out), '--device', 'cpu'],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    summary = (out / 'summary.md').read_text()
    assert '| digits_smallcnn | SmallCNN reaches' in summary and 'mlu_nb ' in summary.splitlines()[2]   # claim row, provenance header
    rec = json.loads((out / 'digits_smallcnn' / 'quick' / 'result.json').read_text())
    assert rec['claims'][0]['verdict'] == 'reproduced', rec['claims']   # SmallCNN >= 95% on digits
    assert (out / 'digits_smallcnn' / 'quick' / 'rows.csv').exists()
    # second run resumes from the cache: identical record, not recomputed
    r2 = subprocess.run(['mlu-nb', 'reproduce', '--only', 'digits_smallcnn', '--out', str(out)], capture_output=True, text=True)
    assert r2.returncode == 0
    rec2 = json.loads((out / 'digits_smallcnn' / 'quick' / 'result.json').read_text())
    assert rec2['seconds'] == rec['seconds']
    assert '(quick, cached,' in (out / 'summary.md').read_text()
    # a forged verdict is caught (by the record's digest): the record is set aside with a message and recomputed
    rec2['claims'][0]['verdict'] = 'not reproduced'
    (out / 'digits_smallcnn' / 'quick' / 'result.json').write_text(json.dumps(rec2))
    r3 = subprocess.run(['mlu-nb', 'reproduce', '--only', 'digits_smallcnn', '--out', str(out)], capture_output=True, text=True)
    assert r3.returncode == 0 and 'does not match its digest' in r3.stderr, r3.stderr
    rec3 = json.loads((out / 'digits_smallcnn' / 'quick' / 'result.json').read_text())
    assert rec3['claims'][0]['verdict'] == 'reproduced' and rec3['seconds'] != rec['seconds']
    assert list((out / 'digits_smallcnn' / 'quick').glob('result.json.bad-*'))

def test_unknown_experiment_fails_clearly(tmp_path):
    r = subprocess.run(['mlu-nb', 'reproduce', '--only', 'no_such_thing', '--out', str(tmp_path)], capture_output=True, text=True)
    assert r.returncode != 0 and 'unknown experiment' in r.stderr

def test_every_experiment_has_full_smoke_and_cost():
    "Full and smoke settings and a declared cost for every experiment; quick settings for all but the full-only (CIFAR/SVHN) ones."
    from mlu_nb.experiments import load_experiments
    exps = load_experiments()
    for name, e in exps.items():
        assert (e.quick is None or isinstance(e.quick, dict)) and isinstance(e.full, dict) and isinstance(e.smoke, dict), name
        assert e.estimate() is not None and e.estimate()['trainings'] >= 0, name
        assert e.settings('smoke')['smoke'] is True, name
        assert e.description, f"{name} has no description"
    assert sum(e.quick is None for e in exps.values()) >= 4   # the CIFAR runs the cuda cells call


def test_full_only_refused_in_quick_mode(tmp_path):
    r = subprocess.run(['mlu-nb', 'reproduce', '--only', 'klom_cifar10', '--out', str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and 'full-only' in r.stderr, r.stderr


def test_smoke_needs_full_and_dry_run_prices(tmp_path):
    r = subprocess.run(['mlu-nb', 'reproduce', '--smoke'], capture_output=True, text=True)
    assert r.returncode == 2 and '--full --smoke' in r.stderr
    r = subprocess.run(['mlu-nb', 'reproduce', '--full', '--dry-run', '--only', 'klom_cifar10'], capture_output=True, text=True)
    assert r.returncode == 0 and '1300 trainings' in r.stdout and 'GPU-h' in r.stdout, r.stdout


def test_smoke_deal_balances():
    import importlib.util
    spec = importlib.util.spec_from_file_location('smoke', Path(__file__).parent.parent / 'tools' / 'smoke.py')
    m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    parts = m.deal(['a', 'b', 'c', 'd'], 2)
    assert sorted(sum(parts, [])) == ['a', 'b', 'c', 'd'] and len(parts) == 2
    assert m.deal(['mumis_tables', 'digits_smallcnn', 'ksd_timing'], 2)[0] == ['mumis_tables']   # the longest gets a worker to itself

"Fault tests of the result cache and unit checkpoints: SIGKILL inside an experiment and between artifact writes, changed source."
import json, os, shutil, subprocess, sys, textwrap
from pathlib import Path
import pytest

TOY = textwrap.dedent('''
    "A toy experiment with three checkpointed units, a figure and rows; env vars make it kill itself at chosen points."
    import os, signal
    from pathlib import Path
    from mlu_nb.core import register_experiment, ExpResult, checkpoint
    from mlu_nb.claims import Claim, AtLeast, Control, over_seeds
    import mlu_nb.experiments as E

    def toy_unit(seed):
        "One unit: logs its call, dies when asked (after the earlier units were checkpointed)."
        with open(os.environ['TOY_LOG'], 'a') as f: f.write(f"{seed}\\n")
        if os.environ.get('TOY_KILL_AT') == str(seed): os.kill(os.getpid(), signal.SIGKILL)
        return 1.0 + 0.01 * seed

    @register_experiment('toy_units', quick=dict(seeds=[0, 1, 2]), full=dict(seeds=[0, 1, 2]), description='toy')
    def toy(settings, out_dir, device):
        import matplotlib.pyplot as plt
        unit = checkpoint(out_dir, toy_unit)
        v = [unit(s) for s in settings['seeds']]
        fig, ax = plt.subplots(); ax.plot(v)
        c = Claim('toy values >= 0.5', criterion=AtLeast(0.5), estimate=over_seeds(v),
                  control=Control('zero', over_seeds([0.0, 0.01, 0.02])), source='library', basis='toy')
        return ExpResult([c], [dict(seed=s, v=x) for s, x in zip(settings['seeds'], v)], {'fig': fig})

    if os.environ.get('TOY_KILL_IN_WRITE'):   # die after the figure is written, before rows.csv and result.json
        def _die(*a, **k): os.kill(os.getpid(), signal.SIGKILL)
        E.write_rows_csv = _die
''')

def _run(tmp, out, log, pkg=None, **env):
    (tmp / 'toyexp.py').write_text(TOY)
    e = dict(os.environ, TOY_LOG=str(log), OMP_NUM_THREADS='1', PYTHONPATH=os.pathsep.join(p for p in (str(pkg) if pkg else '', str(tmp)) if p), **env)
    code = f"import toyexp; from mlu_nb.experiments import reproduce; reproduce(['toy_units'], out={str(out)!r}, device='cpu', progress=False)"
    return subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=e, cwd=tmp)

def _calls(log): return log.read_text().split() if log.exists() else []

def test_sigkill_inside_experiment_resumes_at_the_unit(tmp_path):
    out, log = tmp_path / 'out', tmp_path / 'log'
    r = _run(tmp_path, out, log, TOY_KILL_AT='2')
    assert r.returncode == -9, r.stderr                     # killed in unit 2, after units 0 and 1 were checkpointed
    d = out / 'toy_units' / 'quick'
    assert not (d / 'result.json').exists() and not (out / 'summary.md').exists()
    r = _run(tmp_path, out, log)
    assert r.returncode == 0, r.stderr
    assert _calls(log) == ['0', '1', '2', '2'], _calls(log)  # units 0 and 1 resumed from their checkpoints, 2 recomputed
    assert r.stderr.count('unit loaded from checkpoint') == 2
    rec = json.loads((d / 'result.json').read_text())
    assert not (d / '.units').exists()                      # the committed record makes the checkpoints redundant: removed
    # the same numbers as an uninterrupted run
    out2, log2 = tmp_path / 'out2', tmp_path / 'log2'
    assert _run(tmp_path, out2, log2).returncode == 0 and _calls(log2) == ['0', '1', '2']
    rec2 = json.loads((out2 / 'toy_units' / 'quick' / 'result.json').read_text())
    assert rec['claims'] == rec2['claims'] and rec['rows'] == rec2['rows']

def test_sigkill_between_artifact_writes_leaves_no_record(tmp_path):
    out, log = tmp_path / 'out', tmp_path / 'log'
    r = _run(tmp_path, out, log, TOY_KILL_IN_WRITE='1')
    assert r.returncode == -9, r.stderr
    d = out / 'toy_units' / 'quick'
    assert (d / 'fig.png').exists() and not (d / 'rows.csv').exists() and not (d / 'result.json').exists()
    assert not list(d.glob('.*.tmp'))                       # no half-written temporary left behind either
    r = _run(tmp_path, out, log)                            # the next run sees no record, recomputes, commits one
    assert r.returncode == 0, r.stderr
    rec = json.loads((d / 'result.json').read_text())
    assert set(rec['artifacts']) == {'fig.png', 'rows.csv'} and '| toy_units | toy values' in (out / 'summary.md').read_text()

def test_changed_module_source_is_never_served(tmp_path):
    pkg = tmp_path / 'pkg'; shutil.copytree(Path(__file__).parents[1] / 'mlu_nb', pkg / 'mlu_nb', ignore=shutil.ignore_patterns('__pycache__'))
    out, log = tmp_path / 'out', tmp_path / 'log'
    r = _run(tmp_path, out, log, pkg=pkg); assert r.returncode == 0, r.stderr
    r = _run(tmp_path, out, log, pkg=pkg); assert r.returncode == 0 and _calls(log) == ['0', '1', '2']   # cached: nothing ran
    with open(pkg / 'mlu_nb' / 'metrics.py', 'a') as f: f.write('\n# an edit anywhere in the library\n')
    r = _run(tmp_path, out, log, pkg=pkg)
    assert r.returncode == 0, r.stderr
    assert 'stale record (differs in code)' in r.stderr and 'Traceback' not in r.stderr, r.stderr
    assert _calls(log) == ['0', '1', '2'] * 2                # recomputed by the new code
    assert list((out / 'toy_units' / 'quick').glob('result.json.bad-*'))

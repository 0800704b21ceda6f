"The wheel and sdist build, hold only the library, and the wheel installs and runs in a clean venv."
import os, subprocess, sys, sysconfig, zipfile, tarfile
from pathlib import Path
import pytest

root = Path(__file__).resolve().parent.parent

@pytest.fixture(scope='module')
def dist(tmp_path_factory):
    d = tmp_path_factory.mktemp('dist')
    r = subprocess.run([sys.executable, '-m', 'build', '--wheel', '--sdist', '--outdir', str(d), str(root)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return d

def test_wheel_contents(dist):
    whl = next(dist.glob('mlu_nb-*.whl'))
    names = zipfile.ZipFile(whl).namelist()
    assert 'mlu_nb/core.py' in names and 'mlu_nb/_modidx.py' in names
    bad = [n for n in names if n.endswith(('.ipynb', '.pt', '.png', '.csv')) or '/reports/' in n or '__pycache__' in n]
    assert not bad, bad
    assert any(n.endswith('entry_points.txt') for n in names)
    assert next(dist.glob('mlu_nb-*.tar.gz')).exists()

def test_wheel_installs_and_runs_in_clean_venv(dist, tmp_path):
    whl = next(dist.glob('mlu_nb-*.whl'))
    venv = tmp_path / 'venv'
    subprocess.run([sys.executable, '-m', 'venv', str(venv)], check=True)
    py = venv / 'bin' / 'python'
    # dependencies (torch is several GB) come from this environment through a path entry; mlu_nb itself comes from the wheel only
    site = Path(subprocess.check_output([str(py), '-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], text=True).strip())
    (site / 'deps.pth').write_text(sysconfig.get_paths()['purelib'] + '\n')
    subprocess.run([str(py), '-m', 'pip', 'install', '-q', '--no-deps', '--no-index', str(whl)], check=True)
    where = subprocess.check_output([str(py), '-c', 'import mlu_nb; print(mlu_nb.__file__)'], text=True, cwd=tmp_path).strip()
    assert where.startswith(str(venv)), where
    cli = venv / 'bin' / 'mlu-nb'
    assert subprocess.run([str(cli), '--help'], capture_output=True, text=True, cwd=tmp_path).returncode == 0
    r = subprocess.run([str(cli), 'reproduce', '--only', 'digits_smallcnn', '--out', str(tmp_path / 'reports'), '--device', 'cpu'],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'digits_smallcnn' in (tmp_path / 'reports' / 'summary.md').read_text()

"Repository hygiene: README commands, CI calling the README's test command, no settings.ini."
from pathlib import Path
root = Path(__file__).resolve().parent.parent

def test_readme_has_the_three_commands():
    r = (root / 'README.md').read_text()
    for cmd in ('python -m venv .venv && . .venv/bin/activate && pip install -e ".[dev]"', 'mlu-nb reproduce --quick', './test.sh'):
        assert cmd in r, cmd

def test_ci_calls_readme_test_command():
    assert './test.sh' in (root / '.ci' / 'run').read_text()

def test_readme_generated_from_index():
    import subprocess, sys
    before = (root / 'README.md').read_text()
    subprocess.run([sys.executable, str(root / 'tools' / 'make_readme.py')], check=True, capture_output=True)
    assert (root / 'README.md').read_text() == before, "README.md is out of date: run python tools/make_readme.py"

def test_no_settings_ini():
    assert not (root / 'settings.ini').exists()
    assert '[tool.nbdev]' in (root / 'pyproject.toml').read_text()

"""Write README.md from nbs/index.ipynb (what `nbdev-readme` does with Quarto, done with nbconvert where Quarto is absent)."""
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root / 'nbs' / 'index.ipynb', as_version=4)
body, _ = MarkdownExporter(exclude_raw=True).from_notebook_node(nb)
body = '\n'.join(l for l in body.splitlines() if not l.startswith('#|')) + '\n'
note = '<!-- generated from nbs/index.ipynb by tools/make_readme.py (or nbdev-readme); do not edit by hand -->\n\n'
(root / 'README.md').write_text(note + body)
print('README.md written')

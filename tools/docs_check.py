"""Docs check that runs without Quarto.

1. nbdev's own doc preprocessing (what `nbdev-proc-nbs` does before Quarto: show_doc for every exported symbol,
   hidden cells stripped) into `_proc/`;
2. each processed notebook converted to HTML with nbconvert into a throwaway folder (`docs_check_out/`, git-ignored);
3. every page opened in headless Chromium (its rendered DOM is dumped), asserting: the page is not empty, every exported
   function/class of the notebook's module has its rendered signature, every figure saved in the notebook is present as
   an image, notebooks that plot have figures, and no cell shows an error traceback;
4. screenshots of the home page and of one paper notebook (`docs_check_out/*.png`) to look at.

Exits non-zero, listing every problem, if anything fails.
"""
import html, json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = root / 'docs_check_out'

def chromium():
    for c in ('chromium', 'chromium-browser', 'google-chrome'):
        p = shutil.which(c)
        if p: return p
    sys.exit("docs check: headless Chromium not found; install Debian's `chromium` and `chromium-driver` packages "
             "(apt-get install chromium chromium-driver) and run again.")

FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic', '--virtual-time-budget=4000']

def preprocess():
    "Run nbdev's doc preprocessing (nbdev-proc-nbs without its Quarto install step)."
    os.chdir(root)
    from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
    from nbdev.serve import proc_nbs
    import nbdev.doclinks
    refresh_quarto_yml(); nbdev.doclinks._build_modidx()
    return Path(proc_nbs(n_workers=1, force=True))

def to_html(nb_path, dest):
    import nbformat
    from nbconvert import HTMLExporter
    nb = nbformat.read(nb_path, as_version=4)
    for c in nb.cells:   # nbdev's processor marks show_doc cells with a non-standard key; drop it for nbformat
        c.pop('has_sd', None); c.metadata.pop('execution', None)
        # show_doc writes markdown outputs meant for Quarto (`output: asis`); keep them as markdown for nbconvert
    # emulate Quarto: `#| echo: false` hides a cell's source, and the raw YAML front matter is not shown as text
    for c in nb.cells:
        if c.cell_type == 'code' and re.search(r'(?m)^#\|\s*echo:\s*false', c.source):
            c.metadata.setdefault('tags', []).append('remove_input')
    for i, c in enumerate(nb.cells):
        if c.cell_type == 'raw' and c.source.lstrip().startswith('---'):
            import yaml
            fm = yaml.safe_load(c.source.strip().strip('-')) or {}
            nb.cells[i] = nbformat.v4.new_markdown_cell(f"# {fm.get('title', '')}\n\n> {fm.get('description', '')}")
    from traitlets.config import Config
    cfg = Config(); cfg.TagRemovePreprocessor.enabled = True; cfg.TagRemovePreprocessor.remove_input_tags = {'remove_input'}
    body, _ = HTMLExporter(template_name='lab', config=cfg).from_notebook_node(nb)
    dest.write_text(body)

def dump_dom(chrome, page, udd):
    r = subprocess.run([chrome, *FLAGS, f'--user-data-dir={udd}', '--dump-dom', page.as_uri()],
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0: raise RuntimeError(f"chromium failed on {page.name}: {r.stderr[-500:]}")
    return r.stdout

def screenshot(chrome, page, png, udd):
    subprocess.run([chrome, *FLAGS, f'--user-data-dir={udd}', '--window-size=1280,1600', f'--screenshot={png}', page.as_uri()],
                   capture_output=True, text=True, timeout=120)

def exported_symbols(src_nb):
    "Top-level exported functions/classes of the module a source notebook exports to."
    txt = src_nb.read_text()
    m = re.search(r'#\|\s*default_exp\s+([\w.]+)', txt)
    if not m: return []
    mod = f"mlu_nb.{m.group(1)}"
    from mlu_nb._modidx import d
    syms = d['syms'].get(mod, {})
    return sorted({k[len(mod) + 1:] for k in syms if '.' not in k[len(mod) + 1:] and not k[len(mod) + 1:].startswith('_')})

def text_of(dom):
    t = re.sub(r'<script.*?</script>|<style.*?</style>', ' ', dom, flags=re.S)
    return html.unescape(re.sub(r'<[^>]+>', ' ', t))

def main():
    chrome = chromium()
    proc = preprocess()
    if out.exists(): shutil.rmtree(out)
    out.mkdir()
    problems, pages = [], []
    src_nbs = sorted((root / 'nbs').glob('*.ipynb'))
    udd = tempfile.mkdtemp(prefix='mlu-nb-chrome-')
    for src in src_nbs:
        if src.name.startswith('_'): continue
        pnb = proc / src.name
        if not pnb.exists(): problems.append(f"{src.name}: not produced by nbdev's doc preprocessing"); continue
        page = out / (src.stem + '.html'); to_html(pnb, page); pages.append(page)
        dom = dump_dom(chrome, page, udd); text = text_of(dom)
        src_json = json.loads(src.read_text())
        n_png = sum('image/png' in o.get('data', {}) for c in src_json['cells'] for o in c.get('outputs', []))
        plots = any(c['cell_type'] == 'code' and re.search(r'\bplt\.|\.plot\(|imshow|subplots', ''.join(c['source']))
                    and not ''.join(c['source']).lstrip().startswith(('#| slow', '#| cuda', '#| eval: false'))
                    and '#| export' not in ''.join(c['source']) for c in src_json['cells'])
        n_img = len(re.findall(r'<img\b', dom))
        if len(text.split()) < 80: problems.append(f"{src.name}: page nearly empty ({len(text.split())} words)")
        for s in exported_symbols(src):
            if not re.search(rf'(def|class)\s+{re.escape(s)}\b', text):
                problems.append(f"{src.name}: exported `{s}` has no rendered signature")
        if n_img < n_png: problems.append(f"{src.name}: {n_png} figures saved in the notebook but {n_img} images on the page")
        if plots and n_png == 0: problems.append(f"{src.name}: the notebook plots but holds no figure output (run `nbdev-test --save`?)")
        if 'Traceback (most recent call last)' in text or re.search(r'\b\w+Error\b: .*\n?.*Traceback', text):
            problems.append(f"{src.name}: a cell shows an error traceback")
        if 'docments unavailable' in text: problems.append(f"{src.name}: show_doc could not render a signature (docments unavailable)")
        if any(o.get('output_type') == 'error' for c in src_json['cells'] for o in c.get('outputs', [])):
            problems.append(f"{src.name}: a cell output is an error")
        print(f"{src.name:28s} words={len(text.split()):6d} images={n_img:3d} (saved {n_png:3d}) symbols={len(exported_symbols(src)):3d}")
    paper = next((p for p in pages if p.stem.startswith(('10_', '20_', '30_'))), pages[-1])
    for p in [out / 'index.html', paper]:
        if p.exists(): screenshot(chrome, p, out / f"screenshot_{p.stem}.png", udd)
    shutil.rmtree(udd, ignore_errors=True)
    if problems:
        print('\nDOCS CHECK FAILED:\n' + '\n'.join(' - ' + p for p in problems)); return 1
    print(f"\ndocs check passed: {len(pages)} pages, screenshots in {out}/")
    return 0

if __name__ == '__main__': sys.exit(main())

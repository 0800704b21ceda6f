"""Run every benchmark (`benchmarks/bench_*.py`, each with `run(quick=True) -> list[dict]`) and print measured ratios side by side.

Usage: python -m benchmarks [--only core,influence] [--full]
Each row: name, baseline seconds, ours seconds, ratio = baseline / ours (higher is better), goal, note.
"""
import argparse, importlib, pkgutil, sys, time
from pathlib import Path

def main(argv=None):
    p = argparse.ArgumentParser(prog='python -m benchmarks')
    p.add_argument('--only', default='', help='comma-separated benchmark modules (core, influence, ...)')
    p.add_argument('--full', action='store_true', help='larger sizes where a benchmark has them')
    a = p.parse_args(argv)
    here = Path(__file__).parent
    names = sorted(m.name[len('bench_'):] for m in pkgutil.iter_modules([str(here)]) if m.name.startswith('bench_'))
    if a.only:
        want = [s.strip() for s in a.only.split(',')]
        bad = [n for n in want if n not in names]
        if bad or not all(want): p.error(f"unknown benchmark(s) {bad or [a.only]}; available: {', '.join(names)}")
        names = [n for n in names if n in want]
    print(f"{'benchmark':46s} {'baseline s':>11s} {'ours s':>9s} {'ratio':>9s} {'goal':>8s}  note")
    failed = 0
    for n in names:
        t0 = time.perf_counter()
        try: rows = importlib.import_module(f'benchmarks.bench_{n}').run(quick=not a.full)
        except Exception as e:
            print(f"{n:46s} ERROR {type(e).__name__}: {e}"); failed += 1; continue
        for r in rows:
            f = lambda k, fmt: (fmt % r[k]) if isinstance(r.get(k), (int, float)) else str(r.get(k, ''))
            print(f"{n + ': ' + r['name']:46s} {f('baseline_s', '%.4f'):>11s} {f('ours_s', '%.4f'):>9s} {f('ratio', '%.1fx'):>9s} {str(r.get('goal', '')):>8s}  {r.get('note', '')}")
        print(f"{'':46s} ({time.perf_counter() - t0:.1f} s for {n})")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())

"""The smoke path in CI: `mlu-nb reproduce --full --smoke` for every registered experiment, split over worker processes.

Every full experiment (and every function a `cuda` cell calls through the registry) runs end to end on FakeData
stand-ins or a few hundred digits: data loading, the paper's architectures and recipes, checkpoints, unlearning,
metrics and the claim rows. Each worker is one process with one torch thread (two workers with two threads each
stall on 2 cores); the experiments are dealt to the workers longest first by their measured smoke seconds.
Then every record is checked: mode 'smoke', `smoke=True` in its settings, a digest that verifies, and, for an
experiment that declares claims, at least one claim computed.

CI runs every experiment but those in `CI_SKIP`: on this project's 2-core CPU machine their smoke runs take 1-13
minutes each (ResNet/SmallCNN work that no stand-in size makes small without changing the code path), which would
push CI past its 20 minutes. `--all` runs them too (about 40 CPU-minutes in all); run it before a GPU session.

Usage: python tools/smoke.py [--workers 2] [--all | --only a,b] [--out DIR]
"""
from __future__ import annotations
import argparse, os, subprocess, sys, tempfile, time
from pathlib import Path

# wall seconds of each experiment's smoke run on this project's 2-core CPU machine, one torch thread, two workers
# (2026-12-02); used only to balance the workers, so a stale value costs time, not correctness
SMOKE_SECONDS = dict(atlas=794, dat_cifar10=397, dat_k_effect=73, dat_pareto=6, dat_table2=270, digits_smallcnn=5,
                     klom_ascent=17, klom_cifar10=287, ksd_cifar=464, ksd_difficulty=71, ksd_expansion=39, ksd_timing=3, lambertw_closed_forms=2,
                     lambertw_random_sets=1, lambertw_toy=1, lfd_cifar10=67, lfd_misalignment=11, mumis_ablation=8, mumis_cifar_sweep=130,
                     mumis_proportions=10, mumis_sensitivity=1, mumis_tables=335, spectral_proxies=6, stability_fig1=7,
                     stability_fig2=8, timing_dat=2, timing_ksd=7, timing_mumis=7, ugs_param_shift=23, unlearn_table=112)


# the experiments CI leaves out: their smoke runs take 1-13 minutes each here (ksd_cifar 464 s and mumis_cifar_sweep 130 s
# measured 2026-12-02 beside other jobs) (`SMOKE_SECONDS`; some measured with other
# jobs running); atlas_cifar10 had not finished after 10 minutes of sharing the machine when it was stopped (not timed)
CI_SKIP = {'mumis_tables', 'mumis_cifar_sweep', 'ksd_cifar', 'atlas', 'atlas_cifar10', 'dat_cifar10', 'dat_k_effect', 'dat_table2', 'klom_cifar10', 'ksd_difficulty', 'unlearn_table'}


def deal(names:list, workers:int) -> list[list]:
    "Longest-first greedy assignment of experiments to `workers` lists by `SMOKE_SECONDS` (unknown: 60 s)."
    bins = [[0.0, []] for _ in range(workers)]
    for n in sorted(names, key=lambda n: -SMOKE_SECONDS.get(n, 60)):
        b = min(bins, key=lambda b: b[0]); b[0] += SMOKE_SECONDS.get(n, 60); b[1].append(n)
    return [b[1] for b in bins if b[1]]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--workers', type=int, default=2)
    p.add_argument('--only', default=None)
    p.add_argument('--all', action='store_true', help='also the experiments in CI_SKIP')
    p.add_argument('--out', default=None)
    a = p.parse_args(argv)
    from mlu_nb.experiments import load_experiments, check_record
    exps = load_experiments()
    names = a.only.split(',') if a.only else [n for n in sorted(exps) if a.all or n not in CI_SKIP]
    out = Path(a.out or tempfile.mkdtemp(prefix='mlu_nb_smoke_'))
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1', 'MPLBACKEND': 'Agg'}
    out.mkdir(parents=True, exist_ok=True); t0 = time.perf_counter(); procs = []
    for i, part in enumerate(deal(names, a.workers)):
        log = open(out / f'worker{i}.log', 'w')
        cmd = [sys.executable, '-m', 'mlu_nb.cli', 'reproduce', '--full', '--smoke', '--device', 'cpu', '--out', str(out), '--only', ','.join(part)]
        procs.append((part, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env), log))
    bad = []
    for part, pr, log in procs:
        rc = pr.wait(); log.close()
        if rc: bad.append(f"worker running {part} exited {rc}; log: {log.name}\n" + Path(log.name).read_text()[-4000:])
    wall = time.perf_counter() - t0
    rows = []
    for n in names:
        d = out / n / 'smoke'
        try: rec = check_record(d)
        except ValueError as err: bad.append(f"{n}: {err}"); continue
        if rec['mode'] != 'smoke' or rec['settings'].get('smoke') is not True: bad.append(f"{n}: not a smoke record")
        rows.append((n, rec['seconds'], len(rec['claims'])))
    for n, s, c in sorted(rows, key=lambda r: -r[1]): print(f"{n:24s} {s:7.1f} s  {c:3d} claim(s) computed")
    print(f"smoke path: {len(rows)} of {len(names)} experiments ran end to end in {wall:.0f} s wall ({a.workers} workers, 1 thread each)"
          + ('' if a.all or a.only else f"; not run here (--all runs them): {', '.join(sorted(CI_SKIP))}"))
    if bad: print('FAILED:\n' + '\n'.join(bad), file=sys.stderr); return 1
    return 0


if __name__ == '__main__': sys.exit(main())

#!/usr/bin/env bash
# The project's one test command (README "Tests"; .ci/run calls it verbatim).
# 1. library in sync with notebooks  2. notebooks clean  3. ruff  4. notebooks run as tests  5. smoke path  6. pytest  7. docs check
set -euo pipefail
cd "$(dirname "$0")"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== nbdev-export (library and notebooks in sync?)"
nbdev-export
[ -z "$(git status --porcelain -- mlu_nb)" ] || { git status --porcelain -- mlu_nb; fail "library and notebooks out of sync: run nbdev-export and commit mlu_nb/"; }

echo "== nbdev-clean (notebooks clean?)"
nbdev-clean
[ -z "$(git status --porcelain -- nbs)" ] || { git status --porcelain -- nbs; fail "unstripped notebooks: run nbdev-clean and commit nbs/"; }

echo "== ruff (unused imports and variables, undefined names; fix them in the notebooks)"
ruff check mlu_nb

echo "== nbdev-test (slow and cuda cells skipped; one torch thread per worker: two workers with two threads each stall on 2 cores, and the notebooks' timing claims are measured in single-thread CPU time)"
OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" MKL_NUM_THREADS="${MKL_NUM_THREADS:-1}" nbdev-test --n-workers "${MLU_NB_WORKERS:-2}" --timing

if [ "${MLU_NB_SKIP_SMOKE:-0}" != "1" ]; then
  echo "== smoke path (every full experiment end to end on FakeData stand-ins / small digits; no verdicts)"
  python tools/smoke.py --workers "${MLU_NB_WORKERS:-2}"
fi

echo "== pytest"
python -m pytest -q tests

if [ "${MLU_NB_SKIP_DOCS:-0}" != "1" ]; then
  echo "== docs check"
  python tools/docs_check.py
fi

"Benchmark for mlu_nb.mumis: vectorized input sensitivity vs a per-sample/per-class autograd loop; one MU-Mis iteration vs one retrain epoch."
import time, torch
from mlu_nb.data import digits, random_forget
from mlu_nb.models import train_model, make_model
from mlu_nb.core import train
from mlu_nb.mumis import input_sensitivity, input_sensitivity_loop, mu_mis

def _t(f, reps=1):
    f(); t0 = time.perf_counter()
    for _ in range(reps): f()
    return (time.perf_counter() - t0) / reps

def run(quick=True) -> list[dict]:
    D = digits(); torch.manual_seed(0)
    m, _ = train_model('smallcnn', D.X_train, D.y_train, D, seed=0, epochs=2)
    n = 512   # the size; the loop baseline takes ~2-3 s
    X, y = D.X_train[:n], D.y_train[:n]
    ours = _t(lambda: input_sensitivity(m, X, y), 2)
    ours64 = _t(lambda: input_sensitivity(m, X, y, chunk_size=64), 2)
    base = _t(lambda: input_sensitivity_loop(m, X, y), 1)
    sp = random_forget(D, 100, 0)
    it = _t(lambda: mu_mis(m, sp.X_forget, sp.y_forget, lr=1e-5, max_iter=1, track=False), 3)
    ep = _t(lambda: train(make_model('smallcnn', D, seed=0), sp.X_retain, sp.y_retain, epochs=1, lr=0.05), 2)
    return [dict(name=f'input_sensitivity {n} digits (vmap/jacrev vs per-sample per-class autograd loop)', baseline_s=base, ours_s=ours, ratio=base / ours, note='goal >= 10x'),
            dict(name=f'input_sensitivity {n} digits, chunk_size=64', baseline_s=base, ours_s=ours64, ratio=base / ours64, note='same, vmap in chunks of 64 (cache-friendlier on CPU)'),
            dict(name='one MU-Mis iteration (100 forget samples) vs one retrain epoch (1337 retain)', baseline_s=ep, ours_s=it, ratio=ep / it, note='SmallCNN, CPU')]

if __name__ == '__main__':
    for r in run(quick=False): print(r)

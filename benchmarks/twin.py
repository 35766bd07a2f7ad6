#!/usr/bin/env python3
"""Does a piece of work cost more CPU when a twin runs on the other core? (docs/performance.md,
*Sixth session*: the federation's speed-up.)

    .venv/bin/python benchmarks/twin.py MEMBER_CONFIG [--seconds 6] [--rounds 3]

Three workloads, each run for --seconds in one process ("alone") and then in two processes
at once ("twin"), alternated --rounds times; printed: CPU milliseconds per iteration and
the ratio twin ÷ alone of the medians. On an idle 2-core machine a ratio near 1.0 means
the work does not slow its neighbour; a federation's speed-up from 1 to 2 cores is about
2 ÷ that ratio (the pool's serial part is ~2 % of it).

- ``member``: score MEMBER_CONFIG (a generated county bureau) as a federation's worker does;
- ``small``: an allocation loop whose live objects stay small (fits a core's L2 cache);
- ``big``: the same kind of loop walking a ~40 MB heap of small objects (beyond L2).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import time
from collections.abc import Callable
from typing import Any


def member_work(config: str) -> Callable[[], object]:
    from bureaukit.federation_runs import score_bureau

    return lambda: score_bureau(config, None, None)


def small_work() -> object:
    total = 0
    for _ in range(30):
        d = {i: (i, [i, str(i)]) for i in range(2000)}
        total += sum(len(v[1]) for v in d.values())
    return total


def big_work(heap: list[dict[str, Any]]) -> Callable[[], object]:
    def walk() -> object:
        pick = random.Random(1).randrange
        total = 0
        for _ in range(60_000):
            x = heap[pick(len(heap))]
            total += x["k"] + len(x["l"])
            _ = {i: (i, [i]) for i in range(3)}
        return total

    return walk


def cpu_per_iteration(work: Callable[[], object], seconds: float, out: Any) -> None:
    work()  # warm: imports and first-call caches
    cpu, n = 0.0, 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.process_time()
        work()
        cpu += time.process_time() - t
        n += 1
    out.put(cpu / n)


def alone_and_twin(work: Callable[[], object], seconds: float, rounds: int) -> dict[str, list[float]]:
    context = multiprocessing.get_context("fork")  # the work closes over local objects
    got: dict[str, list[float]] = {"alone": [], "twin": []}
    for _ in range(rounds):
        for mode, processes in (("alone", 1), ("twin", 2)):
            out = context.Queue()
            ps = [context.Process(target=cpu_per_iteration, args=(work, seconds, out)) for _ in range(processes)]
            for p in ps:
                p.start()
            got[mode].append(statistics.mean(out.get() for _ in ps))
            for p in ps:
                p.join()
    return got


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("member", help="a member bureau's config (benchmarks/generate --federation …)")
    ap.add_argument("--seconds", type=float, default=6.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    heap = [{"k": i, "v": (i, str(i)), "l": [i]} for i in range(150_000)]
    works = {"member": member_work(args.member), "small": small_work, "big": big_work(heap)}
    for name, work in works.items():
        got = alone_and_twin(work, args.seconds, args.rounds)
        ratio = statistics.median(got["twin"]) / statistics.median(got["alone"])
        shown = {mode: ", ".join(f"{x * 1000:.1f}" for x in xs) for mode, xs in got.items()}
        print(f"{name}: alone {shown['alone']} ms, twin {shown['twin']} ms; twin ÷ alone {ratio:.3f}", flush=True)


if __name__ == "__main__":
    main()

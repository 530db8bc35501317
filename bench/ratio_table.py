#!/usr/bin/env python3
"""Turns one Google Benchmark JSON file from wsc_codec_bench into the
"ours vs Beast" table and checks the issue's targets.

Rows are the medians when the run had repetitions, else the single run.
Throughput is payload bytes per CPU second, shown in GB/s (10^9 bytes).
"""
import json
import sys

SIZES = ["16B", "1KiB", "64KiB", "16MiB"]
KINDS = ["text", "binary", "text_utf8"]
MICRO = ["unmask_validate", "unmask_then_validate", "unmask", "validate", "memcpy"]
TARGET_RATIO = 2.0      # ours >= 2x Beast on 64 KiB text frames
TARGET_GBPS = 5.0       # unmask + validate on ASCII, GB/s


def load(path):
    with open(path) as f:
        doc = json.load(f)
    rates, errors, cvs = {}, {}, {}
    have_median = any(b.get("aggregate_name") == "median" for b in doc["benchmarks"])
    for b in doc["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("error_occurred"):
            errors[name] = b.get("error_message", "error")
            continue
        if b.get("aggregate_name") == "cv":
            cvs[name] = b["cpu_time"] * 100
        if have_median and b.get("aggregate_name") != "median":
            continue
        if "bytes_per_second" in b:
            rates[name] = b["bytes_per_second"] / 1e9
    return doc.get("context", {}), rates, errors, cvs


def fmt(x):
    return "   n/a" if x is None else f"{x:6.2f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main(argv):
    strict = "--strict" in argv
    paths = [a for a in argv if a != "--strict"]
    if len(paths) != 1:
        sys.exit("usage: ratio_table.py [--strict] codec_bench.json")
    ctx, rates, errors, cvs = load(paths[0])

    print(f"host: {ctx.get('host_name', '?')}, {ctx.get('num_cpus', '?')} CPUs @ "
          f"{ctx.get('mhz_per_cpu', '?')} MHz, date {ctx.get('date', '?')}")
    print("GB/s of payload (10^9 B/s, median); ratio = ours / Beast;")
    print("noise = largest coefficient of variation of the row's three timings\n")
    head = (f"{'kind':<10} {'size':>6} | {'parser':>6} {'endpt':>6} {'beast':>6} | "
            f"{'parser/beast':>12} {'endpt/beast':>11} | {'noise':>5}")
    print(head)
    print("-" * len(head))
    for kind in KINDS:
        for size in SIZES:
            p, e, b = (rates.get(f"{impl}/{kind}/{size}") for impl in ("parser", "endpoint", "beast"))
            if p is None and e is None and b is None:
                continue
            rp, re_ = ratio(p, b), ratio(e, b)
            noise = [cvs[n] for n in (f"{i}/{kind}/{size}" for i in ("parser", "endpoint", "beast")) if n in cvs]
            shown = f"{max(noise):4.0f}%" if noise else "  n/a"
            print(f"{kind:<10} {size:>6} | {fmt(p)} {fmt(e)} {fmt(b)} | {fmt(rp):>11}x {fmt(re_):>10}x | {shown}")

    print(f"\n{'ASCII microbenchmark':<22} {'64KiB':>7} {'16MiB':>7}  (GB/s)")
    for m in MICRO:
        vals = [rates.get(f"{m}/ascii/{s}") for s in ("64KiB", "16MiB")]
        if any(v is not None for v in vals):
            print(f"{m:<22} {fmt(vals[0]):>7} {fmt(vals[1]):>7}")

    if errors:
        print("\nbenchmarks that reported an error:")
        for n, msg in sorted(errors.items()):
            print(f"  {n}: {msg}")

    print("\ntargets:")
    checks = []
    b64 = rates.get("beast/text/64KiB")
    for impl, label in (("endpoint", "wsc::endpoint (like-for-like with Beast's read)"),
                        ("parser", "frame_parser + utf8_validator (hot path)")):
        r = ratio(rates.get(f"{impl}/text/64KiB"), b64)
        checks.append((f">= {TARGET_RATIO:.0f}x Beast, 64 KiB text, {label}",
                       r is not None and r >= TARGET_RATIO, f"{fmt(r).strip()}x"))
    for size in ("64KiB", "16MiB"):
        v = rates.get(f"unmask_validate/ascii/{size}")
        checks.append((f">= {TARGET_GBPS:.0f} GB/s unmask+validate, ASCII {size}",
                       v is not None and v >= TARGET_GBPS, f"{fmt(v).strip()} GB/s"))
    for text, ok, shown in checks:
        print(f"  [{'met ' if ok else 'MISS'}] {text}: {shown}")
    if strict and not all(ok for _, ok, _ in checks):
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])

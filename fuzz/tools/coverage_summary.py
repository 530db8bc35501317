#!/usr/bin/env python3
"""Line and branch coverage of codec/ from llvm-cov's exports, less the functions
fuzz/coverage.exclude names (code that never runs at run time), with every
uncovered line listed. Used by fuzz/coverage.

  coverage_summary.py LCOV JSON EXCLUDE ROOT [--min P] [--min-branches B]
"""
import json
import re
import sys
from pathlib import Path


def ranges(lines):
    out, start, prev = [], None, None
    for n in sorted(lines):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append((start, prev))
            start = prev = n
    if start is not None:
        out.append((start, prev))
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def main(argv):
    lcov, js, exclude, root = argv[1:5]
    rest = argv[5:]
    need_lines = float(rest[rest.index("--min") + 1]) if "--min" in rest else None
    need_branches = float(rest[rest.index("--min-branches") + 1]) if "--min-branches" in rest else None
    root = str(Path(root).resolve()) + "/"

    # file -> line -> hits, file -> [(line, hits)] for branches
    lines, branches = {}, {}
    cur = None
    for raw in open(lcov):
        raw = raw.strip()
        if raw.startswith("SF:"):
            cur = raw[3:].replace(root, "")
            lines.setdefault(cur, {})
            branches.setdefault(cur, [])
        elif raw.startswith("DA:"):
            n, c = raw[3:].split(",")[:2]
            lines[cur][int(n)] = max(lines[cur].get(int(n), 0), int(c))
        elif raw.startswith("BRDA:"):
            n, _, _, c = raw[5:].split(",")
            branches[cur].append((int(n), 0 if c == "-" else int(c)))

    # Function spans from the JSON export: (file, first line, last line, name).
    spans = []
    for data in json.load(open(js))["data"]:
        for f in data["functions"]:
            region = f["regions"][0]
            spans.append((f["filenames"][region[5]].replace(root, ""), region[0], region[2], f["name"]))

    excluded = {}  # file -> set of lines
    notes = []
    for raw in Path(exclude).read_text().splitlines():
        entry = raw.split("#", 1)[0].split()
        if not entry:
            continue
        file, name = entry
        hit = [(a, b) for (f, a, b, n) in spans if f == file and re.search(rf"\d{re.escape(name)}E", n)]
        if not hit:
            print(f"fuzz/coverage: {exclude}: no function {name} in {file} (update the list)", file=sys.stderr)
            return 2
        a, b = min(x[0] for x in hit), max(x[1] for x in hit)
        excluded.setdefault(file, set()).update(range(a, b + 1))
        notes.append(f"  {file}:{a}-{b} {name}")

    rows, missing = [], []
    tl = th = tb = tbh = 0
    for file in sorted(lines):
        ex = excluded.get(file, set())
        ls = {n: c for n, c in lines[file].items() if n not in ex}
        bs = [(n, c) for n, c in branches[file] if n not in ex]
        if not ls:
            continue
        hit = sum(1 for c in ls.values() if c > 0)
        bhit = sum(1 for _, c in bs if c > 0)
        rows.append((file, len(ls), hit, len(bs), bhit, len(ex & set(lines[file]))))
        miss = [n for n, c in ls.items() if c == 0]
        if miss:
            missing.append(f"  {file}: {ranges(miss)}")
        tl, th, tb, tbh = tl + len(ls), th + hit, tb + len(bs), tbh + bhit

    pct = lambda a, b: 100.0 * a / b if b else 100.0
    print(f"{'file':36} {'lines':>7} {'missed':>6} {'cover':>7}   {'branches':>8} {'missed':>6} {'cover':>7}  excluded")
    for file, n, hit, nb, bhit, nex in rows:
        print(f"{file:36} {n:7} {n - hit:6} {pct(hit, n):6.2f}%   {nb:8} {nb - bhit:6} {pct(bhit, nb):6.2f}%  {nex or ''}")
    print(f"{'TOTAL':36} {tl:7} {tl - th:6} {pct(th, tl):6.2f}%   {tb:8} {tb - tbh:6} {pct(tbh, tb):6.2f}%")
    print("\nNot counted (run only at compile time, see fuzz/coverage.exclude):")
    print("\n".join(notes) or "  none")
    print("\nLines no corpus input reaches:")
    print("\n".join(missing) or "  none")
    line_pct, branch_pct = pct(th, tl), pct(tbh, tb)
    print(f"\ncodec/ line coverage from the fuzz corpora: {line_pct:.2f}%, branch coverage: {branch_pct:.2f}%")
    status = 0
    if need_lines is not None and line_pct < need_lines:
        print(f"fuzz/coverage: line coverage below the {need_lines}% target", file=sys.stderr)
        status = 1
    if need_branches is not None and branch_pct < need_branches:
        print(f"fuzz/coverage: branch coverage below the {need_branches}% target", file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

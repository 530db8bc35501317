"""Shared vocabulary and output helpers for the catalogue generators (stdlib only).

The helpers build exactly the JSON forms documented in cases/README.md; the formatter keeps
small values on one line so a case reads as one short block instead of a tall tree.
"""

import difflib
import json
import os
import sys

EMPTY = {"text": ""}


def T(s):
    return {"text": s}


def H(h):
    return {"hex": h}


def REP(pattern, length):
    key, value = next(iter(pattern.items()))
    return {"repeat": {key: value, "length": length}}


def FILL(byte, length):
    return {"fill": {"byte": byte, "length": length}}


def frame(opcode, payload=None, fin=True, rsv=0, chop=None, sync=None):
    f = {"opcode": opcode}
    if not fin:
        f["fin"] = False
    if rsv:
        f["rsv"] = rsv
    if payload is not None and payload != EMPTY:
        f["payload"] = payload
    if chop:
        f["chop"] = chop
    if sync:
        f["sync"] = True
    return {"send_frame": f}


def msg_step(opcode, payload, fragment_size=None):
    m = {"opcode": opcode, "payload": payload}
    if fragment_size is not None:
        m["fragment_size"] = fragment_size
    return {"send_message": m}


def close_step(code=None, reason=None):
    c = {}
    if code is not None:
        c["code"] = code
    if reason is not None:
        c["reason"] = reason
    return {"send_close": c}


def msg(payload, binary=False):
    return ["message", payload, binary]


def pong(payload):
    return ["pong", payload]


def timeout(tag):
    return ["timeout", tag]


def close_expect(closed_by_me, codes, require_clean, wrong_endpoint_fatal=False):
    return {"closed_by_me": closed_by_me, "codes": codes, "require_clean": require_clean,
            "wrong_endpoint_fatal": wrong_endpoint_fatal}


FC = close_expect(True, [1000], True)          # the fuzzer closes, normally and cleanly
PF = close_expect(False, [1002], False)        # the peer must fail the connection
PF1007 = close_expect(False, [1007], False, True)  # peer fails with 1007; fuzzer closing first is fatal


# ------------------------------------------------------------------------------- formatting
WIDTH = 120


def _compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))


def fmt(v, indent=0):
    """Pretty-print, but keep any value that fits in WIDTH columns on a single line."""
    one = _compact(v)
    if indent + len(one) <= WIDTH or not isinstance(v, (dict, list)) or not v:
        return one
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {fmt(x, indent + 2)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + fmt(x, indent + 2) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def render(doc):
    return fmt(doc) + "\n"


def parse_args(argv, subdir):
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(os.path.dirname(here), subdir)
    check = False
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--check":
            check = True
        elif a == "--out" and args:
            out = args.pop(0)
        else:
            sys.exit(f"usage: {os.path.basename(sys.argv[0])} [--out DIR] [--check]")
    return out, check


def write_or_check(out, docs, check):
    """Write each document, or with check=True report every file that differs. Returns an exit code."""
    bad = 0
    for name, doc in docs.items():
        path = os.path.join(out, name)
        text = render(doc)
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    old = f.read()
            except OSError as e:
                print(f"{path}: cannot read ({e})")
                bad += 1
                continue
            if old != text:
                bad += 1
                diff = difflib.unified_diff(old.splitlines(), text.splitlines(), path, "generator", lineterm="")
                print("\n".join(list(diff)[:40]))
        else:
            os.makedirs(out, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    if check and bad:
        print(f"{bad} file(s) differ from the generator output; rerun the generator and commit the result")
    return 1 if bad else 0

#!/usr/bin/env python3
"""Writes cases/autobahn/*.json: the Autobahn|Testsuite-compatible catalogue as data.

The committed JSON files are the source of truth that wsc_catalogue reads; this script only
exists so that 517 cases stay consistent with each other. A ctest test runs it with --check and
fails when the committed files differ from what it would write, so hand edits must be made here.

Usage: gen_autobahn.py [--out DIR] [--check]
"""

import sys

from catalogue_json import T, H, REP, FILL, EMPTY, frame, msg_step, close_step, msg, pong, timeout
from catalogue_json import FC, PF, PF1007, close_expect, write_or_check, parse_args

HW = T("Hello, world!")
P8 = H("00fffefdfcfb00ff")
K_HEX = "cebae1bdb9cf83cebcceb5"          # the Greek word kosme, 11 bytes
X20_HEX = K_HEX + "eda080" + "656469746564"  # K + an encoded lone surrogate + "edited"
U_TEXT = "Hello-\u00b5@\u00df\u00f6\u00e4\u00fc\u00e0\u00e1-UTF-8!!"  # 29 bytes as UTF-8
BIG_TEXT_PATTERN = "BAsd7&jh23"
BIG_BIN_PATTERN = "00fe23faf0"
STAR, FE = 0x2A, 0xFE

R6455 = "RFC 6455"
R7692 = "RFC 7692"


def case(cid, rfc, level, description, expectation, steps, expected, close, kind="standard", **extra):
    c = {"id": cid, "rfc": rfc, "level": level, "kind": kind,
         "description": description, "expectation": expectation}
    c.update(extra)
    c["steps"] = steps
    c["expected"] = expected
    c["expected_close"] = close
    return c


def section(number, category, subsections, cases):
    return {"format": "wsconform-catalogue/1", "section": number, "category": category,
            "subsections": subsections, "cases": cases}


# ---------------------------------------------------------------------------------------- §1
def framing():
    cases = []
    sizes = [(0, "an empty payload"),
             (125, "125 bytes, the longest payload the 7-bit length field can carry"),
             (126, "126 bytes, the shortest payload that needs the 16-bit length field"),
             (127, "127 bytes (16-bit length field)"),
             (128, "128 bytes (16-bit length field)"),
             (65535, "65535 bytes, the longest payload the 16-bit length field can carry"),
             (65536, "65536 bytes, the shortest payload that needs the 64-bit length field"),
             (65536, "65536 bytes, written to the socket in 997-byte slices")]
    for sub, opcode, byte, word in ((1, 1, STAR, "text"), (2, 2, FE, "binary")):
        for i, (n, what) in enumerate(sizes, start=1):
            chop = 997 if i == 8 else None
            payload = FILL(byte, n) if n else EMPTY
            fill_note = "" if n == 0 else (" of '*'" if byte == STAR else " of 0xFE")
            cases.append(case(
                f"1.{sub}.{i}", f"{R6455} §5.2", "MUST",
                f"One unfragmented {word} frame with {what}{fill_note}.",
                f"The peer returns the identical {word} message; the fuzzer then closes normally.",
                [frame(opcode, payload, chop=chop), {"kill_after": 10 if i >= 6 else 1}],
                {"OK": [msg(payload, opcode == 2)]}, FC))
    return section("1", "Framing", {"1.1": "Text Messages", "1.2": "Binary Messages"}, cases)


# ---------------------------------------------------------------------------------------- §2
def pings():
    c = []
    unsolicited = T("unsolicited pong payload")
    pp = T("ping payload")
    c.append(case("2.1", f"{R6455} §5.5.2", "MUST",
                  "Ping with no application data.",
                  "A pong with an empty body comes back, then a normal close.",
                  [frame(9), {"close_after": 1}], {"OK": [pong(EMPTY)]}, FC))
    c.append(case("2.2", f"{R6455} §5.5.2", "MUST",
                  "Ping carrying a short ASCII greeting as application data.",
                  "The pong repeats the ping body byte for byte.",
                  [frame(9, HW), {"close_after": 1}], {"OK": [pong(HW)]}, FC))
    c.append(case("2.3", f"{R6455} §5.5.2", "MUST",
                  "Ping whose 8-byte body is arbitrary binary, not UTF-8.",
                  "The pong repeats the binary body unchanged.",
                  [frame(9, P8), {"close_after": 1}], {"OK": [pong(P8)]}, FC))
    c.append(case("2.4", f"{R6455} §5.5.2", "MUST",
                  "Ping with a 125-byte body, the largest a control frame may have.",
                  "The pong repeats all 125 bytes.",
                  [frame(9, FILL(FE, 125)), {"close_after": 1}], {"OK": [pong(FILL(FE, 125))]}, FC))
    c.append(case("2.5", f"{R6455} §5.5", "MUST",
                  "Ping with a 126-byte body, one byte over the control-frame limit.",
                  "No pong; the peer fails the connection (1002 or a TCP drop).",
                  [frame(9, FILL(FE, 126)), {"kill_after": 1}], {"OK": []}, PF))
    c.append(case("2.6", f"{R6455} §5.5.2", "MUST",
                  "Ping with a 125-byte body, written one byte per socket write.",
                  "The pong repeats all 125 bytes once the frame has trickled in.",
                  [frame(9, FILL(FE, 125), chop=1), {"close_after": 2}],
                  {"OK": [pong(FILL(FE, 125))]}, FC))
    c.append(case("2.7", f"{R6455} §5.5.3", "MUST",
                  "An empty pong nobody asked for, followed at once by a normal close.",
                  "The peer ignores the stray pong and completes the closing handshake.",
                  [frame(10), close_step(1000), {"close_after": 1}], {"OK": []}, FC))
    c.append(case("2.8", f"{R6455} §5.5.3", "MUST",
                  "A stray pong with a 24-byte body, followed at once by a normal close.",
                  "The peer ignores the stray pong and completes the closing handshake.",
                  [frame(10, unsolicited), close_step(1000), {"close_after": 1}], {"OK": []}, FC))
    c.append(case("2.9", f"{R6455} §5.5.3", "MUST",
                  "A stray pong, then a real ping.",
                  "Exactly one pong, answering the ping; the stray pong causes nothing.",
                  [frame(10, unsolicited), frame(9, pp), {"close_after": 1}], {"OK": [pong(pp)]}, FC))
    for cid, chop in (("2.10", None), ("2.11", 1)):
        how = "" if chop is None else ", each written one byte at a time"
        c.append(case(cid, f"{R6455} §5.5.2", "SHOULD",
                      f"Ten pings in a row with bodies payload-0 to payload-9{how}.",
                      "Ten pongs in the same order. The RFC lets a peer answer only the newest ping; "
                      "this suite asks for all of them.",
                      [frame(9, T(f"payload-{k}"), chop=chop) for k in range(10)] + [{"close_after": 3}],
                      {"OK": [pong(T(f"payload-{k}")) for k in range(10)]}, FC))
    return section("2", "Pings/Pongs", {}, c)


# ---------------------------------------------------------------------------------------- §3
def reserved_bits():
    c = []
    ref = f"{R6455} §5.2"
    must_fail = "No echo; the peer fails the connection because no extension gave the bit a meaning."
    c.append(case("3.1", ref, "MUST", "Short text frame with RSV3 set (rsv=1).", must_fail,
                  [frame(1, HW, rsv=1), {"kill_after": 1}], {"OK": []}, PF))
    for cid, rsv, mode in (("3.2", 2, None), ("3.3", 3, "sync"), ("3.4", 4, "chop")):
        how = {None: "", "sync": ", every frame in its own write",
               "chop": ", every frame written one byte at a time"}[mode]
        kw = {"sync": True} if mode == "sync" else ({"chop": 1} if mode == "chop" else {})
        c.append(case(cid, ref, "MUST",
                      f"A valid text frame, then the same frame with rsv={rsv}, then a ping{how}.",
                      "The first frame is echoed, then the peer fails the connection without answering "
                      "the ping; failing before the echo is non-strict.",
                      [frame(1, HW, **kw), frame(1, HW, rsv=rsv, **kw), frame(9, **kw), {"kill_after": 1}],
                      {"OK": [msg(HW)], "NON-STRICT": []}, PF))
    c.append(case("3.5", ref, "MUST", "Binary frame with an 8-byte body and rsv=5 (RSV1 and RSV3).",
                  must_fail, [frame(2, P8, rsv=5), {"kill_after": 1}], {"OK": []}, PF))
    c.append(case("3.6", ref, "MUST", "Binary frame with a short ASCII body and rsv=6 (RSV1 and RSV2).",
                  must_fail, [frame(2, HW, rsv=6), {"kill_after": 1}], {"OK": []}, PF))
    c.append(case("3.7", ref, "MUST",
                  "Empty close frame with all three reserved bits set, sent as a raw frame.",
                  "The peer fails the connection; answering it as an ordinary close gives a wrong code.",
                  [frame(8, rsv=7), {"kill_after": 1}], {"OK": []}, PF))
    return section("3", "Reserved Bits", {}, c)


# ---------------------------------------------------------------------------------------- §4
def opcodes():
    c = []
    ref = f"{R6455} §5.2"
    rop = T("reserved opcode payload")
    for sub, base, kind in ((1, 3, "data"), (2, 11, "control")):
        n = 1
        for op, payload in ((base, EMPTY), (base + 1, rop)):
            body = "no body" if payload is EMPTY else "a 23-byte ASCII body"
            c.append(case(f"4.{sub}.{n}", ref, "MUST",
                          f"Frame with the reserved {kind} opcode {op} and {body}.",
                          "The peer fails the connection on an opcode it does not know.",
                          [frame(op, payload), {"kill_after": 1}], {"OK": []}, PF))
            n += 1
        for op, payload, chop in ((base + 2, EMPTY, None), (base + 3, HW, None), (base + 4, HW, 1)):
            how = ", every frame written one byte at a time" if chop else ""
            c.append(case(f"4.{sub}.{n}", ref, "MUST",
                          f"Valid text frame, then a frame with reserved {kind} opcode {op}, then a ping{how}.",
                          "The text is echoed, then the peer fails the connection and never answers the "
                          "ping; failing before the echo is non-strict.",
                          [frame(1, HW, chop=chop), frame(op, payload, chop=chop), frame(9, chop=chop),
                           {"kill_after": 1}],
                          {"OK": [msg(HW)], "NON-STRICT": []}, PF))
            n += 1
    return section("4", "Opcodes", {"4.1": "Non-control Opcodes", "4.2": "Control Opcodes"}, c)


# ---------------------------------------------------------------------------------------- §5
def fragmentation():
    c = []
    ref = f"{R6455} §5.4"
    f = [None] + [T(f"fragment{k}") for k in range(1, 6)]
    nc = T("non-continuation payload")
    pp = T("ping payload")
    modes = ((None, ""), ("sync", ", each frame in its own write"), ("chop", ", each frame written one byte at a time"))

    def kw(mode):
        return {"sync": True} if mode == "sync" else ({"chop": 1} if mode == "chop" else {})

    for cid, op in (("5.1", 9), ("5.2", 10)):
        name = "ping" if op == 9 else "pong"
        c.append(case(cid, f"{R6455} §5.5", "MUST",
                      f"A {name} split into two fragments (FIN clear on the first).",
                      "Control frames cannot be fragmented, so the peer fails the connection.",
                      [frame(op, f[1], fin=False), frame(0, f[2]), {"kill_after": 1}], {"OK": []}, PF))
    whole = T("fragment1fragment2")
    for k, (mode, how) in enumerate(modes):
        c.append(case(f"5.{3 + k}", ref, "MUST",
                      f"Text message in two fragments{how}.",
                      "One echoed message that joins both fragments.",
                      [frame(1, f[1], fin=False, **kw(mode)), frame(0, f[2], **kw(mode)), {"close_after": 1}],
                      {"OK": [msg(whole)]}, FC))
    for k, (mode, how) in enumerate(modes):
        c.append(case(f"5.{6 + k}", ref, "MUST",
                      f"Text message in two fragments with a ping between them{how}.",
                      "The pong arrives before the joined echo, because control frames may be "
                      "interleaved and must be answered.",
                      [frame(1, f[1], fin=False, **kw(mode)), frame(9, pp, **kw(mode)),
                       frame(0, f[2], **kw(mode)), {"close_after": 1}],
                      {"OK": [pong(pp), msg(whole)]}, FC))
    for base, fin in ((9, True), (12, False)):
        for k, (mode, how) in enumerate(modes):
            state = "final" if fin else "non-final"
            c.append(case(f"5.{base + k}", ref, "MUST",
                          f"A {state} continuation frame with no message in progress, then a text frame{how}.",
                          "The orphan continuation makes the peer fail the connection; nothing is echoed.",
                          [frame(0, nc, fin=fin, **kw(mode)), frame(1, HW, **kw(mode)), {"kill_after": 1}],
                          {"OK": []}, PF))
    c.append(case("5.15", ref, "MUST",
                  "A complete two-fragment text message, then a non-final continuation with no message "
                  "open, then a final text frame.",
                  "The first message is echoed, then the peer fails the connection; failing before the "
                  "echo is non-strict.",
                  [frame(1, f[1], fin=False), frame(0, f[2]), frame(0, f[3], fin=False), frame(1, f[4]),
                   {"kill_after": 1}],
                  {"OK": [msg(whole)], "NON-STRICT": []}, PF))
    for cid, first_fin in (("5.16", False), ("5.17", True)):
        state = "final" if first_fin else "non-final"
        seq = [frame(0, f[1], fin=first_fin), frame(1, f[2], fin=False), frame(0, f[3])]
        c.append(case(cid, ref, "MUST",
                      f"Twice: a {state} continuation with nothing to continue, a non-final text frame, "
                      "a final continuation.",
                      "The very first frame is already illegal, so the peer fails without echoing.",
                      seq + seq + [{"kill_after": 1}], {"OK": []}, PF))
    c.append(case("5.18", ref, "MUST",
                  "A non-final text frame followed by a second text frame instead of a continuation.",
                  "A new data frame may not interrupt an open message, so the peer fails the connection.",
                  [frame(1, f[1], fin=False), frame(1, f[2]), {"kill_after": 1}], {"OK": []}, PF))
    for cid, mode in (("5.19", None), ("5.20", "sync")):
        how = "" if mode is None else " (each frame in its own write)"
        p1, p2 = T("pongme 1!"), T("pongme 2!")
        c.append(case(cid, ref, "MUST",
                      f"Five-fragment text message with a ping after the second and fourth fragments and a "
                      f"one-second pause in the middle{how}.",
                      "Each ping is answered while the message is still open (the first one during the "
                      "pause), then the whole message is echoed.",
                      [frame(1, f[1], fin=False, **kw(mode)), frame(0, f[2], fin=False, **kw(mode)),
                       frame(9, p1, **kw(mode)), {"wait": 1},
                       frame(0, f[3], fin=False, **kw(mode)), frame(0, f[4], fin=False, **kw(mode)),
                       frame(9, p2, **kw(mode)), frame(0, f[5], **kw(mode)), {"close_after": 1}],
                      {"OK": [pong(p1), pong(p2), msg(T("fragment1fragment2fragment3fragment4fragment5"))]}, FC))
    return section("5", "Fragmentation", {}, c)


# ---------------------------------------------------------------------------------------- §6
KUHN = [
    ("6.5", "Some valid UTF-8 sequences", "well-formed sample text", [
        (True, "68656c6c6f24776f726c64"), (True, "68656c6c6fc2a2776f726c64"),
        (True, "68656c6c6fe282ac776f726c64"), (True, "68656c6c6ff0a4ada2776f726c64"), (True, K_HEX)]),
    ("6.6", "All prefixes of a valid UTF-8 string that contains multi-byte code points",
     "a prefix of a Greek word, cut after byte {n}", [
        (n in (2, 5, 7, 9, 11), K_HEX[:2 * n]) for n in range(1, 12)]),
    ("6.7", "First possible sequence of a certain length", "the lowest code point of a given encoded length", [
        (True, "00"), (True, "c280"), (True, "e0a080"), (True, "f0908080")]),
    ("6.8", "First possible sequence length 5/6 (invalid codepoints)",
     "an obsolete 5- or 6-byte form that UTF-8 no longer permits", [
        (False, "f888808080"), (False, "fc8480808080")]),
    ("6.9", "Last possible sequence of a certain length", "the highest code point of a given encoded length", [
        (True, "7f"), (True, "dfbf"), (True, "efbfbf"), (True, "f48fbfbf")]),
    ("6.10", "Last possible sequence length 4/5/6 (invalid codepoints)",
     "a lead byte pattern that encodes beyond U+10FFFF", [
        (False, "f7bfbfbf"), (False, "fbbfbfbfbf"), (False, "fdbfbfbfbfbf")]),
    ("6.11", "Other boundary conditions", "a code point next to a range boundary", [
        (True, "ed9fbf"), (True, "ee8080"), (True, "efbfbd"), (True, "f48fbfbf"), (False, "f4908080")]),
    ("6.12", "Unexpected continuation bytes", "continuation bytes with no lead byte", [
        (False, "80"), (False, "bf"), (False, "80bf"), (False, "80bf80"), (False, "80bf80bf"),
        (False, "80bf80bf80"), (False, "80bf80bf80bf"),
        (False, "".join(f"{b:02x}" for b in range(0x80, 0xBF)))]),
    ("6.13", "Lonely start characters", "lead bytes each followed by a space instead of continuations", [
        (False, "".join(f"{b:02x}20" for b in range(lo, hi)))
        for lo, hi in ((0xC0, 0xDF), (0xE0, 0xEF), (0xF0, 0xF7), (0xF8, 0xFB), (0xFC, 0xFD))]),
    ("6.14", "Sequences with last continuation byte missing", "a multi-byte sequence missing its last byte", [
        (False, h) for h in ("c0", "e080", "f08080", "f8808080", "fc80808080",
                             "df", "efbf", "f7bfbf", "fbbfbfbf", "fdbfbfbfbf")]),
    ("6.15", "Concatenation of incomplete sequences", "ten truncated sequences back to back", [
        (False, "c0e080f08080f8808080fc80808080dfefbff7bfbffbbfbfbffdbfbfbfbf")]),
    ("6.16", "Impossible bytes", "the bytes 0xFE/0xFF, which never occur in UTF-8", [
        (False, "fe"), (False, "ff"), (False, "fefeffff")]),
    ("6.17", "Examples of an overlong ASCII character", "the slash character in an over-long encoding", [
        (False, h) for h in ("c0af", "e080af", "f08080af", "f8808080af", "fc80808080af")]),
    ("6.18", "Maximum overlong sequences", "the largest value that is still an over-long encoding", [
        (False, h) for h in ("c1bf", "e09fbf", "f08fbfbf", "f887bfbfbf", "fc83bfbfbfbf")]),
    ("6.19", "Overlong representation of the NUL character", "NUL in an over-long encoding", [
        (False, h) for h in ("c080", "e08080", "f0808080", "f880808080", "fc8080808080")]),
    ("6.20", "Single UTF-16 surrogates", "an encoded lone UTF-16 surrogate", [
        (False, h) for h in ("eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80", "edbfbf")]),
    ("6.21", "Paired UTF-16 surrogates", "an encoded UTF-16 surrogate pair (CESU-8 style)", [
        (False, a + b) for a in ("eda080", "edadbf", "edae80", "edafbf") for b in ("edb080", "edbfbf")]),
    ("6.22", "Non-character code points (valid UTF-8)", "a Unicode noncharacter, which is still valid UTF-8", [
        (True, "efbfbe"), (True, "efbfbf")] + [
        (True, f"{lead:02x}{second:02x}bf{last:02x}")
        for lead, seconds in ((0xF0, (0x9F, 0xAF, 0xBF)), (0xF1, (0x8F, 0x9F, 0xAF, 0xBF)),
                              (0xF2, (0x8F, 0x9F, 0xAF, 0xBF)), (0xF3, (0x8F, 0x9F, 0xAF, 0xBF)),
                              (0xF4, (0x8F,)))
        for second in seconds for last in (0xBE, 0xBF)]),
    ("6.23", "Unicode specials (i.e. replacement char)", "a code point from the Specials block", [
        (True, f"efbf{b:02x}") for b in range(0xB9, 0xC0)]),
]


def utf8():
    c = []
    subs = {"6.1": "Valid UTF-8 with zero payload fragments",
            "6.2": "Valid UTF-8 unfragmented, fragmented on code-points and within code-points",
            "6.3": "Invalid UTF-8 differently fragmented",
            "6.4": "Fail-fast on invalid UTF-8"}
    ref = f"{R6455} §8.1"
    c.append(case("6.1.1", ref, "MUST", "Text frame with zero bytes of payload.",
                  "An empty text message is echoed.", [frame(1), {"close_after": 1}], {"OK": [msg(EMPTY)]}, FC))
    c.append(case("6.1.2", ref, "MUST", "Text message made of three fragments that are all empty.",
                  "A single empty text message is echoed.",
                  [frame(1, fin=False), frame(0, fin=False), frame(0), {"close_after": 1}],
                  {"OK": [msg(EMPTY)]}, FC))
    mid = T("middle frame payload")
    c.append(case("6.1.3", ref, "MUST", "Three-fragment text message whose first and last fragments are empty.",
                  "The middle fragment comes back as the whole message.",
                  [frame(1, fin=False), frame(0, mid, fin=False), frame(0), {"close_after": 1}],
                  {"OK": [msg(mid)]}, FC))
    u = T(U_TEXT)
    c.append(case("6.2.1", ref, "MUST", "A 29-byte text mixing ASCII and Latin-1 letters, sent whole.",
                  "Echoed unchanged.", [msg_step(1, u), {"close_after": 1}], {"OK": [msg(u)]}, FC))
    u_bytes = U_TEXT.encode()
    c.append(case("6.2.2", ref, "MUST",
                  "The same 29-byte text in two fragments split between two code points (15 + 14 bytes).",
                  "Echoed as one message.",
                  [frame(1, T(u_bytes[:15].decode()), fin=False), frame(0, T(u_bytes[15:].decode())),
                   {"close_after": 1}], {"OK": [msg(u)]}, FC))
    c.append(case("6.2.3", ref, "MUST",
                  "The same 29-byte text through the message API with fragment size 1, so multi-byte "
                  "characters straddle frames; an empty final frame ends it.",
                  "A receiver must validate across frame boundaries and echo one whole message.",
                  [msg_step(1, u, fragment_size=1), {"close_after": 1}], {"OK": [msg(u)]}, FC))
    k = H(K_HEX)
    c.append(case("6.2.4", ref, "MUST",
                  "An 11-byte Greek word sent one byte per frame, plus an empty final frame.",
                  "Echoed as one message.", [msg_step(1, k, fragment_size=1), {"close_after": 1}],
                  {"OK": [msg(k)]}, FC))
    x = H(X20_HEX)
    c.append(case("6.3.1", ref, "MUST",
                  "A 20-byte text frame that contains an encoded UTF-16 surrogate (invalid UTF-8).",
                  "The peer fails the connection with 1007 (or drops it) and echoes nothing.",
                  [msg_step(1, x), {"kill_after": 1}], {"OK": []}, PF1007))
    c.append(case("6.3.2", ref, "MUST",
                  "The same invalid 20 bytes sent one byte per frame, plus an empty final frame.",
                  "The peer fails the connection with 1007 (or drops it) and echoes nothing.",
                  [msg_step(1, x, fragment_size=1), {"kill_after": 1}], {"OK": []}, PF1007))
    fail_fast = {"OK": [timeout("A")], "NON-STRICT": [timeout("A"), timeout("B")]}
    ff_expect = ("Part 1 is a valid prefix and must be kept; the peer should fail with 1007 as soon as "
                 "part 2 arrives. Failing only at the end of the message is non-strict.")
    ff = f"{R6455} §8.1"

    def parts(p1, p2, p3, streamed):
        if streamed:
            return [{"send_stream_header": {"opcode": 1, "fin": False, "length": 21}},
                    {"send_stream_piece": {"payload": p1}}, {"continue_later": {"delay": 1, "tag": "A"}},
                    {"send_stream_piece": {"payload": p2}}, {"continue_later": {"delay": 1, "tag": "B"}},
                    {"send_stream_piece": {"payload": p3}}, frame(0), {"kill_after": 1}]
        return [frame(1, p1, fin=False), {"continue_later": {"delay": 1, "tag": "A"}},
                frame(0, p2, fin=False), {"continue_later": {"delay": 1, "tag": "B"}},
                frame(0, p3), {"kill_after": 1}]

    c.append(case("6.4.1", ff, "SHOULD",
                  "Three text fragments a second apart; the second holds a 4-byte sequence above U+10FFFF.",
                  ff_expect, parts(k, H("f4908080"), T("edited"), False), fail_fast, PF1007))
    c.append(case("6.4.2", ff, "SHOULD",
                  "Three text fragments a second apart; the byte that makes the text invalid is alone "
                  "in the second fragment.",
                  ff_expect, parts(H(K_HEX + "f4"), H("90"), H("8080656469746564"), False), fail_fast, PF1007))
    c.append(case("6.4.3", ff, "SHOULD",
                  "One 21-byte text frame (FIN clear) whose payload is written in three pieces a second "
                  "apart; the second piece goes above U+10FFFF. An empty final continuation follows.",
                  ff_expect, parts(k, H("f4908080"), T("edited"), True), fail_fast, PF1007))
    c.append(case("6.4.4", ff, "SHOULD",
                  "One 21-byte text frame (FIN clear) written in three pieces a second apart; the lone "
                  "invalid byte is the second piece. An empty final continuation follows.",
                  ff_expect, parts(H(K_HEX + "f4"), H("90"), H("8080656469746564"), True), fail_fast, PF1007))
    for sub, label, what, rows in KUHN:
        subs[sub] = label
        for n, (valid, hexs) in enumerate(rows, start=1):
            p = H(hexs)
            desc = f"Single text frame holding {what.format(n=n)}: {hexs}."
            if valid:
                c.append(case(f"{sub}.{n}", ref, "MUST", desc, "The sequence is valid UTF-8 and is echoed.",
                              [frame(1, p), {"kill_after": 0.5}], {"OK": [msg(p)]}, FC))
            else:
                c.append(case(f"{sub}.{n}", ref, "MUST", desc,
                              "The sequence is not valid UTF-8: the peer fails with 1007 (or drops TCP).",
                              [frame(1, p), {"kill_after": 0.5}], {"OK": []}, PF1007))
    return section("6", "UTF-8 Handling", subs, c)


# ---------------------------------------------------------------------------------------- §7
def close():
    c = []
    hw2 = T("Hello World!")
    k1 = {"kill_after": 1}
    wrong = "close-wrong-code-fails"
    c.append(case("7.1.1", f"{R6455} §5.5.1", "MUST", "A text message; the fuzzer closes once it is echoed.",
                  "Echo, then a clean closing handshake with 1000.",
                  [frame(1, hw2), k1], {"OK": [msg(hw2)]}, FC, kind=wrong))
    c.append(case("7.1.2", f"{R6455} §5.5.1", "MUST", "A close with 1000, then a second empty close frame.",
                  "The peer answers the first close and ignores the second.",
                  [close_step(1000), frame(8), k1], {"OK": []}, FC, kind=wrong))
    c.append(case("7.1.3", f"{R6455} §5.5.1", "MUST", "A close with 1000, then an empty ping.",
                  "Nothing sent after a close is processed, so no pong may come back.",
                  [close_step(1000), frame(9), k1], {"OK": []}, FC, kind=wrong))
    c.append(case("7.1.4", f"{R6455} §5.5.1", "MUST", "A close with 1000, then a text frame.",
                  "The late text is discarded, not echoed; clean close with 1000.",
                  [close_step(1000), frame(1, hw2), k1], {"OK": []}, FC, kind=wrong))
    c.append(case("7.1.5", f"{R6455} §5.5.1", "MUST",
                  "First fragment of a text message, then a close with 1000, then the final fragment.",
                  "The unfinished message is dropped and the peer replies 1000; a 1002 reply fails.",
                  [frame(1, T("fragment1"), fin=False), close_step(1000), frame(0, T("fragment2")), k1],
                  {"OK": []}, FC, kind=wrong))
    c.append(case("7.1.6", f"{R6455} §5.5.1", "INFO",
                  "A 256 KiB text message, a short text message, a close with 1000 and a ping, back to back.",
                  "Informational only: shows whether the short message was echoed before the peer's close.",
                  [frame(1, REP(T(BIG_TEXT_PATTERN), 262144)), frame(1, hw2), close_step(1000), frame(9), k1],
                  {"OK": [msg(hw2)], "NON-STRICT": []}, FC, kind="informational"))
    structure = [
        ("7.3.1", "A close frame with no body.", None, None, None, [1000], True,
         "Clean close; the reply may also have no code."),
        ("7.3.2", "A close frame whose body is a single byte (too short for a code).", None, None, T("a"),
         [1002], False, "The peer fails with 1002 or drops TCP."),
        ("7.3.3", "A close frame carrying only code 1000.", 1000, None, None, [1000], True,
         "Clean close with 1000."),
        ("7.3.4", "A close with 1000 and a 12-byte reason.", 1000, hw2, None, [1000], True,
         "Clean close with 1000."),
        ("7.3.5", "A close with 1000 and a 123-byte reason, a 125-byte body in total (the maximum).", 1000,
         FILL(STAR, 123), None, [1000], True, "Clean close with 1000."),
        ("7.3.6", "A close with 1000 and a 124-byte reason, one byte over the control-frame limit.", 1000,
         FILL(STAR, 124), None, [1002], False, "The peer fails with 1002 or drops TCP."),
    ]
    for cid, desc, code, reason, raw, codes, clean, exp in structure:
        step = {"send_close_raw": {"payload": raw}} if raw is not None else close_step(code, reason)
        c.append(case(cid, f"{R6455} §5.5.1", "MUST", desc, exp, [step, k1], {"OK": []},
                      close_expect(True, codes, clean), kind=wrong))
    c.append(case("7.5.1", f"{R6455} §5.5.1", "MUST",
                  "A close with 1000 whose reason is not valid UTF-8 (contains an encoded surrogate).",
                  "The peer fails with 1002 or 1007, or drops TCP.",
                  [close_step(1000, H(X20_HEX)), k1], {"OK": []}, close_expect(True, [1002, 1007], False),
                  kind=wrong))
    for n, code in enumerate([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999], 1):
        c.append(case(f"7.7.{n}", f"{R6455} §7.4.1", "MUST",
                      f"A close frame carrying only the legal status code {code}.",
                      "A clean close; the reply code is 1000 or the code that was sent.",
                      [close_step(code), k1], {"OK": []},
                      close_expect(True, [1000] if code == 1000 else [1000, code], True), kind=wrong))
    for n, code in enumerate([0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999], 1):
        c.append(case(f"7.9.{n}", f"{R6455} §7.4.1", "MUST",
                      f"A close frame carrying only status code {code}, which may not appear on the wire.",
                      "The peer answers with 1002 or drops TCP.",
                      [close_step(code), k1], {"OK": []}, close_expect(True, [1002], False), kind=wrong))
    for n, code in enumerate([5000, 65535], 1):
        c.append(case(f"7.13.{n}", f"{R6455} §7.4.2", "INFO",
                      f"A close frame carrying status code {code}, outside every range the RFC defines.",
                      "Informational only: records how the peer reacts to an undefined code.",
                      [close_step(code), k1], {"OK": []}, close_expect(True, [1000, code, 1002], False),
                      kind="informational"))
    subs = {"7.1": "Basic close behavior (fuzzer initiated)",
            "7.3": "Close frame structure: payload length (fuzzer initiated)",
            "7.5": "Close frame structure: payload value (fuzzer initiated)",
            "7.7": "Close frame structure: valid close codes (fuzzer initiated)",
            "7.9": "Close frame structure: invalid close codes (fuzzer initiated)",
            "7.13": "Informational close information (fuzzer initiated)"}
    return section("7", "Close Handling", subs, c)


# ---------------------------------------------------------------------------------------- §9
KIB, MIB = 1024, 1024 * 1024


def size_name(n):
    return f"{n // MIB} MiB" if n >= MIB and n % MIB == 0 else f"{n // KIB} KiB"


def limits():
    c = []
    ref = f"{R6455} §10.4"
    bulk = "bulk-echo"
    level = "SHOULD"
    exp_bulk = "The first echo has the same type and length before the deadline (content is not compared)."

    def add_bulk(cid, desc, step, opcode, length, deadline):
        c.append(case(cid, ref, level, desc, exp_bulk + f" Deadline {deadline} s.", [step], {}, FC, kind=bulk,
                      deadline=deadline, echo_check={"opcode": opcode, "length": length}))

    sizes = [64 * KIB, 256 * KIB, MIB, 4 * MIB, 8 * MIB, 16 * MIB]
    for n, (size, dl) in enumerate(zip(sizes, [10, 10, 100, 100, 100, 100]), 1):
        add_bulk(f"9.1.{n}", f"One {size_name(size)} text frame filled with a repeated 10-character ASCII pattern.",
                 frame(1, REP(T(BIG_TEXT_PATTERN), size)), 1, size, dl)
    for n, (size, dl) in enumerate(zip(sizes, [10, 10, 10, 10, 100, 100]), 1):
        add_bulk(f"9.2.{n}", f"One {size_name(size)} binary frame filled with a repeated 5-byte pattern.",
                 frame(2, REP(H(BIG_BIN_PATTERN), size)), 2, size, dl)
    frags = [64, 256, KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB]
    for sub, opcode, word in ((3, 1, "text"), (4, 2, "binary")):
        for n, fs in enumerate(frags, 1):
            byte = FE if (opcode == 2 and n == 1) else STAR
            fsn = f"{fs} bytes" if fs < KIB else size_name(fs)
            add_bulk(f"9.{sub}.{n}",
                     f"A 4 MiB {word} message sent through the message API in fragments of {fsn}.",
                     msg_step(opcode, FILL(byte, 4 * MIB), fragment_size=fs), opcode, 4 * MIB, 100)
    chops = [64, 128, 256, 512, 1024, 2048]
    for sub, opcode, word, pat in ((5, 1, "text", T(BIG_TEXT_PATTERN)), (6, 2, "binary", H(BIG_BIN_PATTERN))):
        for n, ch in enumerate(chops, 1):
            add_bulk(f"9.{sub}.{n}", f"One 1 MiB {word} frame written to the socket in {ch}-byte slices.",
                     frame(opcode, REP(pat, MIB), chop=ch), opcode, MIB, 1000)
    lens = [0, 16, 64, 256, 1024, 4096]
    dls = [60, 60, 60, 120, 240, 480]
    for sub, opcode, word, byte in ((7, 1, "text", STAR), (8, 2, "binary", FE)):
        for n, (ln, dl) in enumerate(zip(lens, dls), 1):
            c.append(case(f"9.{sub}.{n}", ref, level,
                          f"1000 {word} messages of {ln} bytes, each sent only after the previous echo arrived.",
                          f"Every echo has the right type and length; all 1000 within {dl} s.",
                          [], {}, FC, kind="roundtrip", deadline=dl,
                          roundtrip={"count": 1000, "opcode": opcode, "payload": FILL(byte, ln) if ln else EMPTY}))
    subs = {"9.1": "Text Message (increasing size)",
            "9.2": "Binary Message (increasing size)",
            "9.3": "Fragmented Text Message (fixed size, increasing fragment size)",
            "9.4": "Fragmented Binary Message (fixed size, increasing fragment size)",
            "9.5": "Text Message (fixed size, increasing chop size)",
            "9.6": "Binary Text Message (fixed size, increasing chop size)",
            "9.7": "Text Message Roundtrip Time (fixed number, increasing size)",
            "9.8": "Binary Message Roundtrip Time (fixed number, increasing size)"}
    return section("9", "Limits/Performance", subs, c)


# --------------------------------------------------------------------------------------- §10
def misc():
    p = FILL(STAR, 65536)
    c = [case("10.1.1", f"{R6455} §5.4", "MUST",
              "A 64 KiB text message that the fuzzer itself splits into 1300-byte frames (51 frames).",
              "Echoed whole; the fuzzer must also have sent exactly 1 text frame and 50 continuations.",
              [msg_step(1, p), {"kill_after": 10}], {"OK": [msg(p)]}, FC, kind="frame-count",
              auto_fragment_size=1300, expect_tx_frames={"0": 50, "1": 1})]
    return section("10", "Misc", {"10.1": "Auto-Fragmentation"}, c)


# ---------------------------------------------------------------------------------- §12 / §13
SIZE_VARIANTS = [  # (LEN, deadline, AUTOFRAG)
    (16, 60, 0), (64, 60, 0), (256, 120, 0), (1024, 240, 0), (4096, 480, 0), (8192, 480, 0),
    (16384, 480, 0), (32768, 480, 0), (65536, 480, 0), (131072, 480, 0),
    (8192, 480, 256), (16384, 480, 256), (32768, 480, 256), (65536, 480, 256), (131072, 480, 256),
    (131072, 480, 1024), (131072, 480, 4096), (131072, 480, 32768)]

# (our data-set name, report label, sent as text?, size, what our generator makes)
DATA_SETS = [
    ("wsc-json", "Large JSON data file", True, 194056, "JSON-like ASCII records"),
    ("wsc-image", "Lena Picture, Bitmap 512x512 bw", False, 263222, "an 8-bit grey-scale 512x512 BMP-like image"),
    ("wsc-prose", "Human readable text, Goethe's Faust I (German)", False, 222218,
     "German-like prose with umlauts, sent as binary"),
    ("wsc-html", "Large HTML file", True, 263647, "HTML-like markup with 26 non-ASCII characters"),
    ("wsc-pdf", "A larger PDF", False, 1042328, "a PDF-like file mixing compressible and random streams"),
]

# (request_no_context_takeover, request_max_window_bits) tuples per 13.j
OFFER_SETS = [[(False, 0)], [(True, 0)], [(False, 9)], [(False, 15)], [(True, 9)], [(True, 15)],
              [(True, 9), (True, 0), (False, 0)]]


def tuples_label(ts):
    return "[" + ", ".join(f"({nc}, {bits})" for nc, bits in ts) + "]"


def pmd_params(ts):
    return [{"no_context_takeover": nc, "max_window_bits": bits} for nc, bits in ts]


def compression_case(cid, ds, variant, offers, section_no):
    name, _, text, size, what = ds
    ln, dl, frag = variant
    unit = "characters" if text else "bytes"
    kind_word = "text" if text else "binary"
    frag_note = "one frame each" if frag == 0 else f"compressed data split into {frag}-byte frames"
    offer_note = ("the default permessage-deflate offer and acceptance" if section_no == 12
                  else f"offer/accept tuples {tuples_label(offers)}")
    desc = (f"1000 compressed {kind_word} messages of {ln} {unit} each ({frag_note}), consecutive windows of "
            f"the generated data set {name} ({size} bytes of {what}; our stand-in for Autobahn's file), "
            f"using {offer_note}.")
    exp = (f"Each echo matches the message in type, length and SHA-1; all 1000 within {dl} s. "
           "If permessage-deflate is not negotiated the case is UNIMPLEMENTED.")
    ref = f"{R7692} §7.2" if section_no == 12 else f"{R7692} §7.1"
    return case(cid, ref, "SHOULD", desc, exp, [], {}, FC, kind="compression", deadline=dl,
                compression={"data_set": name, "opcode": 1 if text else 2, "len": ln, "count": 1000,
                             "auto_fragment_size": frag, "offers": pmd_params(offers),
                             "accepts": pmd_params(offers)})


def compression_payloads():
    c, subs = [], {}
    for j, ds in enumerate(DATA_SETS, 1):
        subs[f"12.{j}"] = f"{ds[1]} ({'utf8' if ds[2] else 'binary'}, {ds[3]} bytes)"
        for i, variant in enumerate(SIZE_VARIANTS, 1):
            c.append(compression_case(f"12.{j}.{i}", ds, variant, [(False, 0)], 12))
    return section("12", "WebSocket Compression (different payloads)", subs, c)


def compression_parameters():
    c, subs = [], {}
    ds = DATA_SETS[0]
    for j, offers in enumerate(OFFER_SETS, 1):
        subs[f"13.{j}"] = (f"{ds[1]} (utf8, {ds[3]} bytes) - client offers (requestNoContextTakeover, "
                           f"requestMaxWindowBits): {tuples_label(offers)} / server accept "
                           f"(requestNoContextTakeover, requestMaxWindowBits): {tuples_label(offers)}")
        for i, variant in enumerate(SIZE_VARIANTS, 1):
            c.append(compression_case(f"13.{j}.{i}", ds, variant, offers, 13))
    return section("13", "WebSocket Compression (different parameters)", subs, c)


FILES = {
    "1_framing.json": framing, "2_pings_pongs.json": pings, "3_reserved_bits.json": reserved_bits,
    "4_opcodes.json": opcodes, "5_fragmentation.json": fragmentation, "6_utf8.json": utf8,
    "7_close.json": close, "9_limits.json": limits, "10_misc.json": misc,
    "12_compression_payloads.json": compression_payloads,
    "13_compression_parameters.json": compression_parameters,
}

if __name__ == "__main__":
    out, check = parse_args(sys.argv[1:], "autobahn")
    sys.exit(write_or_check(out, {name: make() for name, make in FILES.items()}, check))

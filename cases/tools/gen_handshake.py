#!/usr/bin/env python3
"""Writes cases/handshake/handshake.json: opening-handshake cases that Autobahn does not have.

IDs are 0.<group>.<n>. Autobahn reserves category 0 for the handshake but defines no case in it,
so these IDs cannot collide with an Autobahn case and sort before 1.1.1 both as integer tuples and
as strings. The committed JSON is the source of truth; a ctest test runs this with --check.

Usage: gen_handshake.py [--out DIR] [--check]
"""

import sys

from catalogue_json import T, frame, close_step, msg, FC, write_or_check, parse_args

R = "RFC 6455"
BASE = [["Host", "{{host}}"], ["Upgrade", "websocket"], ["Connection", "Upgrade"],
        ["Sec-WebSocket-Key", "{{key}}"], ["Sec-WebSocket-Version", "13"]]
PROBE = T("handshake probe")
SWITCHED = [["Upgrade", "websocket"], ["Connection", "upgrade"], ["Sec-WebSocket-Accept", "{{accept}}"]]


def without(headers, name):
    return [h for h in headers if h[0].lower() != name.lower()]


def replace(headers, name, value):
    return [[h[0], value] if h[0].lower() == name.lower() else list(h) for h in headers]


def plus(headers, *extra):
    return [list(h) for h in headers] + [list(e) for e in extra]


def request(headers=BASE, method="GET", target="{{path}}", version="HTTP/1.1", trailing=None):
    r = {"method": method, "target": target, "version": version, "headers": headers}
    if trailing:
        r["trailing_frames"] = trailing
    return {"send_raw_request": r}


def response(headers, status=101, reason="Switching Protocols", version="HTTP/1.1", trailing=None):
    r = {"version": version, "status": status, "reason": reason, "headers": headers}
    if trailing:
        r["trailing_frames"] = trailing
    return {"send_raw_response": r}


def reject(status, any_4xx=True, drop_ok=True, **more):
    e = {"status": status, "any_4xx": any_4xx, "drop_ok": drop_ok}
    e.update(more)
    return e


def switched(**more):
    e = {"status": [101], "require_headers": SWITCHED}
    e.update(more)
    return e


cases = []


def server_case(cid, rfc, level, description, expectation, req, expect, after="probe", requires=None):
    """after: 'probe' echoes one text message, 'close' just closes, None = the handshake must fail."""
    c = {"id": cid, "rfc": rfc, "level": level, "kind": "handshake", "roles": ["server"]}
    if requires:
        c["requires"] = requires
    c.update({"description": description, "expectation": expectation})
    steps = [req]
    if after == "probe":
        steps += [frame(1, PROBE), {"kill_after": 1}]
    elif after == "close":
        steps += [close_step(1000), {"kill_after": 1}]
    c["steps"] = steps
    c["expect_response"] = expect
    if after is not None:
        c["expected"] = {"OK": [msg(PROBE)]} if after == "probe" else {"OK": []}
        c["expected_close"] = FC
    cases.append(c)


def client_case(cid, rfc, level, description, expectation, resp, must_fail):
    c = {"id": cid, "rfc": rfc, "level": level, "kind": "handshake", "roles": ["client"],
         "description": description, "expectation": expectation}
    c["steps"] = [resp] if must_fail else [resp, frame(1, PROBE), {"kill_after": 1}]
    c["expect_client"] = {"must_fail": must_fail, "timeout": 5}
    if not must_fail:
        c["expected"] = {"OK": [msg(PROBE)]}
        c["expected_close"] = FC
    cases.append(c)


BAD_REQ = "The server refuses the upgrade with a 4xx status (or closes the connection) and never sends 101."

# ------------------------------------------------------------------ 0.1 request line and method
server_case("0.1.1", f"{R} §4.2.2", "MUST",
            "A textbook upgrade request with every required header exactly once.",
            "101 with Upgrade, Connection and the correct Sec-WebSocket-Accept; a text message is then echoed.",
            request(), switched())
server_case("0.1.2", f"{R} §4.2.1", "MUST", "An otherwise valid upgrade request that uses POST instead of GET.",
            BAD_REQ, request(method="POST"), reject([400, 405]), after=None)
server_case("0.1.3", f"{R} §4.2.1", "MUST", "An otherwise valid upgrade request that claims HTTP/1.0.",
            BAD_REQ, request(version="HTTP/1.0"), reject([400, 426, 505]), after=None)
server_case("0.1.4", f"{R} §4.2.1", "SHOULD", "The method written in lower case ('get'); HTTP methods are case-sensitive.",
            BAD_REQ, request(method="get"), reject([400, 405, 501]), after=None)
server_case("0.1.5", f"{R} §4.2.1", "SHOULD",
            "A request whose first line is 16 KiB long because of a huge request target.",
            "The server answers 414, 431 or 400 (or closes) within the timeout instead of hanging.",
            request(target={"repeat": {"text": "/x", "length": 16384}}),
            reject([414, 431, 400], timeout=10), after=None)

# ------------------------------------------------------------------ 0.2 Host
server_case("0.2.1", f"{R} §4.2.1", "MUST", "An upgrade request with no Host header at all.",
            BAD_REQ, request(without(BASE, "Host")), reject([400]), after=None)
server_case("0.2.2", f"{R} §4.2.1", "MUST", "An upgrade request with two Host headers naming different hosts.",
            BAD_REQ, request(plus(BASE, ["Host", "other.invalid"])), reject([400]), after=None)

# ------------------------------------------------------------------ 0.3 Upgrade
server_case("0.3.1", f"{R} §4.2.1", "MUST", "An upgrade request without the Upgrade header.",
            BAD_REQ, request(without(BASE, "Upgrade")), reject([400, 426]), after=None)
server_case("0.3.2", f"{R} §4.2.1", "MUST", "An upgrade request asking for a different protocol (Upgrade: h2c).",
            BAD_REQ, request(replace(BASE, "Upgrade", "h2c")), reject([400, 426]), after=None)
server_case("0.3.3", f"{R} §4.2.1", "MUST",
            "Header name in lower case and value in upper case ('upgrade: WEBSOCKET').",
            "Both comparisons are case-insensitive, so the upgrade succeeds and a message is echoed.",
            request([["upgrade", "WEBSOCKET"] if h[0] == "Upgrade" else h for h in BASE]), switched())
server_case("0.3.4", f"{R} §4.2.1", "SHOULD",
            "The Upgrade header lists two protocols, 'foo/2, websocket'.",
            "The list contains websocket, so the upgrade succeeds.",
            request(replace(BASE, "Upgrade", "foo/2, websocket")), switched())
server_case("0.3.5", f"{R} §4.2.1", "INFO",
            "The Upgrade header appears twice, both times with the value websocket.",
            "Informational: a server may merge the lines into one list (101) or reject the request (400).",
            request(plus(BASE, ["Upgrade", "websocket"])), {"status": [101, 400], "drop_ok": True},
            after="close")

# ------------------------------------------------------------------ 0.4 Connection
server_case("0.4.1", f"{R} §4.2.1", "MUST", "An upgrade request without the Connection header.",
            BAD_REQ, request(without(BASE, "Connection")), reject([400, 426]), after=None)
server_case("0.4.2", f"{R} §4.2.1", "MUST", "The Connection header is a token list: 'keep-alive, Upgrade'.",
            "Only the presence of the Upgrade token matters, so the upgrade succeeds.",
            request(replace(BASE, "Connection", "keep-alive, Upgrade")), switched())
server_case("0.4.3", f"{R} §4.2.1", "MUST", "Header name and token both in lower case ('connection: upgrade').",
            "Case does not matter, so the upgrade succeeds.",
            request([["connection", "upgrade"] if h[0] == "Connection" else h for h in BASE]), switched())
server_case("0.4.4", f"{R} §4.2.1", "MUST", "The Connection header says only 'keep-alive'.",
            BAD_REQ, request(replace(BASE, "Connection", "keep-alive")), reject([400, 426]), after=None)
server_case("0.4.5", f"{R} §4.2.1", "SHOULD",
            "The Connection tokens are split over two header lines: 'keep-alive' and 'Upgrade'.",
            "HTTP joins repeated list headers, so the Upgrade token is present and the upgrade succeeds.",
            request(replace(BASE, "Connection", "keep-alive") + [["Connection", "Upgrade"]]), switched())
server_case("0.4.6", f"{R} §4.2.1", "SHOULD",
            "The Connection header holds 'Upgraded', a token that merely starts with Upgrade.",
            "Tokens are compared whole, not as substrings, so the upgrade is refused.",
            request(replace(BASE, "Connection", "Upgraded")), reject([400, 426]), after=None)

# ------------------------------------------------------------------ 0.5 Sec-WebSocket-Key
KEY_REF = f"{R} §4.2.1"
server_case("0.5.1", KEY_REF, "MUST", "An upgrade request with no Sec-WebSocket-Key.",
            BAD_REQ, request(without(BASE, "Sec-WebSocket-Key")), reject([400]), after=None)
server_case("0.5.2", KEY_REF, "MUST", "A 24-character Sec-WebSocket-Key that is not base64 at all.",
            BAD_REQ, request(replace(BASE, "Sec-WebSocket-Key", "not*base64*at*all*here!!")), reject([400]),
            after=None)
server_case("0.5.3", KEY_REF, "MUST", "A base64 Sec-WebSocket-Key that decodes to 15 bytes instead of 16.",
            BAD_REQ, request(replace(BASE, "Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAA")), reject([400]), after=None)
server_case("0.5.4", KEY_REF, "MUST", "A base64 Sec-WebSocket-Key that decodes to 17 bytes instead of 16.",
            BAD_REQ, request(replace(BASE, "Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAAA=")), reject([400]),
            after=None)
server_case("0.5.5", f"{R} §11.3.1", "MUST", "Two Sec-WebSocket-Key headers with different valid keys.",
            "The key may appear only once; with two there is no single key to answer, so the server refuses.",
            request(plus(BASE, ["Sec-WebSocket-Key", "d3Njb25mb3JtLWtleS0xNg=="])), reject([400]), after=None)
server_case("0.5.6", KEY_REF, "MUST", "A Sec-WebSocket-Key header with an empty value.",
            BAD_REQ, request(replace(BASE, "Sec-WebSocket-Key", "")), reject([400]), after=None)
server_case("0.5.7", KEY_REF, "INFO", "A 16-byte key written as base64 without its '==' padding.",
            "Informational: strict decoders refuse it (400), lenient ones accept it; 101 must then carry "
            "the accept value computed from the key text as sent.",
            request(replace(BASE, "Sec-WebSocket-Key", "d3Njb25mb3JtLWtleS0xNg")),
            {"status": [101, 400], "drop_ok": True}, after="close")

# ------------------------------------------------------------------ 0.6 Sec-WebSocket-Version
VER = [["Sec-WebSocket-Version", "13"]]
server_case("0.6.1", f"{R} §4.2.1", "MUST", "An upgrade request with no Sec-WebSocket-Version.",
            "The request lacks a header §4.2.1 requires, so the upgrade is refused with an HTTP error "
            "such as 400 (426 fits too).",
            request(without(BASE, "Sec-WebSocket-Version")), reject([400, 426]), after=None)
server_case("0.6.2", f"{R} §4.4", "INFO", "An upgrade request for protocol version 8 (a pre-RFC draft).",
            "Informational: a server that speaks only version 13 refuses (426 naming 13); one that also "
            "implements draft 8, whose framing is RFC 6455's, may accept (§4.4 allows several versions).",
            request(replace(BASE, "Sec-WebSocket-Version", "8")), {"status": [101, 426, 400], "any_4xx": True,
                                                                   "drop_ok": True}, after="close")
server_case("0.6.3", f"{R} §4.2.2", "MUST", "An upgrade request for a future protocol version 14.",
            "The upgrade is refused with an error such as 426 and Sec-WebSocket-Version: 13.",
            request(replace(BASE, "Sec-WebSocket-Version", "14")), reject([426, 400], require_headers=VER),
            after=None)
server_case("0.6.4", f"{R} §11.3.5", "MUST", "Two Sec-WebSocket-Version headers, 13 and 8.",
            "A conflicting version makes the request invalid, so the upgrade is refused.",
            request(plus(BASE, ["Sec-WebSocket-Version", "8"])), reject([400, 426]), after=None)
server_case("0.6.5", f"{R} §4.2.1", "MUST", "A Sec-WebSocket-Version that is not a number ('thirteen').",
            "The upgrade is refused.", request(replace(BASE, "Sec-WebSocket-Version", "thirteen")),
            reject([400, 426]), after=None)

# ------------------------------------------------------------------ 0.7 subprotocols
PROTO = "Sec-WebSocket-Protocol"
server_case("0.7.1", f"{R} §4.2.2", "MUST", "The client offers the subprotocols wsc.a and wsc.b.",
            "101; the server picks one of the two offered names or none, never anything else.",
            request(plus(BASE, [PROTO, "wsc.a, wsc.b"])), switched(allowed_values={PROTO: ["wsc.a", "wsc.b"]}))
server_case("0.7.2", f"{R} §4.2.2", "MUST", "The client offers no subprotocol.",
            "101 without any Sec-WebSocket-Protocol header.", request(), switched(forbid_headers=[PROTO]))
server_case("0.7.3", f"{R} §4.2.2", "SHOULD", "The offered subprotocols are split over two header lines.",
            "101; the selection, if any, is one of the names from either line.",
            request(plus(BASE, [PROTO, "wsc.a"], [PROTO, "wsc.b"])),
            switched(allowed_values={PROTO: ["wsc.a", "wsc.b"]}))
server_case("0.7.4", f"{R} §4.2.2", "MUST", "A server set up to speak wsc.echo is offered 'x-unknown, wsc.echo'.",
            "101 selecting wsc.echo, the only offered name it supports.",
            request(plus(BASE, [PROTO, "x-unknown, wsc.echo"])),
            switched(require_headers=SWITCHED + [[PROTO, "wsc.echo"]]), requires=["subprotocol:wsc.echo"])

# ------------------------------------------------------------------ 0.8 extensions
EXT = "Sec-WebSocket-Extensions"
R7692 = "RFC 7692"
server_case("0.8.1", f"{R} §9.1", "MUST", "The client offers only an extension nobody defines (x-foo).",
            "101 that does not accept x-foo.", request(plus(BASE, [EXT, "x-foo"])),
            switched(forbid_values={EXT: ["x-foo"]}), after="close")
server_case("0.8.2", f"{R7692} §5", "MUST", "A bare permessage-deflate offer.",
            "101 that either accepts permessage-deflate or declines it; nothing else is accepted.",
            request(plus(BASE, [EXT, "permessage-deflate"])),
            switched(allowed_values={EXT: ["permessage-deflate"]}), after="close")
server_case("0.8.3", f"{R7692} §7.1.2.2", "MUST",
            "A permessage-deflate offer with client_max_window_bits and client_no_context_takeover.",
            "101 that either accepts permessage-deflate or declines it.",
            request(plus(BASE, [EXT, "permessage-deflate; client_max_window_bits; client_no_context_takeover"])),
            switched(allowed_values={EXT: ["permessage-deflate"]}), after="close")
MALFORMED = [
    ("0.8.4", "server_max_window_bits=7, below the allowed range 8-15", "permessage-deflate; server_max_window_bits=7"),
    ("0.8.5", "client_max_window_bits=16, above the allowed range", "permessage-deflate; client_max_window_bits=16"),
    ("0.8.6", "a parameter the extension does not define", "permessage-deflate; x_wsc_unknown"),
    ("0.8.7", "a value on server_no_context_takeover, which takes none",
     "permessage-deflate; server_no_context_takeover=1"),
    ("0.8.8", "the same parameter twice", "permessage-deflate; server_no_context_takeover; server_no_context_takeover"),
    ("0.8.9", "a window size with a leading zero", "permessage-deflate; server_max_window_bits=09"),
]
for cid, what, offer in MALFORMED:
    server_case(cid, f"{R7692} §7", "MUST", f"A permessage-deflate offer with {what}.",
                "The server declines the offer (101 without permessage-deflate) or refuses the handshake.",
                request(plus(BASE, [EXT, offer])),
                {"status": [101, 400], "drop_ok": True, "forbid_values": {EXT: ["permessage-deflate"]}},
                after="close")
server_case("0.8.10", f"{R7692} §5", "SHOULD",
            "Two offers: a malformed permessage-deflate first, then a plain one.",
            "101 accepting at most the second, well-formed offer, or declining both.",
            request(plus(BASE, [EXT, "permessage-deflate; server_max_window_bits=7, permessage-deflate"])),
            switched(allowed_values={EXT: ["permessage-deflate"]}), after="close")
server_case("0.8.11", f"{R} §9.1", "MUST", "Two offers: x-foo, then permessage-deflate.",
            "101 that never accepts x-foo; permessage-deflate may be accepted or declined.",
            request(plus(BASE, [EXT, "x-foo, permessage-deflate"])),
            switched(allowed_values={EXT: ["permessage-deflate"]}), after="close")

# ------------------------------------------------------------------ 0.9 Origin
server_case("0.9.1", f"{R} §4.2.2", "MUST",
            "A server restricted to one origin receives a request from a different Origin.",
            "The server refuses with 403.", request(plus(BASE, ["Origin", "https://not-allowed.example"])),
            reject([403], any_4xx=False), after=None, requires=["origin-policy"])
server_case("0.9.2", f"{R} §4.2.2", "MUST",
            "A server restricted to one origin receives a request from exactly that Origin.",
            "The upgrade succeeds.", request(plus(BASE, ["Origin", "https://allowed.example"])), switched(),
            requires=["origin-policy"])
server_case("0.9.3", f"{R} §10.2", "INFO", "A request carrying an Origin header to a server with default settings.",
            "Informational: records whether the server accepts (101) or refuses (403) foreign origins by default.",
            request(plus(BASE, ["Origin", "https://example.com"])), {"status": [101, 403], "drop_ok": False},
            after="close")

# ------------------------------------------------------------------ 0.10 size limits
server_case("0.10.1", f"{R} §10.4", "SHOULD", "An upgrade request with one 64 KiB header value.",
            "The server answers 431 or 400 (or closes) within the timeout; it does not hang or crash.",
            request(plus(BASE, ["X-Wsc-Padding", {"fill": {"byte": 97, "length": 65536}}])),
            reject([431, 400, 413], timeout=10), after=None)
server_case("0.10.2", f"{R} §10.4", "SHOULD", "An upgrade request with one 1 MiB header value.",
            "The server answers 431 or 400 (or closes) within the timeout; it must bound what it buffers.",
            request(plus(BASE, ["X-Wsc-Padding", {"fill": {"byte": 97, "length": 1048576}}])),
            reject([431, 400, 413], timeout=10), after=None)

# ------------------------------------------------------------------ 0.11 data right after the request
PIPE = T("pipelined")
c_pipe = {"opcode": 1, "payload": PIPE}
server_case("0.11.1", f"{R} §4.2.2", "MUST",
            "A masked text frame written in the same packet as the upgrade request, right after it.",
            "The bytes after the request belong to the WebSocket connection: 101, then the frame is echoed.",
            request(trailing=[c_pipe]), switched(), after=None)
cases[-1]["steps"] += [{"kill_after": 1}]
cases[-1]["expected"] = {"OK": [msg(PIPE)]}
cases[-1]["expected_close"] = FC
server_case("0.11.2", f"{R} §5.5.1", "MUST",
            "A close frame with 1000 written in the same packet as the upgrade request.",
            "101, then the server answers the close and the closing handshake completes cleanly.",
            request(trailing=[{"opcode": 8, "payload": {"hex": "03e8"}}]), switched(), after=None)
cases[-1]["steps"] += [{"kill_after": 1}]
cases[-1]["expected"] = {"OK": []}
cases[-1]["expected_close"] = {"closed_by_me": True, "codes": [1000], "require_clean": True,
                               "wrong_endpoint_fatal": False}

# ------------------------------------------------------------------ 0.12 client under test
CL = f"{R} §4.1"
client_case("0.12.1", CL, "MUST", "The fuzzing server answers with a correct 101.",
            "The client opens the connection and echoes a text message.", response(SWITCHED), False)
client_case("0.12.2", CL, "MUST", "A 101 whose Sec-WebSocket-Accept does not match the client's key.",
            "The client fails the connection: it closes TCP without sending a single frame.",
            response(replace(SWITCHED, "Sec-WebSocket-Accept", "dGhlIHNhbXBsZSBub25jZQ==")), True)
client_case("0.12.3", CL, "MUST", "A 101 with no Sec-WebSocket-Accept header.",
            "The client closes TCP without sending any frame.", response(without(SWITCHED, "Sec-WebSocket-Accept")),
            True)
client_case("0.12.4", CL, "MUST", "A 101 with no Upgrade header.",
            "The client closes TCP without sending any frame.", response(without(SWITCHED, "Upgrade")), True)
client_case("0.12.5", CL, "MUST", "A 101 whose Upgrade header names h2c instead of websocket.",
            "The client closes TCP without sending any frame.", response(replace(SWITCHED, "Upgrade", "h2c")), True)
client_case("0.12.6", CL, "MUST", "A 101 with no Connection header.",
            "The client closes TCP without sending any frame.", response(without(SWITCHED, "Connection")), True)
client_case("0.12.7", CL, "MUST", "A 200 OK with otherwise correct upgrade headers.",
            "Anything other than 101 means no WebSocket; the client sends no frame and closes.",
            response(SWITCHED, status=200, reason="OK"), True)
client_case("0.12.8", CL, "MUST", "A 101 that selects a subprotocol the client never offered.",
            "The client closes TCP without sending any frame.",
            response(plus(SWITCHED, ["Sec-WebSocket-Protocol", "wsc.never-offered"])), True)
client_case("0.12.9", CL, "MUST", "A 101 that accepts an extension the client never offered.",
            "The client closes TCP without sending any frame.",
            response(plus(SWITCHED, ["Sec-WebSocket-Extensions", "x-wsc-never-offered"])), True)
client_case("0.12.10", CL, "MUST", "A correct 101 written with unusual letter case ('upgrade: WebSocket', "
            "'CONNECTION: UPGRADE').",
            "Names and tokens are case-insensitive, so the client opens the connection and echoes.",
            response([["upgrade", "WebSocket"], ["CONNECTION", "UPGRADE"], ["Sec-WebSocket-Accept", "{{accept}}"]]),
            False)
client_case("0.12.11", CL, "MUST", "A correct 101 whose Connection header is 'keep-alive, Upgrade'.",
            "The Upgrade token is present, so the client opens the connection and echoes.",
            response(replace(SWITCHED, "Connection", "keep-alive, Upgrade")), False)
client_case("0.12.12", CL, "MUST",
            "A correct 101 immediately followed, in the same packet, by an unmasked text frame.",
            "The client treats the trailing bytes as WebSocket data and echoes the message.",
            response(SWITCHED, trailing=[c_pipe]), False)
cases[-1]["steps"] = [cases[-1]["steps"][0], {"kill_after": 1}]
cases[-1]["expected"] = {"OK": [msg(PIPE)]}
client_case("0.12.13", CL, "MUST", "A 101 that claims HTTP/1.0 in its status line.",
            "The upgrade mechanism needs HTTP/1.1, so the client closes TCP without sending any frame.",
            response(SWITCHED, version="HTTP/1.0"), True)

# ------------------------------------------------------------------ 0.13 masking right after the upgrade
FAIL_1002 = {"closed_by_me": False, "codes": [1002], "require_clean": False, "wrong_endpoint_fatal": False}
server_case("0.13.1", f"{R} §5.1", "MUST",
            "Right after the upgrade request, in the same packet, a text frame the client did not mask.",
            "101, then the server fails the connection (1002 or a drop) instead of echoing: clients must mask "
            "every frame.",
            request(trailing=[dict(c_pipe, masked=False)]), switched(), after=None)
cases[-1]["steps"] += [{"kill_after": 1}]
cases[-1]["expected"] = {"OK": []}
cases[-1]["expected_close"] = FAIL_1002
client_case("0.13.2", f"{R} §5.1", "MUST",
            "A correct 101 followed, in the same packet, by a text frame the server masked.",
            "The client fails the connection (1002 or a drop) instead of echoing: servers must not mask.",
            response(SWITCHED, trailing=[dict(c_pipe, masked=True)]), False)
cases[-1]["steps"] = [cases[-1]["steps"][0], {"kill_after": 1}]
cases[-1]["expected"] = {"OK": []}
cases[-1]["expected_close"] = FAIL_1002

SUBS = {"0.1": "Request line", "0.2": "Host header", "0.3": "Upgrade header", "0.4": "Connection header",
        "0.5": "Sec-WebSocket-Key", "0.6": "Sec-WebSocket-Version", "0.7": "Subprotocol negotiation",
        "0.8": "Extension negotiation", "0.9": "Origin policy", "0.10": "Header size limits",
        "0.11": "Data pipelined after the request", "0.12": "Client: checking the server's response",
        "0.13": "Masking right after the upgrade"}

DOC = {"format": "wsconform-catalogue/1", "section": "0", "category": "Opening Handshake",
       "subsections": SUBS, "cases": cases}

if __name__ == "__main__":
    out, check = parse_args(sys.argv[1:], "handshake")
    sys.exit(write_or_check(out, {"handshake.json": DOC}, check))

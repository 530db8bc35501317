"""The least of RFC 6455 the misbehaving peers here need, with Python's standard
library only: the opening handshake both ways (section 4), frames (section 5.2) with
masking (5.3), and an echo loop. Correct where the peers mean to be correct; each
peer script adds its own misbehaviour around it."""
import base64
import hashlib
import os
import socket
import struct
import time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def accept_value(key: bytes) -> bytes:
    return base64.b64encode(hashlib.sha1(key.strip() + GUID).digest())


def read_head(sock: socket.socket) -> bytes:
    """Bytes up to and including the blank line ending an HTTP head; b'' at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return b""
        data += chunk
        if len(data) > 65536:
            return b""
    head, _, rest = data.partition(b"\r\n\r\n")
    if rest:
        sock_buffers[sock.fileno()] = rest
    return head + b"\r\n\r\n"


# Bytes read past a head, per socket (a pipelined first frame).
sock_buffers = {}


def header(head: bytes, name: bytes) -> bytes:
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == name.lower():
            return v.strip()
    return b""


def server_handshake(sock: socket.socket) -> bool:
    head = read_head(sock)
    key = header(head, b"Sec-WebSocket-Key")
    if not key:
        return False
    sock.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 b"Sec-WebSocket-Accept: " + accept_value(key) + b"\r\n\r\n")
    return True


def client_handshake(sock: socket.socket, host: str, target: str) -> bool:
    key = base64.b64encode(os.urandom(16))
    sock.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " % (target, host)).encode() + key + b"\r\n\r\n")
    head = read_head(sock)
    return head.startswith(b"HTTP/1.1 101") and header(head, b"Sec-WebSocket-Accept") == accept_value(key)


def recv_exact(sock: socket.socket, n: int) -> bytes:
    buffered = sock_buffers.pop(sock.fileno(), b"")
    data = buffered[:n]
    if len(buffered) > n:
        sock_buffers[sock.fileno()] = buffered[n:]
    while len(data) < n:
        chunk = sock.recv(min(1 << 20, n - len(data)))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def unmask(payload: bytes, mask: bytes) -> bytes:
    if not payload:
        return payload
    n = len(payload)
    key = (mask * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(key, "big")).to_bytes(n, "big")


def read_frame(sock: socket.socket):
    """(fin, opcode, payload) of the next frame; raises EOFError at EOF."""
    b0, b1 = recv_exact(sock, 2)
    length = b1 & 0x7F
    if length == 126:
        length = struct.unpack("!H", recv_exact(sock, 2))[0]
    elif length == 127:
        length = struct.unpack("!Q", recv_exact(sock, 8))[0]
    mask = recv_exact(sock, 4) if b1 & 0x80 else None
    payload = recv_exact(sock, length)
    return bool(b0 & 0x80), b0 & 0x0F, unmask(payload, mask) if mask else payload


def send_frame(sock: socket.socket, opcode: int, payload: bytes, masked: bool, fin: bool = True) -> None:
    head = bytes([(0x80 if fin else 0) | opcode])
    bit = 0x80 if masked else 0
    n = len(payload)
    if n < 126:
        head += bytes([bit | n])
    elif n < 65536:
        head += bytes([bit | 126]) + struct.pack("!H", n)
    else:
        head += bytes([bit | 127]) + struct.pack("!Q", n)
    if masked:
        mask = os.urandom(4)
        head += mask
        payload = unmask(payload, mask)
    sock.sendall(head + payload)


def echo(sock: socket.socket, masked: bool, close_delay: float = 0.0) -> None:
    """Echoes every message and answers pings until the peer's close, which it
    answers with the same code after `close_delay` seconds; then closes TCP."""
    message, kind = b"", 0
    try:
        while True:
            fin, opcode, payload = read_frame(sock)
            if opcode == 0x8:
                time.sleep(close_delay)
                send_frame(sock, 0x8, payload[:2], masked)
                return
            if opcode == 0x9:
                send_frame(sock, 0xA, payload, masked)
                continue
            if opcode == 0xA:
                continue
            if opcode in (0x1, 0x2):
                message, kind = payload, opcode
            else:
                message += payload
            if fin:
                send_frame(sock, kind, message, masked)
    except (EOFError, OSError):
        pass
    finally:
        sock_buffers.pop(sock.fileno(), None)
        sock.close()


def listen() -> socket.socket:
    """A listening socket on 127.0.0.1 with a port the kernel picked, announced on
    stdout the way wsconform's own servers do, so tests read it the same way."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    print("listening on ws://127.0.0.1:%d/" % s.getsockname()[1], flush=True)
    return s

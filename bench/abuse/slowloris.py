#!/usr/bin/env python3
"""A slow-header client for bench/abuse/run.sh: opens many connections to 127.0.0.1:<port> and on
each sends a request line, then one more header line every few seconds, never ending the headers.
Runs for <seconds>, keeping <connections> open (reopening those the server closed), and prints how
many it opened and how many the server closed: "SLOW opened=<n> closed_by_server=<n> open_at_end=<n>".
Usage: slowloris.py <port> <connections> <seconds> [<seconds between header lines>]"""
import socket
import sys
import time

port, wanted, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
every = float(sys.argv[4]) if len(sys.argv) > 4 else 5.0
opened = closed = 0
conns = []


def open_one():
    global opened
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.setblocking(False)
    s.send(b"GET /api/v1/releases HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    opened += 1
    return s


end = time.monotonic() + seconds
next_line = time.monotonic()
while time.monotonic() < end:
    while len(conns) < wanted:
        try:
            conns.append(open_one())
        except OSError:
            break
    if time.monotonic() >= next_line:
        alive = []
        for s in conns:
            try:
                s.send(b"X-Slow: %d\r\n" % opened)
                # A closed connection reads as end of stream (or an error) without blocking.
                try:
                    if s.recv(4096) == b"":
                        raise OSError("closed")
                except BlockingIOError:
                    pass
                alive.append(s)
            except OSError:
                closed += 1
                s.close()
        conns = alive
        next_line = time.monotonic() + every
    time.sleep(0.1)
print("SLOW opened=%d closed_by_server=%d open_at_end=%d" % (opened, closed, len(conns)))
for s in conns:
    s.close()

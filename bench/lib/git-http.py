#!/usr/bin/env python3
"""Serves the bare git repositories under a directory over git's smart HTTP protocol, as a git host
does: `git http-backend` behind a small CGI server on 127.0.0.1 (bench/README.md, "Import").

    git-http.py ROOT PORT [RATE]

ROOT holds the repositories (http://127.0.0.1:PORT/NAME serves ROOT/NAME). RATE, in bytes per
second, caps what each response sends, to be closer to a network than the loopback; 0 or absent:
no cap. The server's own git settings come from GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n /
GIT_CONFIG_VALUE_n in the environment (uploadpack.allowFilter, uploadpack.allowAnySHA1InWant), as
git itself reads them. Each request is logged on stderr with its size and time.
"""
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root, port = sys.argv[1], int(sys.argv[2])
rate = int(sys.argv[3]) if len(sys.argv) > 3 else 0


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.serve()

    def do_POST(self):
        self.serve()

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(data)
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def serve(self):
        started = time.monotonic()
        path, _, query = self.path.partition("?")
        data = self.body() if self.command == "POST" else b""
        env = dict(os.environ)
        env.update({
            "GIT_PROJECT_ROOT": root,
            "GIT_HTTP_EXPORT_ALL": "1",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "REQUEST_METHOD": self.command,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(data)),
            "REMOTE_ADDR": self.client_address[0],
        })
        for header in ("Git-Protocol", "Content-Encoding"):
            if self.headers.get(header):
                env["HTTP_" + header.upper().replace("-", "_")] = self.headers[header]
        backend = subprocess.Popen(["git", "http-backend"], env=env, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        errors = []
        threading.Thread(target=lambda: errors.append(backend.stderr.read()), daemon=True).start()
        writer = threading.Thread(target=self.feed, args=(backend.stdin, data), daemon=True)
        writer.start()
        status, headers = 200, []
        while True:
            line = backend.stdout.readline().rstrip(b"\r\n")
            if not line:
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "status":
                status = int(value.split()[0])
            else:
                headers.append((name, value.strip()))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        sent = 0
        while True:
            chunk = backend.stdout.read1(65536)
            if not chunk:
                break
            self.wfile.write(chunk)
            sent += len(chunk)
            if rate:
                # Sleeps until the bytes sent so far are due at the capped rate.
                ahead = sent / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
        backend.wait()
        writer.join()
        message = b"".join(errors).decode("utf-8", "replace").strip()
        sys.stderr.write("%s %s %s %d bytes in, %d bytes out, %.2f s%s\n" % (
            self.command, self.path, status, len(data), sent, time.monotonic() - started,
            (": " + message) if message else ""))

    @staticmethod
    def feed(pipe, data):
        try:
            pipe.write(data)
        finally:
            pipe.close()

    def log_message(self, format, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

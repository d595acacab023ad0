"""Shared by the Python benchmark clients: keep-alive HTTP from one client (each request timed from
send to the last byte), read-only SQL on the benchmark database, the server's RSS sampled every
200 ms, and the Markdown table of a run."""
import http.client
import json
import statistics
import subprocess
import threading
import time
import urllib.parse


class Bench:
    def __init__(self, base, db_url, server_pid):
        self.db_url = db_url
        self.server_pid = server_pid
        host = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(host.hostname, host.port)
        self.rss = []
        self.stopped = False
        threading.Thread(target=self._sample, daemon=True).start()

    def query(self, sql):
        if self.db_url.startswith("sqlite://"):
            import sqlite3
            conn = sqlite3.connect("file:%s?mode=ro" % self.db_url[len("sqlite://"):], uri=True)
            return conn.execute(sql).fetchall()
        out = subprocess.run(["psql", self.db_url, "-AtF", "\t", "-c", sql],
                             capture_output=True, text=True, check=True)
        return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]

    def call(self, method, path, token=None, body=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # The server closed an idle keep-alive connection (after a long wait): connect again.
            self.conn.close()
            started = time.perf_counter()
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
        payload = response.read()
        return response.status, (time.perf_counter() - started) * 1000, payload

    def login(self, email, password):
        status, _, payload = self.call("POST", "/api/v1/auth/login", body={"email": email, "password": password})
        assert status == 200, (email, status, payload[:200])
        return json.loads(payload)["access_token"]

    def _sample(self):
        while not self.stopped:
            try:
                with open("/proc/%d/status" % self.server_pid) as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            self.rss.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
            time.sleep(0.2)

    def table(self, runs, requests):
        """Runs each `make(i) -> (method, path, token, body)` `requests` times; prints the table."""
        print("| run | requests | statuses | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---|---|---|---|---|---|")
        for name, make in runs.items():
            times, statuses = [], {}
            for i in range(requests):
                method, path, token, body = make(i)
                status, ms, _ = self.call(method, path, token, body)
                statuses[status] = statuses.get(status, 0) + 1
                times.append(ms)
            times.sort()
            pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
            print("| %s | %d | %s | %.1f | %.1f | %.1f | %.1f |" % (
                name, len(times), ", ".join("%d: %d" % kv for kv in sorted(statuses.items())),
                statistics.median(times), pick(0.95), pick(0.99), times[-1]))

    def stop(self):
        self.stopped = True
        return (max(self.rss) if self.rss else 0), len(self.rss)

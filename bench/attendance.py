"""Times the attendance pages of a running server (see bench/attendance.sh): keep-alive HTTP from
one client, each request timed from send to the last byte, every status counted, the server's RSS
sampled every 200 ms. Prints a Markdown table."""
import datetime
import json
import random
import sys

from benchlib import Bench

base, db_url, server_pid, requests = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
PASSWORD = "synthetic-password-123"  # src/seed/synthetic.rs
WORKER = "worker@synthetic.meedoen.test"  # src/seed/synthetic_history.rs
random.seed(12)
bench = Bench(base, db_url, server_pid)
query, call = bench.query, bench.call


def login(email):
    return bench.login(email, PASSWORD)


residents = [row[0] for row in query(
    "SELECT u.email FROM users u JOIN signups s ON s.resident_id = u.id "
    "WHERE s.status = 'accepted' AND u.email LIKE 'resident-%' ORDER BY u.email LIMIT 2000")]
residents = random.sample(residents, min(200, len(residents)))
large = query(
    "SELECT o.id, u.email FROM offers o JOIN users u ON u.id = o.created_by "
    "WHERE o.capacity = 30 ORDER BY o.id LIMIT 50")
overview_offers = query(
    "SELECT o.id, u.email FROM offers o JOIN users u ON u.id = o.created_by "
    "WHERE o.accepted_places > 0 ORDER BY o.id LIMIT 200")
tokens = {}
for email in set(residents) | {e for _, e in large} | {e for _, e in overview_offers} | {WORKER}:
    tokens[email] = login(email)

today = datetime.date.today()
year = "from=%s&to=%s" % (today - datetime.timedelta(days=365), today)
quarter = "from=%s&to=%s" % (today - datetime.timedelta(days=91), today)


def last_occurrence(offer, token):
    status, _, payload = call("GET", "/api/v1/offers/%s/occurrences?from=%s&to=%s" % (
        offer, today - datetime.timedelta(days=8), today), token)
    items = [o for o in json.loads(payload)["items"]
             if o["ends_at"] < datetime.datetime.now(datetime.timezone.utc).isoformat()]
    return items[-1]["id"] if items else None


registers = []
for offer, email in large:
    occurrence = last_occurrence(offer, tokens[email])
    if occurrence is None:
        continue
    status, _, payload = call("GET", "/api/v1/occurrences/%s/attendance" % occurrence, tokens[email])
    signups = [item["signup_id"] for item in json.loads(payload)["items"]]
    if len(signups) >= 30:
        registers.append((occurrence, email, signups[:30]))

runs = {
    "participation (a year)": lambda i: ("GET", "/api/v1/me/participation?" + year, tokens[random.choice(residents)], None),
    "offer overview (a quarter)": lambda i: (lambda o: ("GET", "/api/v1/offers/%s/participation?%s" % (o[0], quarter), tokens[o[1]], None))(random.choice(overview_offers)),
    "follow-ups": lambda i: ("GET", "/api/v1/worker/follow-ups", tokens[WORKER], None),
    "register of 30 (save)": lambda i: (lambda r: ("PUT", "/api/v1/occurrences/%s/attendance" % r[0], tokens[r[1]],
        {"items": [{"signup_id": s, "status": "present" if (i // len(registers)) % 2 == 0 else "absent"} for s in r[2]]}))(registers[i % len(registers)]),
}
bench.table(runs, requests)
peak, samples = bench.stop()
rows = query("SELECT COUNT(*) FROM attendance")[0][0]
print()
print("Attendance rows: %s; %d registers of 30; server RSS peak %.0f MiB (sampled %d times)." % (
    rows, len(registers), peak, samples))

"""Times the monitor of a running server (see bench/attendance.sh) on the synthetic world, as an
administrator: each indicator in turn, for the municipality and for one district, for a month and
for a quarter, as JSON and as CSV. First it waits until the server's background passes have worked
out the kept figures (cold: the time that took is printed); then every fifth question a 30-person
register is saved, so the figures' upkeep runs beside the questions. Every status is counted.
Prints a Markdown table; the target is 200 ms at the median for each run."""
import datetime
import json
import random
import sys
import time

from benchlib import Bench

base, db_url, server_pid, requests = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ADMIN, ADMIN_PASSWORD = "bench-admin@synthetic.meedoen.test", "bench-admin-password-123"
random.seed(13)
bench = Bench(base, db_url, server_pid)
admin = bench.login(ADMIN, ADMIN_PASSWORD)

status, _, payload = bench.call("GET", "/api/v1/monitor/indicators")
indicators = [i["key"] for i in json.loads(payload)["items"]]
municipality = bench.query("SELECT id FROM districts WHERE kind = 'municipality' ORDER BY id LIMIT 1")[0][0]
districts = [row[0] for row in bench.query(
    "SELECT id FROM districts WHERE kind = 'district' ORDER BY id LIMIT 60")]

today = datetime.date.today()
last_month = (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
quarter = "%d-Q%d" % (today.year, (today.month - 1) // 3 + 1)


def ask(area, period, indicator=None, csv=False):
    def make(i):
        key = indicator or indicators[i % len(indicators)]
        path = "/api/v1/monitor?indicator=%s&area=%s&period=%s" % (key, area(), period)
        return ("GET", path + ("&format=csv" if csv else ""), admin, None)
    return make


# One run per indicator (the municipality, this quarter), then mixed: a district's month and CSV.
# Cold: wait for the passes to keep the 25 months and 9 quarters.
waited = time.perf_counter()
while int(bench.query("SELECT COUNT(*) FROM monitor_periods")[0][0]) < 34:
    if time.perf_counter() - waited > 1800:
        sys.exit("the kept figures were not worked out within 30 minutes")
    time.sleep(2)
print("The kept figures (34 periods) were worked out %.0f s after the server started to wait." % (
    time.perf_counter() - waited))
print()

# A register of 30 to save between questions: the figures' upkeep at work.
register = bench.query(
    "SELECT a.offer_id, a.starts_at, u.email FROM attendance a JOIN offers o ON o.id = a.offer_id "
    "JOIN users u ON u.id = o.created_by WHERE o.capacity = 30 ORDER BY a.starts_at DESC LIMIT 1")
owner_token = None
occurrence = None
signups = []
if register:
    offer, starts_at, owner = register[0]
    owner_token = bench.login(owner, "synthetic-password-123")
    stamp = str(starts_at).replace("-", "").replace(":", "").replace(" ", "T")[:15] + "Z"
    occurrence = "%s_%s" % (offer, stamp)
    status, _, payload = bench.call("GET", "/api/v1/occurrences/%s/attendance" % occurrence, owner_token)
    if status == 200:
        signups = [item["signup_id"] for item in json.loads(payload)["items"]][:30]
saves = {}


def with_writes(make):
    def made(i):
        if signups and i % 5 == 4:
            status, _, _ = bench.call("PUT", "/api/v1/occurrences/%s/attendance" % occurrence, owner_token, {
                "items": [{"signup_id": s, "status": "present" if i % 10 == 4 else "absent"} for s in signups]})
            saves[status] = saves.get(status, 0) + 1
        return make(i)
    return made


runs = {"%s: municipality, a quarter" % key: ask(lambda: municipality, quarter, key) for key in indicators}
runs["all in turn: a district, a month"] = ask(lambda: random.choice(districts), last_month)
runs["all in turn: municipality, a quarter, CSV"] = ask(lambda: municipality, quarter, csv=True)
runs = {name: with_writes(make) for name, make in runs.items()}
bench.table(runs, requests)
peak, samples = bench.stop()
print()
print("%d indicators, each asked in turn; 1 municipality, %d districts; register saves between questions: %s; "
      "server RSS peak %.0f MiB (sampled %d times)." % (
          len(indicators), len(districts), ", ".join("%d: %d" % kv for kv in sorted(saves.items())) or "none",
          peak, samples))

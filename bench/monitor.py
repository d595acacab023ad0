"""Times the monitor of a running server (see bench/attendance.sh) on the synthetic world, as an
administrator: each indicator in turn, for the municipality and for one district, for a month and
for a quarter, as JSON and as CSV. Every status is counted. Prints a Markdown table; the target is
200 ms at the median for each run. (Once the monitor keeps pre-aggregated figures, registers saved
between the questions will belong here, so the figures' upkeep is measured too.)"""
import datetime
import json
import random
import sys

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
runs = {"%s: municipality, a quarter" % key: ask(lambda: municipality, quarter, key) for key in indicators}
runs["all in turn: a district, a month"] = ask(lambda: random.choice(districts), last_month)
runs["all in turn: municipality, a quarter, CSV"] = ask(lambda: municipality, quarter, csv=True)
bench.table(runs, requests)
peak, samples = bench.stop()
print()
print("%d indicators, each asked in turn; 1 municipality, %d districts; server RSS peak %.0f MiB (sampled %d times)." % (
    len(indicators), len(districts), peak, samples))

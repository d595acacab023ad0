"""Checks the batch assignment's optimality with an independent exact solver: OR-Tools' min-cost flow.

Reads bench/results/assignment-instance.json (written by `cargo run --release --example bench_matching`),
solves the same instance — source → resident (capacity 1), resident → offer (capacity 1, cost −weight),
resident → "no proposal" (cost 0), offer → sink (capacity = free places) — and compares the best total
weight with the one Meedoen found. Exits 1 when they differ.

    pip install ortools && python3 bench/ortools_check.py
"""

import json
import sys
import time

from ortools.graph.python import min_cost_flow

with open("bench/results/assignment-instance.json") as f:
    instance = json.load(f)

capacities = instance["capacities"]
edges = instance["edges"]
residents, offers = len(edges), len(capacities)
source, none, sink = 0, 1, 2
resident_node = lambda r: 3 + r
offer_node = lambda o: 3 + residents + o

flow = min_cost_flow.SimpleMinCostFlow()
for r, arcs in enumerate(edges):
    flow.add_arc_with_capacity_and_unit_cost(source, resident_node(r), 1, 0)
    flow.add_arc_with_capacity_and_unit_cost(resident_node(r), none, 1, 0)
    for offer, weight in arcs:
        flow.add_arc_with_capacity_and_unit_cost(resident_node(r), offer_node(offer), 1, -weight)
for o, capacity in enumerate(capacities):
    flow.add_arc_with_capacity_and_unit_cost(offer_node(o), sink, capacity, 0)
flow.add_arc_with_capacity_and_unit_cost(none, sink, residents, 0)
flow.set_node_supply(source, residents)
flow.set_node_supply(sink, -residents)

started = time.perf_counter()
status = flow.solve()
elapsed = time.perf_counter() - started
if status != flow.OPTIMAL:
    print(f"OR-Tools did not find an optimum: status {status}")
    sys.exit(2)
reference = -flow.optimal_cost()
print(f"OR-Tools min-cost flow: total weight {reference} in {elapsed * 1000:.0f} ms")
print(f"Meedoen:                total weight {instance['total']}")
if reference != instance["total"]:
    print("DIFFERENT")
    sys.exit(1)
print("equal: Meedoen's assignment is optimal")

#!/usr/bin/env python3
"""Where the server's IT time went (ADR 0036): each failsafe JVM's classes in the order they ran, and what the forks'
phase would last with the classes handed out by name (runOrder=alphabetical) or longest first.

  .ci/it-times.py [server/target/failsafe-reports]

A class's start is its report's time of writing less its duration; the JVM is read from the report's java command."""
import glob
import heapq
import os
import re
import sys
import xml.etree.ElementTree as ET

FORKS = 3
PER_CLASS = 1.0  # seconds between two classes in one fork (reports, the next class's loading)


def read(folder):
    rows = []
    for path in glob.glob(os.path.join(folder, "TEST-*.xml")):
        suite = ET.parse(path).getroot()
        props = {p.get("name"): p.get("value") for p in suite.iter("property")}
        jvm = re.search(r"booter-\S+?_(\d+)\.jar.*(jvmRun\d+)", props.get("sun.java.command", ""))
        end = os.path.getmtime(path)
        took = float(suite.get("time"))
        rows.append((end - took, end, took, suite.get("name"), jvm.group(2) + "/" + jvm.group(1) if jvm else "?"))
    return sorted(rows)


def makespan(times, order):
    forks = [0.0] * FORKS
    for name in order:
        heapq.heappush(forks, heapq.heappop(forks) + times[name] + PER_CLASS)
    return max(forks)


def main():
    rows = read(sys.argv[1] if len(sys.argv) > 1 else "server/target/failsafe-reports")
    if not rows:
        sys.exit("no TEST-*.xml there")
    t0 = rows[0][0]
    jvms = {}
    for row in rows:
        jvms.setdefault(row[4], []).append(row)
    for jvm, ran in sorted(jvms.items(), key=lambda j: j[1][0][0]):
        print(f"{jvm}: {len(ran)} classes, {sum(r[2] for r in ran):.0f} s of tests, "
              f"from {ran[0][0] - t0:.0f} s to {max(r[1] for r in ran) - t0:.0f} s")
        for start, end, took, name, _ in ran:
            print(f"  {start - t0:6.0f} {took:6.1f}  {name.rsplit('.', 1)[1]}")
    # The forks' phase: the JVMs that began at the first class (the alone execution's JVM begins after them).
    first = [jvm for jvm, ran in jvms.items() if ran[0][0] - t0 < 30]
    times = {r[3]: r[2] for r in rows if r[4] in first}
    print(f"forks' phase, {len(times)} classes on {FORKS} forks: by name {makespan(times, sorted(times)):.0f} s, "
          f"longest first {makespan(times, sorted(times, key=times.get, reverse=True)):.0f} s, "
          f"even split {sum(times.values()) / FORKS:.0f} s")


if __name__ == "__main__":
    main()

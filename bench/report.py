#!/usr/bin/env python3
"""Prints the benchmark's ratios and correctness from bench/run.sh's results.

Each timed command ran one or more times under /usr/bin/time: the median
wall time and the largest peak RSS count. Correctness compares what each
tool reported with the findings the generator planted (expected.tsv, and the
small-files generator's counts). The small-files corpus's results are the
small-* files, when run.sh measured it."""
import argparse
import json
import os
import statistics


def timing(results, name):
    """Median wall seconds, largest peak RSS in MB, run count and median CPU seconds (user +
    system: what the command cost, whatever else ran on the machine)."""
    rows = [line.split() for line in open(os.path.join(results, name + ".times")) if line.strip()]
    walls = [float(r[0]) for r in rows]
    cpus = [float(r[2]) + float(r[3]) for r in rows if len(r) >= 4]
    return (statistics.median(walls), max(int(r[1]) for r in rows) / 1024.0, len(walls),
            statistics.median(cpus) if cpus else float("nan"))


def expected_findings(corpus):
    found = set()
    for line in open(os.path.join(corpus, "expected.tsv")):
        path, row, column, rule = line.rstrip("\n").split("\t")
        found.add((path, int(row), int(column), rule))
    return found


def relative(path, root):
    return os.path.relpath(path, root)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--small-corpus", help="the small-files corpus, when it was measured")
    args = parser.parse_args()
    corpus, results = args.corpus, args.results
    sample = corpus.replace("corpus-", "sample-")
    expected = expected_findings(corpus)

    # kestra-lint: exactly the planted findings.
    report = json.load(open(os.path.join(results, "kestra-lint.json")))
    reported = {(relative(f["path"], corpus), f["line"], f["column"], f["ruleId"])
                for f in report["findings"]}
    missing, extra = expected - reported, reported - expected
    # grep and Spectral report lines: compare (path, line).
    expected_lines = {(p, l) for p, l, _, _ in expected}
    grep_lines = set()
    for line in open(os.path.join(results, "grep.out"), errors="replace"):
        path, row = line.split(":", 2)[:2]
        grep_lines.add((relative(path, corpus), int(row)))
    sample_expected = {(p, l) for p, l in expected_lines
                       if os.path.exists(os.path.join(sample, p))}
    spectral_lines = set()
    try:
        for f in json.load(open(os.path.join(results, "spectral-sample.out"))):
            spectral_lines.add((relative(f["source"], sample), f["range"]["start"]["line"] + 1))
    except ValueError:
        pass

    t = {name: timing(results, name) for name in
         ["floor", "floor-j1", "floor-load", "floor-tree", "kestra-lint", "kestra-lint-j1",
          "kestra-lint-j2", "grep", "yamllint", "kestra-lint-sample", "floor-sample",
          "spectral-sample"]}
    cold = json.load(open(os.path.join(results, "cold-start.json")))["results"][0]
    cold_mean, cold_median, cold_min = (cold["mean"] * 1000, cold["median"] * 1000,
                                        cold["min"] * 1000)

    files = report["summary"]["filesScanned"]
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs
               if f != "expected.tsv")
    print("\ncorpus: %d files, %.1f MB (%s)" % (files, size / 1e6, corpus))
    print("%-34s %9s %9s %9s %s" % ("command", "wall s", "cpu s", "peak MB", "runs"))
    for name, (wall, rss, runs, cpu) in t.items():
        print("%-34s %9.2f %9.2f %9.1f %d" % (name, wall, cpu, rss, runs))

    def ratio(a, b, field=0):
        return t[a][field] / t[b][field] if t[b][field] > 0 else float("inf")

    lint_vs_floor = ratio("kestra-lint", "floor")
    lint_vs_floor_j1 = ratio("kestra-lint-j1", "floor-j1")
    yamllint_x = ratio("yamllint", "kestra-lint")
    spectral_x = ratio("spectral-sample", "kestra-lint-sample")
    grep_x = ratio("kestra-lint", "grep")
    peak = t["kestra-lint"][1]
    rows = [
        ("full check / parse-only floor (default jobs)", "%.2fx" % lint_vs_floor, "<= 1.5x",
         lint_vs_floor <= 1.5),
        ("full check / parse-only floor (-j1)", "%.2fx" % lint_vs_floor_j1, "<= 1.5x",
         lint_vs_floor_j1 <= 1.5),
        ("floor with yaml-cpp nodes / event floor", "%.2fx" % ratio("floor-load", "floor"), "", None),
        ("our loader (fast path + yaml-cpp) / event floor", "%.2fx" % ratio("floor-tree", "floor"),
         "", None),
        ("full check / our loader alone", "%.2fx" % ratio("kestra-lint", "floor-tree"), "", None),
        ("yamllint / kestra-lint", "%.1fx faster" % yamllint_x, ">= 5x", yamllint_x >= 5),
        ("Spectral / kestra-lint (10% sample)", "%.1fx faster (cpu %.1fx)" % (
            spectral_x, ratio("spectral-sample", "kestra-lint-sample", 3)), ">= 25x",
         spectral_x >= 25),
        ("-j1 / -j2", "%.2fx" % ratio("kestra-lint-j1", "kestra-lint-j2"), ">= 1.6x",
         ratio("kestra-lint-j1", "kestra-lint-j2") >= 1.6),
        ("Spectral / parse-only floor (10% sample)",
         "%.1fx" % ratio("spectral-sample", "floor-sample"), "", None),
        ("kestra-lint / grep -rE", "%.1fx slower" % grep_x, "", None),
        ("cold start, one small file", "%.1f ms mean, %.1f median, %.1f min"
         % (cold_mean, cold_median, cold_min), "< 5 ms", cold_median < 5),
        ("peak memory, whole corpus", "%.1f MB" % peak, "< 100 MB", peak < 100),
    ]
    print("\n%-46s %-34s %-9s %s" % ("ratio", "measured", "target", "met"))
    for name, value, target, met in rows:
        print("%-46s %-34s %-9s %s" % (name, value, target,
                                        "" if met is None else ("yes" if met else "NO")))

    print("\ncorrectness against %d planted findings:" % len(expected))
    print("  kestra-lint: %d reported, %d missing, %d unexpected%s" % (
        len(reported), len(missing), len(extra), " (exact)" if not missing and not extra else ""))
    for item in sorted(missing)[:5]:
        print("    missing:", *item)
    for item in sorted(extra)[:5]:
        print("    unexpected:", *item)
    print("  grep -rE: %d lines, %d of %d planted lines found, %d lines that are no finding" % (
        len(grep_lines), len(grep_lines & expected_lines), len(expected_lines),
        len(grep_lines - expected_lines)))
    print("  Spectral (sample): %d lines, %d of %d planted YAML lines found, %d lines that are no "
          "finding" % (len(spectral_lines), len(spectral_lines & sample_expected),
                       len(sample_expected), len(spectral_lines - sample_expected)))
    yamllint_lines = sum(1 for _ in open(os.path.join(results, "yamllint.out"), errors="replace"))
    print("  yamllint: %d style and syntax messages (it has no Kestra checks)" % yamllint_lines)
    targets = [row for row in rows if row[0] in ("Spectral / kestra-lint (10% sample)", "-j1 / -j2")]
    if args.small_corpus:
        targets += small_corpus_report(args.small_corpus, results)
    print("\nissue 11 targets, from this run:")
    for name, value, target, met in targets:
        print("  %-44s %-26s %-9s %s" % (name, value, target, "yes" if met else "NO"))


def small_corpus_report(corpus, results):
    """Prints the small-files corpus's table and correctness; returns its target rows."""
    t = {name: timing(results, "small-" + name) for name in
         ["kestra-lint-j1", "kestra-lint-j2", "grep", "spectral"]}
    planted = open(os.path.join(results, "small-planted.txt")).read().split()
    planted = dict(zip(planted[0::2], (int(n) for n in planted[1::2])))
    report = json.load(open(os.path.join(results, "small-kestra-lint-j2.out")))
    print("\nsmall-files corpus: %d files, %.1f MB (%s)" % (
        planted["files"], planted["bytes"] / 1e6, corpus))
    print("%-34s %9s %9s %9s %s" % ("command", "wall s", "cpu s", "peak MB", "runs"))
    for name, (wall, rss, runs, cpu) in t.items():
        print("%-34s %9.2f %9.2f %9.1f %d" % (name, wall, cpu, rss, runs))

    def ratio(a, b, field=0):
        return t[a][field] / t[b][field] if t[b][field] > 0 else float("inf")

    rules = {}
    for finding in report["findings"]:
        rules[finding["ruleId"]] = rules.get(finding["ruleId"], 0) + 1
    removed = rules.get("removed-tenants-enabled", 0) + rules.get("removed-default-tenant", 0)
    uris = rules.get("api-uri-missing-tenant", 0)
    print("correctness: removed tenant keys %d of %d planted, tenant-less URIs %d of %d planted" % (
        removed, planted["planted_removed"], uris, planted["planted_uri"]))
    spectral_x = ratio("spectral", "kestra-lint-j2")
    scaling = ratio("kestra-lint-j1", "kestra-lint-j2")
    return [("Spectral / kestra-lint -j2 (small files)", "%.1fx faster (cpu %.1fx)" % (
                spectral_x, ratio("spectral", "kestra-lint-j2", 3)), ">= 25x", spectral_x >= 25),
            ("-j1 / -j2 (small files)", "%.2fx" % scaling, ">= 1.6x", scaling >= 1.6)]


if __name__ == "__main__":
    main()

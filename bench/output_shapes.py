#!/usr/bin/env python3
"""Output shapes of issue 12, item 3, timed and measured (not part of CI).

1. Long lines: about 30,000 tenant-less URIs on one line of a megabyte, and
   the same URIs one per line. Placing a finding is linear in the line's
   length only if it counts from a column mark; the ratio of the two times
   stays near 1 when it does (it was about 200 when each finding counted
   from the line's start).
2. Many findings: a 41 MB tree of 900 files holding 1,000 tenant-less URIs
   each (900,000 findings). Peak resident memory of `check` in each format
   that streams, and of `fix --diff`.

    output_shapes.py KESTRA_LINT WORK_DIR [--runs N] [--skip-tree]
"""
import argparse
import os
import shutil
import subprocess
import time

URI = "http://k:8080/api/v1/flows/n/f{}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write(text)


def megabyte_of_uris():
    uris, size = [], 0
    while size < (1 << 20) - 64:
        uris.append(URI.format(len(uris)))
        size += len(uris[-1]) + 1
    return uris


def run(lint, args):
    """Wall seconds and peak resident MiB of one run, output discarded."""
    start = time.monotonic()
    child = subprocess.Popen([lint] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"bench: {lint} {' '.join(args)} exited {status}")
    return time.monotonic() - start, usage.ru_maxrss / 1024


def best(lint, args, runs):
    return min((run(lint, args) for _ in range(runs)), key=lambda measured: measured[0])


def long_lines(lint, work, runs):
    uris = megabyte_of_uris()
    one_line = os.path.join(work, "one-line")
    many_lines = os.path.join(work, "many-lines")
    write(os.path.join(one_line, ".kestra-lint.yaml"), "edition: ee\n")
    write(os.path.join(one_line, "application.yml"), 'kestra:\n  url: "' + " ".join(uris) + '"\n')
    write(os.path.join(many_lines, ".kestra-lint.yaml"), "edition: ee\n")
    write(os.path.join(many_lines, "application.yml"),
          "kestra:\n" + "".join(f"  k{i}: {uri}\n" for i, uri in enumerate(uris)))
    args = ["check", "--format", "json", "-j1"]
    one, _ = best(lint, args + [one_line], runs)
    many, _ = best(lint, args + [many_lines], runs)
    print(f"long line: {len(uris)} URIs, one line {one:.2f} s, one per line {many:.2f} s, "
          f"ratio {one / many:.2f}x (linear: near 1)")


def many_findings(lint, work):
    tree = os.path.join(work, "many-findings")
    if not os.path.isdir(tree):
        write(os.path.join(tree, ".kestra-lint.yaml"), "edition: ee\n")
        body = "kestra:\n" + "".join(f"  k{i}: http://kestra:8080/api/v1/flows/n/f\n"
                                      for i in range(1000))
        for f in range(900):
            write(os.path.join(tree, f"app{f:03}", "application.yml"), body)
    megabytes = sum(os.path.getsize(os.path.join(folder, name))
                    for folder, _, names in os.walk(tree) for name in names) / 1e6
    print(f"many findings: {megabytes:.0f} MB, 900 files, 900,000 findings")
    for format in ["json", "sarif", "gitlab", "junit", "checkstyle", "text"]:
        seconds, peak = run(lint, ["check", "--format", format, tree])
        print(f"  check --format {format:10} {seconds:6.2f} s  peak {peak:7.1f} MiB")
    seconds, peak = run(lint, ["fix", "--diff", tree])
    print(f"  fix --diff               {seconds:6.2f} s  peak {peak:7.1f} MiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lint")
    parser.add_argument("work")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-tree", action="store_true")
    options = parser.parse_args()
    os.makedirs(options.work, exist_ok=True)
    long_lines(options.lint, options.work, options.runs)
    if not options.skip_tree:
        many_findings(options.lint, options.work)
    shutil.rmtree(os.path.join(options.work, "one-line"))
    shutil.rmtree(os.path.join(options.work, "many-lines"))


if __name__ == "__main__":
    main()

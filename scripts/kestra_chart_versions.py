#!/usr/bin/env python3
"""Prints which Kestra version each release of Kestra's Helm chart ships.

Usage: kestra_chart_versions.py GIT_DIR > rules/charts/kestra.tsv
       kestra_chart_versions.py --check GIT_DIR   (rules/charts/kestra.tsv is the output)

GIT_DIR: a clone of github.com/kestra-io/helm-charts. Reads
charts/kestra/Chart.yaml (`version`, `appVersion`) straight from the git
objects: at each release tag (kestra-X.Y.Z, and the dated v20YY-MM-DD
tags), then, for chart versions no tag names (the repository tags releases
from chart 1.0.25 on), at the newest commit of the default branch's
first-parent history that carries that chart version. Output: a header,
then one tab-separated line per chart version (chart version, Kestra
version, the commit read), oldest chart first. Versions with a suffix
(-rc1, -SNAPSHOT) were never published and are left out.
"""
import os
import re
import subprocess
import sys

CHART = "charts/kestra/Chart.yaml"
EXACT = re.compile(r"^v?\d+\.\d+\.\d+$")
FIELD = re.compile(r'^(version|appVersion):\s*"?([^"\s#]+)"?', re.M)
TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "charts",
                     "kestra.tsv")


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True,
                          capture_output=True, text=True).stdout


def chart_at(git_dir, commit):
    """(chart version, appVersion) of Chart.yaml at `commit`, or None."""
    try:
        text = git(git_dir, "show", commit + ":" + CHART)
    except subprocess.CalledProcessError:
        return None
    fields = dict(FIELD.findall(text))
    chart, app = fields.get("version", ""), fields.get("appVersion", "")
    if not EXACT.match(chart) or not EXACT.match(app):
        return None
    return chart, app


def version_key(text):
    return tuple(int(part) for part in text.lstrip("v").split("."))


def table(git_dir):
    rows = {}
    tags = git(git_dir, "tag", "--list").split()
    for tag in tags:
        if not re.match(r"^(kestra-\d|v20\d\d-)", tag):
            continue
        commit = git(git_dir, "rev-list", "-n", "1", tag).strip()
        found = chart_at(git_dir, commit)
        if found and found[0] not in rows:
            rows[found[0]] = (found[1], commit)
    head = git(git_dir, "symbolic-ref", "--short", "HEAD").strip()
    # Newest first: the first commit seen with a chart version is its last state.
    for commit in git(git_dir, "log", "--first-parent", "--format=%H", head, "--",
                      CHART).split():
        found = chart_at(git_dir, commit)
        if found and found[0] not in rows:
            rows[found[0]] = (found[1], commit)
    lines = ["chart\tkestra\tcommit"]
    for chart in sorted(rows, key=version_key):
        app, commit = rows[chart]
        lines.append("\t".join((chart, app.lstrip("v"), commit)))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        with open(TABLE) as committed:
            if committed.read() != table(argv[2]):
                sys.exit("rules/charts/kestra.tsv differs from the chart history: regenerate it")
        return
    if len(argv) != 2:
        sys.exit(__doc__)
    sys.stdout.write(table(argv[1]))


if __name__ == "__main__":
    main(sys.argv)

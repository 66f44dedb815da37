#!/usr/bin/env python3
"""Prints the HTTP routes of Kestra's open-source webserver at one git ref.

Usage: kestra_routes.py GIT_DIR REF > table.tsv
       kestra_routes.py --check GIT_DIR   (each rules/routes table is the output)
       kestra_routes.py --write GIT_DIR   (rewrites them)

GIT_DIR: a clone of github.com/kestra-io/kestra (or a fork with its history,
such as Mattlk13/kestra). rules/routes/releases.tsv names the commit of each
release line's table.

Reads the Micronaut annotations of the controllers under
webserver/src/main/java (@Controller on the class, @Get, @Post, @Put,
@Delete, @Patch on the methods) straight from the git objects, so no checkout
or build is needed. Output: a header, then one tab-separated line per route
(controller, method, path template), controllers by name, routes in source
order. rules/routes/*.tsv are this script's output at each release.
"""
import os
import re
import subprocess
import sys

SOURCE_ROOT = "webserver/src/main/java/"
METHODS = ("Get", "Post", "Put", "Delete", "Patch")
ANNOTATION = re.compile(r"@(Controller|" + "|".join(METHODS) + r")\b(\s*\()?")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True,
                          capture_output=True, text=True).stdout


def annotation_path(text, at, has_arguments):
    """The annotation's path: its first argument (value or uri), or ""."""
    if not has_arguments:
        return ""
    depth, end = 1, at
    while end < len(text) and depth:
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
    arguments = text[at:end - 1]
    named = re.search(r'\b(?:value|uri)\s*=\s*"((?:[^"\\]|\\.)*)"', arguments)
    if named:
        return named.group(1)
    first = arguments.lstrip()
    if first.startswith('"'):
        return STRING.match(first).group(1)
    return ""


def join(base, path):
    """Micronaut joins the class and method paths with exactly one slash;
    an optional segment "{/tenant}" brings its own."""
    if path.startswith("{/"):
        return base.rstrip("/") + path
    if base and path:
        return base.rstrip("/") + "/" + path.lstrip("/")
    return base + path


def routes_of(text):
    # Comments could hold annotations; string literals cannot start one.
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    base, routes = None, []
    for match in ANNOTATION.finditer(text):
        kind = match.group(1)
        path = annotation_path(text, match.end(), match.group(2) is not None)
        if kind == "Controller":
            base = path
        elif base is not None:
            routes.append((kind.upper(), join(base, path)))
    return base, routes


def table_of(git_dir, ref):
    files = git(git_dir, "ls-tree", "-r", "--name-only", ref, "--", SOURCE_ROOT).split()
    table = []
    for path in sorted(files):
        if not path.endswith(".java"):
            continue
        base, routes = routes_of(git(git_dir, "show", f"{ref}:{path}"))
        if base is None:
            continue
        controller = path.rsplit("/", 1)[1][:-len(".java")]
        table.extend((controller, method, route) for method, route in routes)
    lines = ["controller\tmethod\tpath_template"]
    for controller, method, route in sorted(table, key=lambda row: row[0]):
        lines.append(f"{controller}\t{method}\t{route}")
    return "\n".join(lines) + "\n"


def releases():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "routes")
    with open(os.path.join(folder, "releases.tsv")) as manifest:
        rows = [line.rstrip("\n").split("\t") for line in manifest][1:]
    return [(version, commit, os.path.join(folder, f"kestra-oss-{version}.tsv"))
            for version, _, commit in rows]


def main():
    if len(sys.argv) == 3 and sys.argv[1] in ("--check", "--write"):
        stale = []
        for version, commit, path in releases():
            table = table_of(sys.argv[2], commit)
            if sys.argv[1] == "--write":
                with open(path, "w") as out:
                    out.write(table)
            else:
                with open(path) as committed:
                    if committed.read() != table:
                        stale.append(path)
        for path in stale:
            print(f"{path} differs from the routes at its commit", file=sys.stderr)
        sys.exit(1 if stale else 0)
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.stdout.write(table_of(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()

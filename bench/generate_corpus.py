#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of Kestra deployments and the
findings planted in it.

    bench/generate_corpus.py OUT_DIR [--files N] [--seed S]

The mix follows what Kestra users keep in their repositories: Micronaut
application configs, Docker Compose files with a KESTRA_CONFIGURATION block
string, Helm values, flows calling the API from HTTP tasks and shell scripts,
.properties and .env files, and a few files of megabytes. Known problems are
planted at known positions (removed tenant keys in every spelling, tenant-less
API URIs, syntax errors, duplicate keys); distractors that must NOT be
reported sit beside them (/api/v1 URIs of Prometheus, Loki, Kubernetes;
tenanted Kestra URIs; `enabled:` keys of other features).

OUT_DIR/expected.tsv lists each planted finding: path, line, column, rule id.
The same seed always gives the same bytes.
"""
import argparse
import os
import random

ROUTES = ["executions", "flows", "namespaces", "triggers", "logs", "templates", "metrics"]
NAMESPACES = ["company.team", "company.data", "acme.etl", "prod.billing", "dev.sandbox"]
WORDS = ("extract transform load ingest report notify sync backup clean "
         "aggregate export archive validate enrich publish").split()


class File:
    """A file built line by line, remembering where planted findings are."""

    def __init__(self, path):
        self.path = path
        self.lines = []
        self.findings = []

    def add(self, line):
        self.lines.append(line)

    def plant(self, line, needle, rule, occurrence_from=0):
        """Adds `line` and a finding at the first byte of `needle` in it."""
        column = line.index(needle, occurrence_from) + 1
        self.lines.append(line)
        self.findings.append((self.path, len(self.lines), column, rule))

    def text(self):
        return "\n".join(self.lines) + "\n"


def word(rng):
    return rng.choice(WORDS)


def ident(rng):
    return "%s-%s-%d" % (word(rng), word(rng), rng.randrange(1000))


def sentence(rng, n):
    return " ".join(word(rng) for _ in range(n))


def removed_key(f, rng):
    """Plants kestra.ee.tenants.enabled or defaultTenant, in one spelling,
    right after the line `kestra:`."""
    form = rng.randrange(4)
    if form == 0:
        f.add("  ee:")
        f.add("    tenants:")
        f.plant("      enabled: true", "enabled", "removed-tenants-enabled")
        f.plant("      defaultTenant: false", "defaultTenant", "removed-default-tenant")
    elif form == 1:
        f.plant("  ee.tenants.default-tenant: true", "ee.", "removed-default-tenant")
    elif form == 2:
        f.plant("  ee: {tenants: {enabled: true}}", "enabled", "removed-tenants-enabled")
    else:
        # The spelling two official docs pages used, without the ee level.
        f.add("  tenants:")
        f.plant("    default-tenant: true", "default-tenant", "removed-default-tenant")


def application_config(path, rng, plant):
    f = File(path)
    f.add("# Kestra configuration for %s" % ident(rng))
    f.add("datasources:")
    f.add("  postgres:")
    f.add("    url: jdbc:postgresql://postgres-%d:5432/kestra" % rng.randrange(9))
    f.add("    driverClassName: org.postgresql.Driver")
    f.add("    username: kestra")
    f.add("    password: ${POSTGRES_PASSWORD}")
    f.add("micronaut:")
    f.add("  server:")
    f.add("    port: %d" % rng.choice([8080, 8081, 9000]))
    f.add("    max-request-size: 10GB")
    f.add("    cors:")
    f.add("      enabled: true")
    f.add("  metrics:")
    f.add("    enabled: %s" % rng.choice(["true", "false"]))
    f.add("kestra:")
    if plant:
        removed_key(f, rng)
    f.add("  url: http://kestra-%d.internal:8080/" % rng.randrange(50))
    f.add("  repository:")
    f.add("    type: postgres")
    f.add("  queue:")
    f.add("    type: postgres")
    f.add("  storage:")
    f.add("    type: %s" % rng.choice(["local", "s3", "gcs", "minio"]))
    f.add("    local:")
    f.add("      base-path: /app/storage")
    f.add("  server:")
    f.add("    basic-auth:")
    f.add("      enabled: false")
    f.add("  tasks:")
    f.add("    tmp-dir:")
    f.add("      path: /tmp/kestra-wd/tmp")
    f.add("  plugins:")
    f.add("    configurations:")
    for i in range(rng.randrange(10, 60)):
        f.add("      - type: io.kestra.plugin.%s.%s%d" % (word(rng), word(rng).capitalize(), i))
        f.add("        values:")
        f.add("          timeout: PT%dM" % rng.randrange(1, 90))
        f.add("          description: \"%s\"" % sentence(rng, 8))
    f.add("endpoints:")
    f.add("  all:")
    f.add("    port: 8085")
    f.add("    sensitive: false")
    f.add("logger:")
    f.add("  levels:")
    for i in range(rng.randrange(5, 30)):
        f.add("    io.kestra.%s.%s%d: %s" % (word(rng), word(rng), i,
                                        rng.choice(["INFO", "DEBUG", "WARN"])))
    return f


def flow(path, rng, plant, size_hint=1):
    f = File(path)
    namespace = rng.choice(NAMESPACES)
    f.add("id: %s" % ident(rng))
    f.add("namespace: %s" % namespace)
    f.add("description: |")
    for _ in range(3):
        f.add("  %s" % sentence(rng, 12))
    f.add("labels:")
    f.add("  owner: %s" % word(rng))
    f.add("inputs:")
    f.add("  - id: day")
    f.add("    type: DATE")
    f.add("tasks:")
    tasks = rng.randrange(8, 30) * size_hint
    plant_at = rng.randrange(tasks) if plant else -1
    for t in range(tasks):
        kind = rng.randrange(5)
        f.add("  - id: %s_%d" % (word(rng), t))
        if t == plant_at:
            form = rng.randrange(3)
            if form == 0:
                f.add("    type: io.kestra.plugin.core.http.Request")
                f.plant("    uri: http://kestra:8080/api/v1/executions/%s/%s" % (namespace, word(rng)),
                        "http", "api-uri-missing-tenant")
                f.add("    method: POST")
            elif form == 1:
                f.add("    type: io.kestra.plugin.scripts.shell.Commands")
                f.add("    commands:")
                f.plant("      - curl -sf \"http://kestra-api:8080/api/v1/flows/%s\"" % namespace,
                        "http", "api-uri-missing-tenant")
            else:
                f.add("    type: io.kestra.plugin.scripts.shell.Script")
                f.add("    script: |")
                f.add("      set -euo pipefail")
                f.plant("      curl -X POST https://kestra.example.com/api/v1/executions/webhook/%s/f/key"
                        % namespace, "https", "api-uri-missing-tenant")
            continue
        if kind == 0:
            f.add("    type: io.kestra.plugin.core.http.Request")
            f.add("    uri: \"{{ kestra.url }}api/v1/{{ flow.tenantId }}/executions/%s/%s\""
                  % (namespace, word(rng)))
        elif kind == 1:
            f.add("    type: io.kestra.plugin.scripts.python.Script")
            f.add("    script: |")
            for _ in range(rng.randrange(5, 25)):
                f.add("      print(\"%s\")" % sentence(rng, 6))
        elif kind == 2:
            f.add("    type: io.kestra.plugin.core.http.Request")
            f.add("    uri: http://prometheus:9090/api/v1/query?query=up")
        elif kind == 3:
            f.add("    type: io.kestra.plugin.scripts.shell.Commands")
            f.add("    commands:")
            f.add("      - echo %s" % sentence(rng, 5))
            f.add("      - curl -s http://kestra:8080/api/v1/main/flows/%s" % namespace)
        else:
            f.add("    type: io.kestra.plugin.core.log.Log")
            f.add("    message: \"%s {{ inputs.day }}\"" % sentence(rng, 10))
    f.add("triggers:")
    f.add("  - id: daily")
    f.add("    type: io.kestra.plugin.core.trigger.Schedule")
    f.add("    cron: \"0 %d * * *\"" % rng.randrange(24))
    return f


def compose(path, rng, plant):
    f = File(path)
    f.add("services:")
    f.add("  postgres:")
    f.add("    image: postgres:16")
    f.add("    environment:")
    f.add("      POSTGRES_DB: kestra")
    f.add("      POSTGRES_USER: kestra")
    f.add("  kestra:")
    f.add("    image: kestra/kestra:latest")
    f.add("    command: server standalone")
    f.add("    environment:")
    f.add("      KESTRA_CONFIGURATION: |")
    f.add("        datasources:")
    f.add("          postgres:")
    f.add("            url: jdbc:postgresql://postgres:5432/kestra")
    f.add("        kestra:")
    f.add("          repository:")
    f.add("            type: postgres")
    f.add("          queue:")
    f.add("            type: postgres")
    f.add("          url: http://localhost:8080/")
    for i in range(rng.randrange(20, 120)):
        f.add("          variables%d:" % i)
        f.add("            env-vars-prefix: ENV_%d_" % i)
        f.add("            description: %s" % sentence(rng, 8))
    f.add("    ports:")
    f.add("      - \"8080:8080\"")
    f.add("    healthcheck:")
    if plant:
        f.plant("      test: [\"CMD\", \"curl\", \"-f\", \"http://kestra:8080/api/v1/flows/search\"]",
                "http", "api-uri-missing-tenant")
    else:
        f.add("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8081/health\"]")
    f.add("  loki:")
    f.add("    image: grafana/loki")
    f.add("    environment:")
    f.add("      - LOKI_PUSH=http://loki:3100/loki/api/v1/push")
    return f


def helm_values(path, rng, plant, size_hint=1):
    f = File(path)
    f.add("image:")
    f.add("  repository: kestra/kestra")
    f.add("  tag: v0.%d.%d" % (rng.randrange(18, 24), rng.randrange(10)))
    f.add("deployments:")
    f.add("  webserver:")
    f.add("    enabled: true")
    f.add("  executor:")
    f.add("    enabled: true")
    # Chart 0.x keys: Kestra chart 1.0 renamed them.
    f.plant("configuration:", "configuration", "helm-chart-1-renamed-key")
    f.add("  kestra:")
    f.add("    storage:")
    f.add("      type: gcs")
    if plant:
        f.plant("extraEnv:", "extraEnv", "helm-chart-1-renamed-key")
        f.add("  - name: KESTRA_URL")
        f.plant("    value: http://kestra.kestra.svc:8080/api/v1/triggers/search", "http",
                "api-uri-missing-tenant")
    f.add("kubernetes:")
    f.add("  apiServer: https://kubernetes.default.svc/api/v1/namespaces/kestra/pods")
    f.add("resources:")
    for i in range(rng.randrange(40, 200) * size_hint):
        f.add("  component%d:" % i)
        f.add("    requests: {cpu: %dm, memory: %dMi}" % (rng.randrange(100, 900), rng.randrange(64, 4096)))
        f.add("    annotations:")
        f.add("      team: %s" % word(rng))
        f.add("      note: \"%s\"" % sentence(rng, 9))
    return f


def properties(path, rng, plant):
    f = File(path)
    f.add("# %s" % sentence(rng, 6))
    f.add("kestra.url=http://kestra:8080/")
    for i in range(rng.randrange(20, 80)):
        f.add("kestra.plugins.%s.%s%d=%s" % (word(rng), word(rng), i, sentence(rng, 3)))
    if plant:
        f.plant("kestra.ee.tenants.enabled=true", "kestra", "removed-tenants-enabled")
    f.add("micronaut.server.port=8080")
    return f


def env_file(path, rng, plant):
    f = File(path)
    f.add("# environment for %s" % ident(rng))
    f.add("POSTGRES_PASSWORD=change-me")
    for i in range(rng.randrange(10, 40)):
        f.add("APP_%s_%d=%s" % (word(rng).upper(), i, word(rng)))
    if plant:
        f.plant("KESTRA_EE_TENANTS_DEFAULT_TENANT=true", "KESTRA", "removed-default-tenant")
    return f


def broken(path, rng):
    f = application_config(path, rng, False)
    f.add("broken: [1, 2")
    f.findings.append((path, len(f.lines) + 1, 1, "yaml-syntax"))
    return f


def duplicate(path, rng):
    f = File(path)
    f.add("kestra:")
    f.add("  url: http://kestra:8080/")
    f.plant("  url: http://kestra:8081/", "url", "duplicate-key")
    f.add("  storage:")
    f.add("    type: local")
    return f


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = []
    large = max(1, args.files // 500)  # 20 files of megabytes in 10,000
    for i in range(args.files):
        team = "team-%02d/service-%03d" % (i % 40, i % 400)
        roll = i % 100
        if i < large:
            if i % 2:
                files.append(flow("%s/flows/huge-%d.yml" % (team, i), rng, True, size_hint=120))
            else:
                files.append(helm_values("%s/chart/values-huge-%d.yaml" % (team, i), rng, True,
                                         size_hint=50))
        elif roll < 28:
            files.append(application_config("%s/config/application-%d.yml" % (team, i), rng,
                                            rng.random() < 0.1))
        elif roll < 43:
            files.append(compose("%s/docker-compose-%d.yml" % (team, i), rng, rng.random() < 0.07))
        elif roll < 58:
            files.append(helm_values("%s/chart/values-%d.yaml" % (team, i), rng,
                                     rng.random() < 0.05))
        elif roll < 93:
            files.append(flow("%s/flows/flow-%d.yml" % (team, i), rng, rng.random() < 0.05))
        elif roll < 96:
            files.append(properties("%s/config/application-%d.properties" % (team, i), rng,
                                    rng.random() < 0.2))
        elif roll < 99:
            files.append(env_file("%s/deploy/%d.env" % (team, i), rng, rng.random() < 0.2))
        elif i % 200 == 99:
            files.append(broken("%s/config/application-broken-%d.yml" % (team, i), rng))
        else:
            files.append(duplicate("%s/config/application-dup-%d.yml" % (team, i), rng))
    total = 0
    expected = []
    for f in files:
        full = os.path.join(args.out, f.path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = f.text().encode()
        total += len(data)
        with open(full, "wb") as out:
            out.write(data)
        expected.extend(f.findings)
    with open(os.path.join(args.out, "expected.tsv"), "w") as out:
        for path, line, column, rule in sorted(expected):
            out.write("%s\t%d\t%d\t%s\n" % (path, line, column, rule))
    print("corpus: %d files, %.1f MB, %d planted findings in %s"
          % (len(files), total / 1e6, len(expected), args.out))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A mixed application source tree for the speed bench (issue 13): mostly
code, docs and JSON without any Kestra call, ignored dependency folders
(node_modules, .venv, a .gitignore'd dist/), binaries, and a few Kestra
clients. Deterministic for a given size.

    generate_app_tree.py OUT --files 100000 --megabytes 1024
"""
import argparse
import os
import random

CODE_LINE = {
    ".ts": "export function f{n}(x: number): number {{ return x * {n} + helper(`item-${{x}}`); }}\n",
    ".py": "def f{n}(x):\n    return x * {n} + len(f\"item-{{x}}\")\n",
    ".go": "func F{n}(x int) int {{ return x*{n} + len(fmt.Sprintf(\"item-%d\", x)) }}\n",
    ".md": "Paragraph {n} of the guide: run the service, open http://localhost:3000/page/{n}.\n",
    ".json": "  \"key{n}\": \"value {n} with http://localhost:3000/api/items/{n}\",\n",
    ".sh": "echo \"step {n}\" && curl -fsS http://localhost:3000/health >/dev/null\n",
}
CLIENTS = {
    "kestra-client.ts": "const KESTRA_URL = process.env.KESTRA_URL;\n"
    "export const run = (ns: string, id: string) => fetch(`${KESTRA_URL}/api/v1/executions/${ns}/${id}`);\n",
    "kestra_agent.py": "client = httpx.Client(base_url=os.environ['KESTRA_URL'])\n"
    "flows = client.get('/api/v1/flows/search')\n",
    "deploy-kestra.sh": "curl -X POST http://localhost:8080/api/v1/flows/import -F fileUpload=@flow.yml\n",
}


def write_text(path, extension, size, rng):
    template = CODE_LINE[extension]
    parts, written, n = [], 0, rng.randrange(1000)
    if extension == ".json":
        parts.append("{\n")
    while written < size:
        line = template.format(n=n)
        parts.append(line)
        written += len(line)
        n += 1
    if extension == ".json":
        parts.append("  \"end\": true\n}\n")
    with open(path, "w") as out:
        out.write("".join(parts))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=100000)
    parser.add_argument("--megabytes", type=int, default=1024)
    args = parser.parse_args()
    rng = random.Random(13)
    average = args.megabytes * 1024 * 1024 // args.files
    extensions = list(CODE_LINE)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, ".gitignore"), "w") as out:
        out.write("dist/\n*.log\n")
    clients = 0
    for index in range(args.files):
        roll = index % 100
        if roll < 15:
            folder = os.path.join("node_modules", f"pkg{index % 500}", "lib")
        elif roll < 20:
            folder = os.path.join(".venv", "lib", f"mod{index % 200}")
        elif roll < 25:
            folder = os.path.join("dist", f"chunk{index % 100}")
        else:
            folder = os.path.join("src", f"area{index % 97}", f"part{index % 13}")
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
        if roll == 99:
            with open(os.path.join(args.out, folder, f"image{index}.png"), "wb") as out:
                out.write(b"\x89PNG\r\n\x1a\n\0" + rng.randbytes(average))
        elif roll == 98 and clients < 300:
            name = list(CLIENTS)[clients % len(CLIENTS)]
            with open(os.path.join(args.out, folder, f"{index}-{name}"), "w") as out:
                out.write(CLIENTS[name])
            clients += 1
        else:
            extension = extensions[index % len(extensions)]
            size = max(64, int(rng.expovariate(1 / average)))
            write_text(os.path.join(args.out, folder, f"file{index}{extension}"), extension, size, rng)


if __name__ == "__main__":
    main()

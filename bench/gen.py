#!/usr/bin/env python3
"""Generate a reproducible benchmark workload: a git repository whose `mr` branch adds
about LINES lines in about FILES new files across several languages, with a known
number of planted secrets and vulnerable lines (written to truth.json).

usage: gen.py OUT_DIR LINES FILES [SEED]
"""
import json
import os
import random
import subprocess
import sys
import zlib

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def b62(n, width=6):
    s = ""
    while n:
        s = B62[n % 62] + s
        n //= 62
    return s.rjust(width, "0")


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def secret_line(rng, ext):
    kind = rng.choice(["gitlab", "aws", "github", "password", "key"])
    if kind == "gitlab":
        value = "glpat-" + rand(rng, ALNUM, 20)
    elif kind == "aws":
        value = "AKIA" + rand(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    elif kind == "github":
        body = rand(rng, ALNUM, 30)
        value = "ghp_" + body + b62(zlib.crc32(body.encode()))
    elif kind == "password":
        value = rand(rng, ALNUM, 14) + "!9"
    else:
        return kind, "-----BEGIN RSA PRIVATE KEY-----"
    name = {"password": "db_password"}.get(kind, kind + "_token")
    if ext in ("py", "rb"):
        return kind, f'{name} = "{value}"'
    if ext in ("js", "ts"):
        return kind, f'const {name} = "{value}";'
    if ext == "go":
        return kind, f'var {name} = "{value}"'
    if ext == "java":
        return kind, f'private static final String {name} = "{value}";'
    if ext == "php":
        return kind, f'${name} = "{value}";'
    return kind, f'{name}: "{value}"'


VULNS = {
    "py": ['    cur.execute(f"SELECT * FROM t WHERE id = {{{v}}}")', '    subprocess.run("ls " + {v}, shell=True)'],
    "Dockerfile": ["RUN curl -fsSL https://get.example.com/{v}.sh | sh"],
}

BODY = {
    "py": ["def {f}({v}):", "    {v} = {v} + 1", "    return {v}", "    logger.info('processing %s', {v})", "    items = [x for x in {v} if x]", "", "class {F}:", "    def __init__(self, {v}):", "        self.{v} = {v}"],
    "js": ["function {f}({v}) {{", "  const {v}2 = {v} * 2;", "  return {v}2;", "}}", "export const {f}Name = '{v}';", "items.map(({v}) => {v}.id);", ""],
    "ts": ["export function {f}({v}: number): number {{", "  return {v} + 1;", "}}", "interface {F} {{ {v}: string }}", "const {v}: string[] = [];", ""],
    "go": ["func {F}({v} int) int {{", "\treturn {v} + 1", "}}", "var {v} = map[string]int{{}}", "if err != nil {{ return err }}", ""],
    "java": ["public int {f}(int {v}) {{", "    return {v} + 1;", "}}", "List<String> {v} = new ArrayList<>();", "log.debug(\"value {{}}\", {v});", ""],
    "rb": ["def {f}({v})", "  {v} + 1", "end", "@{v} = {v}.map(&:to_s)", ""],
    "php": ["function {f}(${v}) {{", "    return ${v} + 1;", "}}", "$items = array_map('trim', ${v});", ""],
    "Dockerfile": ["RUN apt-get update && apt-get install -y --no-install-recommends {v}", "COPY {v} /srv/{v}", "ENV {F}_HOME=/srv", "WORKDIR /srv/{v}"],
    "yaml": ["{v}:", "  image: registry.example.com/{v}:1.2.3", "  replicas: 2", "  labels: {{app: {v}}}", "  port: 8080"],
    "tf": ['resource "aws_s3_bucket" "{v}" {{', '  bucket = "{v}-data"', "  tags = {{ Name = \"{v}\" }}", "}}", ""],
}
EXT_PATH = {"Dockerfile": "Dockerfile", "yaml": "deploy.yaml", "tf": "main.tf"}


def main():
    out, lines, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    git = ["git", "-C", out, "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(git + ["init", "-q", "--initial-branch=main"], check=True)
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("benchmark workload\n")
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "base"], check=True)
    subprocess.run(git + ["checkout", "-qb", "mr"], check=True)
    per_file = max(1, lines // files)
    truth = {"lines": 0, "files": 0, "secrets": 0, "vulns": 0, "secret_kinds": {}}
    exts = list(BODY)
    for i in range(files):
        ext = exts[i % len(exts)]
        name = EXT_PATH.get(ext, f"m{i}.{ext}")
        if ext == "Dockerfile":
            # Docker finds a build file by name: one service directory per Dockerfile.
            path = os.path.join(out, "src", ext, f"pkg{i // 50}", f"svc{i}", name)
        else:
            path = os.path.join(out, "src", ext, f"pkg{i // 50}", f"{i}_{name}" if ext in EXT_PATH else name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        body = []
        for _ in range(per_file):
            r = rng.random()
            v = rand(rng, "abcdefghijklmnopqrstuvwxyz", 6)
            if r < 0.002:
                kind, line = secret_line(rng, ext)
                truth["secrets"] += 1
                truth["secret_kinds"][kind] = truth["secret_kinds"].get(kind, 0) + 1
                body.append(line)
            elif r < 0.004 and ext in VULNS:
                body.append(rng.choice(VULNS[ext]).format(v=v))
                truth["vulns"] += 1
            else:
                body.append(rng.choice(BODY[ext]).format(v=v, f=v, F=v.capitalize()))
        with open(path, "w") as f:
            f.write("\n".join(body) + "\n")
        truth["lines"] += len(body)
        truth["files"] += 1
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "mr"], check=True)
    with open(os.path.join(out, "..", os.path.basename(out) + ".truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
    print(json.dumps(truth))


if __name__ == "__main__":
    main()

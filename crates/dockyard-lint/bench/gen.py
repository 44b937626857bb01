#!/usr/bin/env python3
"""Writes the pathological Dockerfiles the linter benchmark uses.

    bench/gen.py N OUT      # a Dockerfile with N instructions

The shape follows the case that makes hadolint super-linear: stages that
declare many ENV and ARG variables and then run many RUN instructions
(hadolint prepends one `export` line per declared variable to every RUN it
hands to ShellCheck). Deterministic: the same N always gives the same file.
"""

import random
import sys

PACKAGES = ["curl", "git", "make", "gcc", "python3", "jq", "unzip", "ca-certificates"]


def instruction(rng, i, stage_vars):
    kind = rng.choices(
        ["ENV", "ARG", "RUN", "COPY", "LABEL", "WORKDIR", "EXPOSE", "USER"],
        weights=[8, 8, 40, 12, 10, 4, 3, 2],
    )[0]
    if kind == "ENV":
        name = f"VAR_{i}"
        stage_vars.append(name)
        return f"ENV {name}=value{i} PATH=/opt/{i}/bin:$PATH"
    if kind == "ARG":
        name = f"ARG_{i}"
        stage_vars.append(name)
        return f"ARG {name}={i}"
    if kind == "RUN":
        var = rng.choice(stage_vars) if stage_vars else "HOME"
        pkgs = " ".join(rng.sample(PACKAGES, 3))
        return rng.choice([
            f"RUN apt-get update && apt-get install -y {pkgs} && rm -rf /var/lib/apt/lists/*",
            f"RUN echo ${var} > /tmp/out{i} && cd /tmp && ls -la | grep out",
            f"RUN set -eux; for f in a b c; do echo \"$f-${var}\"; done",
            f"RUN pip install --no-cache-dir flask=={i % 3}.0.{i % 7} requests",
            f"RUN if [ -f /etc/os-release ]; then . /etc/os-release; fi; echo $ID",
        ])
    if kind == "COPY":
        return f"COPY src/{i}.txt /app/{i}.txt"
    if kind == "LABEL":
        return f'LABEL com.example.item{i}="value {i}"'
    if kind == "WORKDIR":
        return f"WORKDIR /app/{i}"
    if kind == "EXPOSE":
        return f"EXPOSE {8000 + i % 1000}"
    return "USER app"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(n)
    lines = []
    stage_vars = []
    stages = max(1, n // 500)
    per_stage = max(1, n // stages)
    for i in range(n):
        if i % per_stage == 0:
            stage_vars = []
            lines.append(f"FROM debian:12.{i % 10} AS stage{i // per_stage}")
            continue
        lines.append(instruction(rng, i, stage_vars))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

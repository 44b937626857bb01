#!/usr/bin/env python3
"""Writes a Makefile with N targets, pattern rules and variables, and the
source files it builds from, into OUT_DIR, for the make benchmark:

    bench/gen.py N OUT_DIR

Every target is out of date, so `make -n` prints every recipe.
"""

import os
import sys


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    lines = [
        "CC := cc",
        "CFLAGS = -O2 -Wall $(EXTRA)",
        "EXTRA ?= -g",
        "SRCS := $(wildcard src/*.c)",
        "OBJS := $(patsubst src/%.c,build/%.o,$(SRCS))",
        "",
        ".PHONY: all clean",
        "all: app",
        "",
        "app: $(OBJS)",
        "\t$(CC) -o $@ $^",
        "",
        "build/%.o: src/%.c | build",
        "\t$(CC) $(CFLAGS) -c -o $@ $<",
        "",
        "build:",
        "\tmkdir -p $@",
        "",
        "clean:",
        "\trm -rf build app",
    ]
    for i in range(n):
        with open(os.path.join(out, "src", f"m{i}.c"), "w") as f:
            f.write(f"int m{i}(void) {{ return {i}; }}\n")
        if i % 10 == 0:
            lines.append(f"build/m{i}.o: EXTRA = -DMODULE={i}")
    with open(os.path.join(out, "Makefile"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

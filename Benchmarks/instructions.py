#!/usr/bin/env python3
"""Summarises callgrind profiles of `briefing build`: instructions per stage, and per function.

Usage: Benchmarks/instructions.py INCLUSIVE SELF [INCLUSIVE SELF] [--top K]

Each INCLUSIVE / SELF pair is `callgrind_annotate --inclusive=yes` / `--inclusive=no` output,
demangled (`swift demangle --simplified`); Benchmarks/instructions.sh makes them. With one pair
it prints the build's instructions, each stage's (inclusive, at its entry point) and the
functions with the most instructions of their own. With two (a base binary first, then the one
under test) it prints both side by side with the change, so two builds of the code can be
compared by a count that does not move with the machine's load.
"""
import argparse
import re

# Stage entry points, as `SiteBuilder.make` calls them (as Benchmarks/profile.py's anchors).
STAGES = [
    ("scan", "ContentFinder.find"),
    ("ingest", "IncrementalIngest.load"),
    ("templates", "TemplateSet.init"),
    ("cluster", "SiteBuilder.cluster"),
    ("compare", "SiteBuilder.compare"),
    ("assemble", "BriefingAssembler.briefings"),
    ("render", "SitePlanner.plan"),
    ("publish", "SitePublisher.finish"),
]

LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(?:\S*?:)?(.*?)(?: \[[^\]]*\])?$")


def clean(name):
    """`specialized static Foo.bar(x:) [binary]` -> `Foo.bar`."""
    name = re.sub(r"\(.*", "", name).strip()
    name = re.sub(r"^(specialized |static |generic specialization <.*?> of )+", "", name)
    return re.sub(r"'\d+$", "", name)


def read(path):
    """(total instructions, {function: instructions}), a function's variants (specialized,
    recursive) taking the largest count, as the outermost holds the others."""
    total, counts = 0, {}
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = LINE.match(line)
            if not match:
                continue
            count, name = int(match.group(1).replace(",", "")), match.group(2)
            if name == "PROGRAM TOTALS":
                total = count
                continue
            name = clean(name)
            counts[name] = max(counts.get(name, 0), count)
    return total, counts


def stage_counts(inclusive):
    return [(stage, inclusive.get(anchor, 0)) for stage, anchor in STAGES]


def millions(n):
    return f"{n / 1e6:,.1f}M"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--top", type=int, default=25, help="functions listed by their own instructions (default 25)")
    args = parser.parse_args()
    if len(args.files) not in (2, 4):
        parser.error("give INCLUSIVE SELF, or a base's INCLUSIVE SELF then the tested binary's")
    runs = [(read(args.files[k]), read(args.files[k + 1])) for k in range(0, len(args.files), 2)]

    if len(runs) == 1:
        (total, inclusive), (_, own) = runs[0]
        print(f"{'instructions':<12} {millions(total):>12}")
        for stage, count in stage_counts(inclusive):
            print(f"{stage:<12} {millions(count):>12} {100 * count / max(total, 1):6.1f}%")
        print("\nown instructions (self cost):")
        for name, count in sorted(own.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"{millions(count):>12} {100 * count / max(total, 1):6.2f}%  {name}")
        return

    ((base_total, base_incl), (_, base_own)), ((total, inclusive), (_, own)) = runs
    def row(label, before, after):
        change = 100 * (after - before) / before if before else 0.0
        print(f"{label:<50.50} {millions(before):>12} {millions(after):>12} {change:+7.2f}%")
    print(f"{'':<50} {'base':>12} {'tested':>12} {'change':>8}")
    row("instructions", base_total, total)
    for (stage, before), (_, after) in zip(stage_counts(base_incl), stage_counts(inclusive)):
        row(stage, before, after)
    print("\nown instructions that changed most:")
    names = set(base_own) | set(own)
    changed = sorted(names, key=lambda n: -abs(own.get(n, 0) - base_own.get(n, 0)))
    for name in changed[: args.top]:
        row(name, base_own.get(name, 0), own.get(name, 0))


if __name__ == "__main__":
    main()

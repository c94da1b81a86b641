#!/usr/bin/env python3
"""Summarises a CPU profile of one `briefing build`: where the time goes, stage by stage.

Usage: Benchmarks/profile.py STACKS [--top K] [--focus NAME]

STACKS is `perf script -F ip,sym` output, demangled (`swift demangle --simplified`), of a
`perf record --call-graph dwarf` run; Benchmarks/profile.sh makes it. Each sample is put in the
stage whose entry point is nearest the root of its stack (the anchors below); within a stage,
functions are listed by inclusive share of the whole build, wrappers (closures, thunks,
`Parallel.map`, buffer accessors) left out. `--focus NAME` lists what the functions matching
NAME call, by the samples under them.
"""
import argparse
import collections
import re
import sys

# Stage entry points, as `SiteBuilder.make` calls them. A sample goes to the first one met
# walking from the root, so the cache shards ingest and compare write count in those stages.
ANCHORS = [
    ("scan", ("ContentFinder.", "FolderEntries.")),
    ("ingest", ("IncrementalIngest.load",)),
    ("cluster", ("SiteBuilder.cluster",)),
    ("compare", ("SiteBuilder.compare",)),
    ("assemble", ("BriefingAssembler.", "OutletCoverage.group")),
    ("render", ("SitePlanner.plan", "SitePublisher.begin")),
    ("publish", ("SitePublisher.finish",)),
    ("cache", ("BuildCache.save", "BackgroundRelease.")),
]
STAGES = [name for name, _ in ANCHORS] + ["other"]

# Frames that only pass work on: never listed as a place where time goes.
WRAPPER = re.compile(
    r"^(closure #|implicit closure|partial apply|thunk|reabstraction thunk|outlined |merged |"
    r"\[unknown\]|Parallel\.map|Collection\.map|Sequence\.|Array\.with|ContiguousArray\.with|"
    r"String\.withUTF8|withUnsafe|withExtendedLifetime|NSLocking\.withLock|Optional\.map|"
    r"_start|__libc_start|briefing_main|main$|BriefingCommand|BuildCommand|ParsableCommand|"
    r"entry_SYSCALL|do_syscall|"
    r"protocol witness|SiteBuilder\.(make|build)$|UnsafeMutableBufferPointer\.|Array\.subscript|"
    r"Array\._|_ContiguousArrayBuffer|swift::|start_thread|clone)"
)


def clean(frame):
    """`specialized static Foo.bar(x:)` -> `Foo.bar`."""
    name = re.sub(r"\(.*", "", frame).strip()
    name = re.sub(r"^(specialized |static |generic specialization <.*?> of )+", "", name)
    return re.sub(r"<.*?>", "", name).strip()


def read_stacks(path):
    """Each sample's frames, leaf first."""
    stacks, frames = [], []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if frames:
                    stacks.append(frames)
                frames = []
            elif line[0] in " \t":
                parts = line.strip().split(" ", 1)
                if len(parts) > 1:
                    frames.append(clean(parts[1]))
    if frames:
        stacks.append(frames)
    return stacks


def stage_of(frames):
    for frame in reversed(frames):
        for name, prefixes in ANCHORS:
            if frame.startswith(prefixes):
                return name
    return "other"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stacks")
    parser.add_argument("--top", type=int, default=8, help="functions listed per stage (default 8)")
    parser.add_argument("--focus", help="list what functions matching this name call")
    args = parser.parse_args()

    stacks = read_stacks(args.stacks)
    if not stacks:
        sys.exit(f"profile.py: no samples in {args.stacks}")
    total = len(stacks)
    share = lambda count: 100.0 * count / total

    by_stage = collections.Counter()
    inclusive = collections.defaultdict(collections.Counter)
    self_time = collections.Counter()
    callees = collections.defaultdict(collections.Counter)
    for frames in stacks:
        stage = stage_of(frames)
        by_stage[stage] += 1
        for name in set(f for f in frames if f and not WRAPPER.match(f)):
            inclusive[stage][name] += 1
        self_time[frames[0]] += 1
        if args.focus:
            # The nearest listed function below the root-most frame matching the focus.
            for i in range(len(frames) - 1, -1, -1):
                if args.focus in frames[i]:
                    below = next((f for f in reversed(frames[:i]) if f and f != frames[i] and not WRAPPER.match(f)), "(self)")
                    callees[frames[i]][below] += 1
                    break

    print(f"{total} samples")
    print(f"{'stage':<9} {'share':>6}  functions, inclusive share of the whole build")
    for stage in STAGES:
        count = by_stage[stage]
        if not count:
            continue
        # A function under which all of the stage runs is the stage itself.
        tops = [(n, c) for n, c in inclusive[stage].most_common(args.top * 3) if c < 0.97 * count][: args.top]
        listed = ", ".join(f"{n} {share(c):.1f}" for n, c in tops)
        print(f"{stage:<9} {share(count):5.1f}%  {listed}")
    print("\nself time (the function a sample was in):")
    for name, count in self_time.most_common(args.top * 2):
        print(f"  {share(count):5.1f}%  {name}")
    for name, counter in sorted(callees.items(), key=lambda item: -sum(item[1].values())):
        print(f"\n{name} ({share(sum(counter.values())):.1f}%) calls:")
        for callee, count in counter.most_common(args.top * 2):
            print(f"  {share(count):5.1f}%  {callee}")


if __name__ == "__main__":
    main()

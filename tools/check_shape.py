"""The code's shape, as tools/check_shape.sh runs it (step 0 of scripts/test). Exit 1 with every violation listed.

- lines: no line of Swift is longer than 120 UTF-8 bytes or 119 characters (swift format does not break string literals, and counts
  characters);
- links: no page, redirect or form names a path by hand: links come from a capability's route type
  (`SomeRoute.case`), which registers the same path (RoutesTests checks every pattern is registered);
- boundaries: a capability names no other capability's model (a `Model` class declared in another folder of
  Sources/Gongzhi/Features); it uses the other's published queries instead. The platform names none at all.
- time: nothing in Sources reads the system's time but the clock (`Platform/Clock`): tests move it forward;
- services: a function that takes a Vapor `Request` (a handler, a page) changes nothing itself: no audit record,
  no write transaction. Changes are services that take a `Caller`, so jobs, commands and tests call them directly.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..")
SOURCES = os.path.join(ROOT, "Sources", "Gongzhi")
FEATURES = os.path.join(SOURCES, "Features")
MAX = 120


def swift_files(*roots):
    for root in roots:
        for dp, _, fs in os.walk(root):
            for f in sorted(fs):
                if f.endswith(".swift"):
                    yield os.path.join(dp, f)


def code_lines(path):
    """Lines with // comments blanked (good enough for these checks: no check looks inside comments)."""
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        stripped = line.lstrip()
        if stripped.startswith("//"):
            continue
        yield i, line.rstrip("\n")


def rel(p):
    return os.path.relpath(p, ROOT)


problems = []

# lines ---------------------------------------------------------------------------------------------
for p in swift_files(*(os.path.join(ROOT, d) for d in ("Sources", "Tests", "Benchmarks"))):
    for i, line in enumerate(open(p, encoding="utf-8"), 1):
        # Counted two ways, as review tools count: at most 120 UTF-8 bytes (a Chinese character is three) and
        # fewer than 120 characters (some tools count the line break too).
        text = line.rstrip("\n")
        n = len(text.encode("utf-8"))
        if n > MAX:
            problems.append(f"{rel(p)}:{i}: line of {n} bytes (at most {MAX})")
        elif len(text) >= MAX:
            problems.append(f"{rel(p)}:{i}: line of {len(text)} characters (at most {MAX - 1})")

# links ---------------------------------------------------------------------------------------------
HAND_WRITTEN = [
    (re.compile(r'(href|action|src|formaction)=\\?"/'), "a path written by hand in an attribute"),
    (re.compile(r'redirect\(to: "'), "a redirect to a path written by hand"),
    (re.compile(r'"/[a-z][a-z0-9-]*(/|\\\(|"|\?)'), "a path string written by hand"),
]
# Files that own paths: route types, and the platform's checks of where a request goes.
OWNERS = re.compile(r"(Routes?\.swift|/Routing/.*|/Platform/Errors/ErrorMiddleware\.swift|/Platform/Security/.*)$")
for p in swift_files(SOURCES):
    if OWNERS.search(p):
        continue
    for i, line in code_lines(p):
        for rx, what in HAND_WRITTEN:
            if rx.search(line):
                problems.append(f"{rel(p)}:{i}: {what}; use the capability's route type: {line.strip()[:90]}")
                break

# boundaries ----------------------------------------------------------------------------------------
MODEL = re.compile(r"^\s*(?:final\s+)?class\s+([A-Z][A-Za-z0-9]*)\s*:\s*Model\b", re.M)
capabilities = sorted(d for d in os.listdir(FEATURES) if os.path.isdir(os.path.join(FEATURES, d)))
models = {}
for c in capabilities:
    for p in swift_files(os.path.join(FEATURES, c)):
        for m in MODEL.finditer(open(p, encoding="utf-8").read()):
            models[m.group(1)] = c
# The platform names no capability's model either: what it needs comes through the manifests.
for c in capabilities + ["Platform"]:
    folder = os.path.join(SOURCES, "Platform") if c == "Platform" else os.path.join(FEATURES, c)
    for p in swift_files(folder):
        for i, line in code_lines(p):
            code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
            # A name after a dot is a member of something else (MapSVG.Area is not Places' Area).
            for name in re.findall(r"(?<![.\w])[A-Z][A-Za-z0-9]*\b", code):
                owner = models.get(name)
                if owner and owner != c:
                    problems.append(
                        f"{rel(p)}:{i}: {c} names {owner}'s model {name}; use {owner}'s published queries")

# services ------------------------------------------------------------------------------------------
FUNC = re.compile(r"\bfunc\s+(\w+)")
WRITES = re.compile(r"Audit\.record\(|\.writing\s*\{|\.transaction\s*\{")
for p in swift_files(SOURCES):
    src = open(p, encoding="utf-8").read()
    for m in FUNC.finditer(src):
        open_brace = src.find("{", m.end())
        if open_brace < 0 or not re.search(r"\bRequest\b", src[m.end():open_brace]):
            continue
        depth, j = 0, open_brace
        while j < len(src):
            depth += {"{": 1, "}": -1}.get(src[j], 0)
            if depth == 0:
                break
            j += 1
        w = WRITES.search(src, open_brace, j)
        if w:
            line = src.count("\n", 0, w.start()) + 1
            problems.append(
                f"{rel(p)}:{line}: {m.group(1)} takes a Request and writes; move the change into a service "
                "that takes a Caller")

# time ----------------------------------------------------------------------------------------------
# The application reads the time from its clock (Platform/Clock/AppClock.swift), which a test moves forward;
# `Date()`, `Date.now` or `timeIntervalSinceNow` elsewhere would read a time no test can move.
CLOCK = os.path.join(SOURCES, "Platform", "Clock")
SYSTEM_TIME = re.compile(r"\bDate\(\)|\bDate\.now\b|\.timeIntervalSinceNow\b|\bDate\(timeIntervalSinceNow")
for p in swift_files(os.path.join(ROOT, "Sources")):
    if p.startswith(CLOCK):
        continue
    for i, line in code_lines(p):
        if SYSTEM_TIME.search(line):
            problems.append(f"{rel(p)}:{i}: reads the system's time; take it from the clock (caller.now, req.clock)")

for line in problems:
    print(line)
print(f"shape: {len(problems)} problem(s)", file=sys.stderr)
sys.exit(1 if problems else 0)

"""Fuzzes every operation of the API document with Schemathesis, as the district administrator and as a
resident, against a running server that holds the demo district (on a database nobody else uses).

Usage: run.py SERVER_URL SCHEMATHESIS_EXE WORK_DIR [SQLITE_FILE]

1. Signs in and seeds what the demo lacks (requests raised by the resident and by staff, one taken, a photo,
   a meeting, a visit plan and a visit, clean import batches, empty nodes to archive, an API key, a share),
   then collects real ids of every kind into WORK_DIR/data.json, so that hooks.py can put them into the
   generated cases and operations get past 404. SQLITE_FILE, when given, is read for the one kind of id the
   API does not show (grid duty assignments).
2. Takes the document the server serves and closes every object of an answer (WORK_DIR/openapi-strict.json),
   so that a field the document does not name fails as well.
3. Runs `schemathesis run` over every operation once per role in GONGZHI_FUZZ_ROLES (default
   `resident,admin`): the resident first, then the administrator (whose changes to the demo data would
   otherwise take the resident's records away); scripts/test runs one role per server and database, at once.
   Checks: no 5xx, the status code, content type and body of every answer as documented, no answer slower than
   the time-out.
4. Prints per role which operations never answered 2xx, and exits non-zero when either run failed.

GONGZHI_FUZZ_ROLES, GONGZHI_FUZZ_EXAMPLES (cases per operation and phase), GONGZHI_FUZZ_TIMEOUT (seconds per
request) and GONGZHI_FUZZ_SEED tune a run; GONGZHI_FUZZ_SCHEMA names a document file to use instead of the served one.
"""
import json
import os
import random
import sqlite3
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib

SERVER, EXE, WORK = sys.argv[1].rstrip("/"), os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
SQLITE = sys.argv[4] if len(sys.argv) > 4 else None
HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = os.environ.get("GONGZHI_DEMO_PASSWORD", "Gongzhi-demo-2026")
# Bounded so that the whole step stays at a few minutes on a 2-core machine (see scripts/test).
MAX_EXAMPLES = int(os.environ.get("GONGZHI_FUZZ_EXAMPLES", "12"))
REQUEST_TIMEOUT = os.environ.get("GONGZHI_FUZZ_TIMEOUT", "10")
SEED = os.environ.get("GONGZHI_FUZZ_SEED")
ROLES = [r for r in os.environ.get("GONGZHI_FUZZ_ROLES", "resident,admin").split(",") if r]
STRICT_DOC = os.path.join(WORK, "openapi-strict.json")


def call(method, path, token=None, body=None, content_type="application/json", expect=(200, 201, 204)):
    data = None
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers["Content-Type"] = content_type
    req = urllib.request.Request(SERVER + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    if status not in expect:
        raise SystemExit(f"setup: {method} {path} answered {status}: {raw[:300]!r}")
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return raw.decode("utf-8", "replace")


def token(login):
    return call("POST", "/api/v1/auth/token", body={"login": login, "password": PASSWORD})["token"]


def id_number(rng):
    """A fresh valid ID number (GB 11643 checksum) in the non-existent region 990199: the demo draws its people
    at random in 990101, and one clash there once failed the setup."""
    first = [9, 9, 0, 1, 9, 9] + [int(c) for c in f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"]
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "".join(map(str, first)) + "10X98765432"[sum(a * b for a, b in zip(first, weights)) % 11]


def png(width=2, height=2):
    rows = b"".join(b"\x00" + b"\xff\x80\x00" * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def centre(boundary):
    geometry = json.loads(boundary) if isinstance(boundary, str) else boundary
    ring = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"][0][0]
    xs, ys = [p[0] for p in ring[:-1]], [p[1] for p in ring[:-1]]
    return sum(ys) / len(ys), sum(xs) / len(xs)


def seed_and_collect():
    admin, resident = token("admin"), token("resident")
    gridworker = token("gridworker")
    me_admin, me_resident = call("GET", "/api/v1/me", admin), call("GET", "/api/v1/me", resident)
    accounts = call("GET", "/api/v1/accounts", admin)
    by_name = {a["username"]: a for a in accounts}

    nodes = call("GET", "/api/v1/org/nodes", admin)
    kinds = {}
    for n in nodes:
        kinds.setdefault(n["kind"], []).append(n["id"])
    people = call("GET", "/api/v1/people?page=1", admin)["items"] + call("GET", "/api/v1/people?page=2", admin)["items"]
    members = [p["id"] for p in people if "partyMember" in p["facets"]]
    units = call("GET", "/api/v1/units", admin)
    grids = call("GET", "/api/v1/grids", admin)
    grid1 = call("GET", f"/api/v1/grids/{grids[0]['id']}", admin)
    grid2 = call("GET", f"/api/v1/grids/{grids[1]['id']}", admin)
    households = call("GET", f"/api/v1/grids/{grids[0]['id']}/households", admin)
    point1, point2 = centre(grid1["boundary"]), centre(grid2["boundary"])
    categories = [c["code"] for c in call("GET", "/api/v1/request-categories", admin)]
    direct = [c["code"] for c in call("GET", "/api/v1/request-categories", admin) if c.get("directDispatch")]

    # Requests in several states: the resident's own (one public, with a photo), one taken by the grid
    # worker, one raised by staff on a resident's behalf from the hotline in another grid.
    r1 = call("POST", "/api/v1/requests", resident, {"kind": "report", "category": categories[0], "text": "楼道灯不亮（模糊测试）",
                                                    "lat": point1[0], "lng": point1[1], "isPublic": True})
    r2 = call("POST", "/api/v1/requests", resident, {"kind": "help", "category": categories[-1], "text": "需要帮忙搬运旧家具",
                                                    "lat": point1[0], "lng": point1[1]})
    r3 = call("POST", "/api/v1/requests", admin, {"kind": "complaint", "category": direct[0] if direct else categories[0],
                                                 "text": "夜间施工噪音", "gridId": grids[1]["id"], "channel": "hotline"})
    request_ids = [r["request"]["id"] for r in (r1, r2, r3)]
    photo = call("POST", f"/api/v1/requests/{request_ids[0]}/photos", resident, png(), content_type="image/png")
    call("POST", f"/api/v1/requests/{request_ids[1]}/actions/take", gridworker, {"note": "已接单"}, expect=(200, 409))
    meeting = call("POST", "/api/v1/meetings", admin, {"communityNodeId": grid1["grid"]["communityNodeId"],
                                                      "date": time.strftime("%Y-%m-%d"), "host": "社区书记"})
    call("POST", "/api/v1/visit-plans", admin, {"gridId": grids[0]["id"], "visitorUserId": by_name["gridworker"]["id"],
                                               "due": time.strftime("%Y-12-31"), "householdIds": [h["id"] for h in households[:5]]})
    call("POST", "/api/v1/visits", admin, {"householdId": households[0]["id"], "note": "入户走访"})
    key = call("POST", "/api/v1/api-keys", admin, {"name": "模糊测试"})
    sacrificial = [a["id"] for a in accounts if a["username"] in ("secretary2", "street", "command", "unit", "lanechief", "groupleader")]
    call("POST", f"/api/v1/accounts/{sacrificial[0]}/shares", admin, {"orgNodeId": kinds["communityCommittee"][-1]})

    # Import batches to commit: the exports' headers (an export imports again) with new rows, and one grid
    # boundary; the samples with the exports' own rows (which clash with what exists) are for the previews.
    rng = random.Random()
    people_export = call("GET", "/api/v1/people/export.csv", admin).split("\r\n")
    units_export = call("GET", "/api/v1/units/export.csv", admin).split("\r\n")
    people_csv = "\r\n".join(people_export[:3]) + "\r\n"
    units_csv = "\r\n".join(units_export[:3]) + "\r\n"
    grid_branch_code = next(n["code"] for n in nodes if n["kind"] == "gridBranch")
    unit_row = units_export[1].split(",")
    def clean_people():
        row = f"模糊测试居民,{id_number(rng)},199{rng.randint(0, 99999999):08d},居民,{grid_branch_code},杏花巷1号,否,,,"
        return (people_export[0] + "\r\n" + row + "\r\n").encode()
    def clean_units():
        row = ",".join([f"模糊测试单位{rng.randint(0, 10**8)}"] + unit_row[1:3] + ["", "", "", ""])
        return (units_export[0] + "\r\n" + row + "\r\n").encode()
    geojson = call("GET", "/api/v1/places/export.geojson?level=grid", admin)
    geojson = {"type": "FeatureCollection", "features": geojson["features"][:1]}
    # Two batches of each kind: a generated id (batch ids are small numbers) may well commit one of them first.
    batches = {"people": [], "units": [], "places": []}
    for _ in range(2):
        for name, path, body, ctype in (("people", "/api/v1/people/import/preview?fileName=p.csv", clean_people(), "text/csv"),
                                        ("units", "/api/v1/units/import/preview?fileName=u.csv", clean_units(), "text/csv"),
                                        ("places", "/api/v1/places/import/preview?fileName=g.geojson", json.dumps(geojson).encode(), "application/geo+json")):
            preview = call("POST", path, admin, body, ctype)
            if not preview["canCommit"]:
                raise SystemExit(f"setup: the {name} batch cannot be committed: {preview['rows']}")
            batches[name].append(preview["batchId"])

    # Empty nodes to archive and to move, member households with members living in them (and not yet member households).
    branch = kinds["gridBranch"][0]
    archivable, movable = [[call("POST", "/api/v1/org/nodes", admin, {"kind": "buildingGroup", "name": f"模糊测试楼组{use}{i}",
                                                                     "parentId": branch})["id"] for i in range(3)] for use in ("甲", "乙")]
    member_households = [h["id"] for h in households if h["isMemberHousehold"]]
    plain = [h["id"] for h in households if not h["isMemberHousehold"]]
    candidates = [[plain[i], members[i]] for i in range(3)]
    for household, person in candidates:
        call("POST", f"/api/v1/households/{household}/residents", admin, {"personId": person})

    duties = []
    if SQLITE:
        db = sqlite3.connect(f"file:{SQLITE}?mode=ro", uri=True)
        duties = [list(r) for r in db.execute("SELECT grid_id, id FROM grid_duties ORDER BY id LIMIT 20")]
        db.close()

    # The accounts the runs sign in with: account operations never touch them (see hooks.py).
    protected = [me_admin["id"], me_resident["id"]] + [by_name[u]["id"] for u in ("worker", "member", "buildingchief", "gridworker")]

    return {
        "tokens": {"admin": admin, "resident": resident},
        "server": SERVER,
        "password": PASSWORD,
        "loginAccount": "buildingchief",
        "logoutAccount": "worker",
        "passwordAccount": "member",
        "protectedAccounts": protected,
        "accounts": sacrificial,
        "share": [sacrificial[0], kinds["communityCommittee"][-1]],
        "nodes": [n["id"] for n in nodes[:40]],
        "nodesByKind": kinds,
        "people": [p["id"] for p in people],
        "units": [u["id"] for u in units],
        "grids": [g["id"] for g in grids],
        "buildings": [b["id"] for b in grid1["buildings"]],
        "households": [h["id"] for h in households[:40]],
        "memberHouseholds": member_households,
        "memberHouseholdCandidates": candidates,
        "archivable": archivable,
        "movable": movable,
        "branches": kinds["gridBranch"],
        "gridBoxes": {str(grids[0]["id"]): list(point1), str(grids[1]["id"]): list(point2)},
        "requests": request_ids,
        "photos": [[request_ids[0], photo["id"]]],
        "meetings": [meeting["id"]],
        "apiKeys": [key["id"]],
        "categories": categories,
        "batches": batches,
        "duties": duties,
        "points": [list(point1), list(point2)],
        "years": [2025, 2026, 2027],
        "samples": {"peopleCSV": people_csv, "unitsCSV": units_csv, "geojson": geojson},
    }


def strict_document(path):
    """The document the server serves (or GONGZHI_FUZZ_SCHEMA, a file: to try a changed document without
    rebuilding), with every object of an answer closed (additionalProperties: false): a field the server
    sends and the document does not name is a failure too, so the document cannot fall behind the code."""
    source = os.environ.get("GONGZHI_FUZZ_SCHEMA")
    doc = json.load(open(source)) if source else call("GET", "/api/openapi.json")
    def close(x):
        if isinstance(x, list):
            for item in x:
                close(item)
        elif isinstance(x, dict):
            if x.get("type") == "object" and "properties" in x and "additionalProperties" not in x:
                x["additionalProperties"] = False
            for value in x.values():
                close(value)
    answers = set()
    def refs(x):  # the component schemas an answer uses, directly or through others
        if isinstance(x, list):
            for item in x:
                refs(item)
        elif isinstance(x, dict):
            name = x.get("$ref", "").rpartition("/")[2] if x.get("$ref", "").startswith("#/components/schemas/") else ""
            if name and name not in answers:
                answers.add(name)
                refs(doc["components"]["schemas"].get(name))
            for value in x.values():
                refs(value)
    for item in doc["paths"].values():
        for method, operation in item.items():
            if method != "parameters":
                for response in operation["responses"].values():
                    refs(response)
                    close(response.get("content", {}))
    for response in doc["components"].get("responses", {}).values():  # the shared error answers
        refs(response)
    for name in answers:
        close(doc["components"]["schemas"].get(name))
    with open(path, "w") as f:
        json.dump(doc, f, ensure_ascii=False)


def run(role, data_path):
    report = os.path.join(WORK, f"report-{role}")
    cmd = [EXE, "run", STRICT_DOC, "--url", SERVER,
           "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
           "--max-examples", str(MAX_EXAMPLES), "--request-timeout", REQUEST_TIMEOUT,
           # One worker: scripts/test runs the two roles at once, and CPython's ast module is not safe to use from
           # two threads ("AST constructor recursion depth mismatch", python/cpython#106905).
           "--phases", "examples,coverage,fuzzing", "--workers", "1", "--no-shrink",
           "--generation-database", "none", "--max-failures", "200",
           # Hypothesis finds the smallest valid case of GET /requests/similar "too large" now and then:
           # a limit of the generator, not of the API.
           "--suppress-health-check", "large_base_example",
           "--report", "junit,ndjson", "--report-dir", report, "--no-color"]
    if SEED:
        cmd += ["--seed", SEED]
    env = dict(os.environ, GZ_FUZZ_DATA=data_path, GZ_FUZZ_ROLE=role, SCHEMATHESIS_HOOKS=os.path.join(HERE, "hooks.py"))
    print(f"\n--- schemathesis as {role}", flush=True)
    started = time.time()
    code = subprocess.call(cmd, cwd=WORK, env=env)
    print(f"--- {role}: exit {code} after {time.time() - started:.0f}s (reports in {report})", flush=True)
    summarise(report)
    return code


def summarise(report):
    """Which operations answered what: those that never answered 2xx are listed (their success answers went
    unchecked), and the slowest answers."""
    statuses, slow = {}, []
    for name in os.listdir(report):
        if not name.endswith(".ndjson"):
            continue
        for line in open(os.path.join(report, name)):
            event = json.loads(line).get("ScenarioFinished")
            if not event:
                continue
            label = event["recorder"]["label"]
            for interaction in event["recorder"].get("interactions", {}).values():
                response = interaction.get("response")
                if response:
                    statuses.setdefault(label, set()).add(response["status_code"])
                    slow.append((response.get("elapsed", 0), label))
    without = sorted(label for label, codes in statuses.items() if not any(200 <= c < 300 for c in codes))
    refused = [label for label in without if 403 in statuses[label]]
    others = [label for label in without if 403 not in statuses[label]]
    print(f"    {len(statuses) - len(without)} of {len(statuses)} operations answered 2xx at least once; "
          f"{len(refused)} refused this role (403); never past an error otherwise: "
          + (", ".join(f"{l} {sorted(statuses[l])}" for l in others) or "none"))
    print("    slowest: " + ", ".join(f"{l} {t:.2f}s" for t, l in sorted(slow, reverse=True)[:3]), flush=True)


def main():
    os.makedirs(WORK, exist_ok=True)
    started = time.time()
    data = seed_and_collect()
    strict_document(STRICT_DOC)
    data_path = os.path.join(WORK, "data.json")
    with open(data_path, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    print(f"seeded and collected ids in {time.time() - started:.1f}s", flush=True)
    unknown = [r for r in ROLES if r not in ("resident", "admin")]
    if unknown:
        raise SystemExit(f"GONGZHI_FUZZ_ROLES: unknown role(s) {', '.join(unknown)}")
    codes = {role: run(role, data_path) for role in ROLES}
    failed = [role for role, code in codes.items() if code != 0]
    print(f"\nschemathesis: {'FAILED for ' + ', '.join(failed) if failed else 'no failures'} "
          f"({time.time() - started:.0f}s in all)", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Schemathesis hooks for run.py: put real ids of the demo district into the generated cases, so that most
operations get past 404 and 422 and their success answers are checked against the document too, and keep
the fuzzing from ending the sessions it runs with.

GZ_FUZZ_DATA names the JSON file run.py wrote (ids, tokens, samples); GZ_FUZZ_ROLE is admin or resident.
Only values the generator made valid are replaced (an integer stays an integer, a string a string), and
only most of the time: the rest of the cases keep their generated values, and negative cases (a string
where an id belongs, a missing field) stay as generated. For the operations whose rules no generator meets
by chance (a valid ID number, a password of three kinds, a point inside the grid, …) a valid body is sent
now and then instead."""
import json
import os
import random
import urllib.error
import urllib.request

import schemathesis

DATA_PATH = os.environ["GZ_FUZZ_DATA"]
DATA = json.load(open(DATA_PATH))
ROLE = os.environ.get("GZ_FUZZ_ROLE", "admin")
# Hypothesis frowns on the global random module inside strategies; a private generator is fine.
rng = random.Random()
REAL = 0.75   # how often a generated id is replaced by a real one
VALID = 0.3   # how often a whole valid body replaces the generated one, where there is one below

nodes = DATA["nodesByKind"]
def kind(*names):
    return [i for n in names for i in nodes.get(n, [])] or DATA["nodes"]
communities = kind("communityCommittee")

# Ids by the name of the field or query parameter that carries them.
BY_FIELD = {
    "parentId": DATA["nodes"], "orgNodeId": DATA["nodes"], "targetId": DATA["nodes"], "orgId": DATA["nodes"],
    "nodeId": kind("districtCommittee", "streetCommittee", "communityCommittee"),
    "communityNodeId": communities, "communityId": communities, "homeNodeId": communities,
    "locationNodeId": kind("communityCommittee", "streetCommittee"),
    "branchNodeId": kind("gridBranch"), "groupNodeId": kind("buildingGroup"),
    "partyOrgNodeId": kind("agencyOrganization", "enterpriseOrganization", "nonPublicOrganization", "socialOrganization",
                           "propertyCompanyOrganization", "publicInstitutionOrganization", "militaryPoliceOrganization"),
    "personId": DATA["people"], "leaderPersonId": DATA["people"], "reporterPersonId": DATA["people"],
    "gridId": DATA["grids"], "unitId": DATA["units"], "unitIds": DATA["units"],
    "householdId": DATA["households"], "householdIds": DATA["households"], "buildingId": DATA["buildings"],
    "meetingId": DATA["meetings"], "mergeInto": DATA["requests"], "visitorUserId": DATA["accounts"],
    "entityId": DATA["nodes"] + DATA["people"],
}
# Path ids by the path's first segment after /api/v1/.
BY_RESOURCE = {
    "org": DATA["nodes"], "people": DATA["people"], "units": DATA["units"], "accounts": DATA["accounts"],
    "grids": DATA["grids"], "households": DATA["households"], "requests": DATA["requests"],
    "meetings": DATA["meetings"], "api-keys": DATA["apiKeys"],
}


def real(values):
    return bool(values) and rng.random() < REAL


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def fill_ids(container):
    """Replace generated integers of known id fields (and lists of them) by real ids."""
    if not isinstance(container, dict):
        return
    for name, value in list(container.items()):
        values = BY_FIELD.get(name)
        if not values or not real(values):
            continue
        if is_int(value):
            container[name] = rng.choice(values)
        elif isinstance(value, list) and value and all(is_int(v) for v in value):
            container[name] = rng.sample(values, min(len(value), len(values)))
        elif isinstance(value, str) and value.isdigit():  # query parameters may arrive as text
            container[name] = str(rng.choice(values))


def id_number():
    first = [9, 9, 0, 1, 0, 1] + [int(c) for c in f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"]
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "".join(map(str, first)) + "10X98765432"[sum(a * b for a, b in zip(first, weights)) % 11]


def mobile():
    return f"199{rng.randint(0, 99999999):08d}"


def tag():
    return f"{rng.randint(0, 10**8):08d}"


def valid_body(method, path):
    """A body that passes the server's rules, for the operations where generated data practically never does."""
    if (method, path) == ("POST", "/api/v1/people"):
        return {"name": "模糊测试" + tag()[:4], "gender": rng.choice(["male", "female"]), "idNumber": id_number(),
                "phone": mobile(), "address": "杏花巷1号", "facets": ["resident"], "orgNodeId": rng.choice(DATA["branches"])}
    if (method, path) == ("POST", "/api/v1/accounts"):
        return {"username": "fz" + tag(), "displayName": "模糊测试账号", "phone": mobile(), "role": "communityWorker",
                "orgNodeId": rng.choice(communities), "password": "Fuzz-pass-2026"}
    if (method, path) == ("POST", "/api/v1/org/nodes"):
        return {"kind": "buildingGroup", "name": "模糊测试楼组" + tag()[:4], "code": "FZ" + tag(), "parentId": rng.choice(DATA["branches"])}
    if (method, path) == ("POST", "/api/v1/buildings"):
        grid, (lat, lng) = rng.choice(list(DATA["gridBoxes"].items()))
        return {"gridId": int(grid), "name": "模糊测试楼" + tag()[:4], "address": "杏花巷99号", "lat": lat, "lng": lng}
    if (method, path) == ("POST", "/api/v1/contact-assignments"):
        return {"leaderPersonId": rng.choice(DATA["people"]), "title": "包联领导", "communityNodeId": rng.choice(communities)}
    if (method, path) == ("PUT", "/api/v1/calendar/{year}"):
        return "calendar"  # filled in with the year below
    return None


# Throw-away sessions, for the operations that would end the session a run uses.
STATE_PATH = os.path.join(os.path.dirname(DATA_PATH), "sessions.json")


def sign_in(login, password):
    req = urllib.request.Request(DATA["server"] + "/api/v1/auth/token", method="POST",
                                 data=json.dumps({"login": login, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.load(r)["token"]
    except (urllib.error.URLError, ValueError, KeyError):
        return "signed-out"  # then the case checks the 401 answer


def state():
    # The password of the `member` account moves on as POST /me/password succeeds, across both runs.
    try:
        return json.load(open(STATE_PATH))
    except (OSError, ValueError):
        return {"memberPassword": DATA["password"], "memberToken": None}


def save(s):
    with open(STATE_PATH, "w") as f:
        json.dump(s, f)


def set_token(case, token):
    if case.headers is None:
        case.headers = {}
    case.headers["Authorization"] = "Bearer " + token


@schemathesis.hook
def map_case(context, case):
    path, method = case.operation.path, case.method.upper()
    segments = path.split("/")
    resource = segments[3] if len(segments) > 3 and segments[1:3] == ["api", "v1"] else ""
    params = case.path_parameters if case.path_parameters is not None else {}

    # The run's own session on every case (a few keep what the generator made of the bearer scheme,
    # to see the 401s); set here rather than with -H, which would win over the throw-away tokens below.
    if case.operation.definition.raw.get("security") != [] and rng.random() < 0.97:
        set_token(case, DATA["tokens"][ROLE])

    # Path parameters: real ids, in pairs where the second belongs to the first.
    if "batch" in params and is_int(params["batch"]) and real([1]):
        params["batch"] = rng.choice(DATA["batches"].get(resource) or [params["batch"]])
    if "id" in params and is_int(params["id"]) and real(BY_RESOURCE.get(resource)):
        params["id"] = rng.choice(BY_RESOURCE[resource])
        if path == "/api/v1/org/nodes/{id}/archive" and rng.random() < 0.8:
            params["id"] = rng.choice(DATA["archivable"])
        if path == "/api/v1/households/{id}/links":
            params["id"] = rng.choice(DATA["memberHouseholds"] or DATA["households"])
    if "duty" in params and is_int(params["duty"]) and real(DATA["duties"]):
        params["id"], params["duty"] = rng.choice(DATA["duties"])
    if "photo" in params and is_int(params["photo"]) and real(DATA["photos"]):
        params["id"], params["photo"] = rng.choice(DATA["photos"])
    if "node" in params and is_int(params["node"]) and real([1]):
        params["id"], params["node"] = DATA["share"]
    if "code" in params and isinstance(params["code"], str) and real(DATA["categories"]):
        params["code"] = rng.choice(DATA["categories"])
    if "year" in params and is_int(params["year"]) and real(DATA["years"]):
        params["year"] = rng.choice(DATA["years"])

    # Query parameters and JSON bodies.
    fill_ids(case.query)
    body = case.body if isinstance(case.body, dict) else None
    fill_ids(body)
    if body is not None:
        if isinstance(body.get("category"), str) and real(DATA["categories"]):
            body["category"] = rng.choice(DATA["categories"])
        if isinstance(body.get("lat"), (int, float)) and isinstance(body.get("lng"), (int, float)) and real([1]):
            body["lat"], body["lng"] = rng.choice(DATA["points"])
        if path == "/api/v1/households/{id}/member-household" and is_int(body.get("personId")) \
                and DATA["memberHouseholdCandidates"] and rng.random() < VALID:
            params["id"], body["personId"] = rng.choice(DATA["memberHouseholdCandidates"])
        if path == "/api/v1/org/nodes/{id}/move" and rng.random() < VALID:  # a building group to another grid branch
            params["id"], case.body = rng.choice(DATA["movable"]), {"parentId": rng.choice(DATA["branches"][:3])}
        valid = valid_body(method, path) if rng.random() < VALID else None
        if valid == "calendar":
            year = params["year"] = rng.choice(DATA["years"])
            case.body = {"source": "国务院办公厅通知（模糊测试）", "daysOff": [{"date": f"{year}-01-01", "name": "元旦"}],
                         "workingWeekends": []}
        elif valid is not None:
            case.body = valid
    if isinstance(case.query, dict):
        if isinstance(case.query.get("category"), str) and real(DATA["categories"]):
            case.query["category"] = rng.choice(DATA["categories"])
        if path == "/api/v1/calendar/deadline" and isinstance(case.query.get("from"), str) and real([1]):
            case.query["from"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T0{rng.randint(0, 9)}:00:00Z"  # a year with a calendar
        if "lat" in case.query and "lng" in case.query and real([1]) \
                and all(isinstance(case.query[k], (int, float)) for k in ("lat", "lng")):
            case.query["lat"], case.query["lng"] = rng.choice(DATA["points"])

    # Import previews: now and then a file that parses, so the preview lists rows.
    if path.endswith("/import/preview") and rng.random() < 0.3:
        if resource == "people" and case.media_type == "text/csv":
            case.body = DATA["samples"]["peopleCSV"]
        elif resource == "units" and case.media_type == "text/csv":
            case.body = DATA["samples"]["unitsCSV"]
        elif resource == "places" and case.media_type == "application/geo+json":
            case.body = DATA["samples"]["geojson"]

    # Sign-in: now and then a real account, so that 201 (and the lock after failures, 429) are seen.
    # It is an account no run signs in with, so a lock harms nobody.
    if path == "/api/v1/auth/token" and body is not None and rng.random() < 0.5:
        body["login"] = DATA["loginAccount"]
        if rng.random() < 0.5:
            body["password"] = DATA["password"]

    # Operations that would end the session the run uses, pointed at throw-away sessions instead:
    # - POST /auth/logout revokes the calling token: it is called with a fresh token of the `worker`
    #   account (and now and then with one already revoked, for the 401).
    if path == "/api/v1/auth/logout":
        set_token(case, sign_in(DATA["logoutAccount"], DATA["password"]) if rng.random() < 0.8 else "revoked")
    # - POST /me/password ends every session of the account: it runs as `member`, with its current password
    #   half of the time (so 204 is seen; after_call follows the change), never as the run's own account.
    if path == "/api/v1/me/password":
        s = state()
        if not s["memberToken"]:
            s["memberToken"] = sign_in(DATA["passwordAccount"], s["memberPassword"])
            save(s)
        set_token(case, s["memberToken"])
        if body is not None and rng.random() < 0.5:
            body["currentPassword"] = s["memberPassword"]
            body["newPassword"] = "Fuzz-" + tag() + "-pw"
    # - An administrator resetting a password (POST /accounts/{id}/password) ends that account's sessions,
    #   and deactivating an account (PATCH /accounts/{id}) does too: the run's own accounts and the
    #   throw-away ones are swapped for sacrificial demo accounts (street, command, unit, …), whatever id the
    #   generator picked (the server refuses only some changes of one's own account).
    if resource == "accounts" and is_int(params.get("id")) and params["id"] in DATA["protectedAccounts"]:
        params["id"] = rng.choice(DATA["accounts"])
    return case


@schemathesis.hook
def after_call(context, case, response):
    if case.operation.path == "/api/v1/me/password" and response.status_code == 204 and isinstance(case.body, dict):
        save({"memberPassword": case.body["newPassword"], "memberToken": None})
    elif case.operation.path == "/api/v1/me/password" and response.status_code == 401:
        s = state()
        s["memberToken"] = None
        save(s)

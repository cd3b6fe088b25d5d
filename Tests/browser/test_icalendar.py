"""The meetings' iCalendar feeds (RFC 5545), read with a real iCalendar library (PyPI `icalendar`), against the
running demo server: a person's feed and a body's feed parse; every meeting has a stable UID; a change of time or
place raises SEQUENCE and keeps the UID; a cancelled meeting reads as CANCELLED.

Usage: test_icalendar.py SERVER_URL
Prints one line per check and closes with 'N passed, N failed'; exits non-zero on any failure."""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

import icalendar

SERVER = sys.argv[1].rstrip("/")
PASSWORD = os.environ.get("GONGZHI_DEMO_PASSWORD", "Gongzhi-demo-2026")
passed, failed = 0, 0


def call(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(SERVER + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def api(method, path, token=None, body=None, expect=(200, 201)):
    status, raw = call(method, path, token, body)
    if status not in expect:
        raise AssertionError(f"{method} {path} answered {status}: {raw[:300]!r}")
    return json.loads(raw) if raw else None


def login(username):
    return api("POST", "/api/v1/auth/token", body={"login": username, "password": PASSWORD})["token"]


def feed(url):
    path = url[url.index("/feeds/"):]
    status, raw = call("GET", path)  # no session, no token: calendar apps fetch it like this
    if status != 200:
        raise AssertionError(f"GET {path} answered {status}")
    return icalendar.Calendar.from_ical(raw)


def events(cal):
    return {str(e.get("UID")): e for e in cal.walk("VEVENT")}


def check(name, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"ok   {name}", flush=True)
    except Exception as e:  # one failed check does not stop the others
        failed += 1
        print(f"FAIL {name}: {e}", flush=True)


secretary = login("secretary")
state = {}


def person_feed_parses():
    made = api("POST", "/api/v1/meetings/feed-token", secretary)
    state["personFeed"] = made["personFeed"]
    state["bodyUrls"] = [b["url"] for b in made["bodyFeeds"]]
    cal = feed(made["personFeed"])
    assert cal.get("VERSION") == "2.0", cal.get("VERSION")
    evs = events(cal)
    assert len(evs) > 5, f"only {len(evs)} events in the secretary's feed"
    for uid, e in evs.items():
        assert uid.startswith("meeting-") and uid.endswith("@gongzhi"), uid
        assert e.get("DTSTAMP") is not None and e.get("DTSTART") is not None, uid
        assert e.decoded("DTEND") >= e.decoded("DTSTART"), uid
        assert int(e.get("SEQUENCE")) >= 0, uid
    assert any(str(e.get("STATUS")) == "CONFIRMED" for e in evs.values())


def body_feeds_parse():
    for url in state.get("bodyUrls", [])[:3]:
        cal = feed(url)
        for uid in events(cal):
            assert uid.startswith("meeting-"), uid


def change_round_trip():
    c1 = next(n for n in api("GET", "/api/v1/org/nodes", secretary) if n.get("kind") == "communityCommittee")
    day = (datetime.date.today() + datetime.timedelta(days=9)).isoformat()
    m = api("POST", "/api/v1/meetings", secretary, {
        "kind": "residentCouncil", "orgNodeId": c1["id"], "date": day, "time": "19:00", "place": "议事厅, 二楼; 东侧",
        "host": "林晓", "title": "居民议事会：加装电梯"})
    uid = f"meeting-{m['id']}@gongzhi"
    before = events(feed(state["personFeed"]))[uid]
    assert str(before.get("LOCATION")) == "议事厅, 二楼; 东侧", before.get("LOCATION")
    api("PATCH", f"/api/v1/meetings/{m['id']}", secretary, {"time": "19:30", "place": "社区会议室"})
    after = events(feed(state["personFeed"]))[uid]
    assert int(after.get("SEQUENCE")) > int(before.get("SEQUENCE")), (before.get("SEQUENCE"), after.get("SEQUENCE"))
    assert after.decoded("DTSTART") - before.decoded("DTSTART") == datetime.timedelta(minutes=30)
    api("POST", f"/api/v1/meetings/{m['id']}/cancel", secretary, {"reason": "改期"})
    cancelled = events(feed(state["personFeed"]))[uid]
    assert str(cancelled.get("STATUS")) == "CANCELLED", cancelled.get("STATUS")
    assert int(cancelled.get("SEQUENCE")) > int(after.get("SEQUENCE"))


def unknown_token_finds_nothing():
    status, _ = call("GET", "/feeds/" + "0" * 48 + "/meetings.ics")
    assert status == 404, status


check("a person's feed parses, every meeting with a stable UID", person_feed_parses)
check("the bodies' feeds parse", body_feeds_parse)
check("a change raises SEQUENCE and keeps the UID; a cancelled meeting is CANCELLED", change_round_trip)
check("an unknown feed token answers 404", unknown_token_finds_nothing)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

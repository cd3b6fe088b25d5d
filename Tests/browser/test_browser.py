"""Drives the real server in headless Chromium: the phone layout for a resident, the desk layout for a
community secretary (tree, rename, audit log), and the language switch.

Usage: test_browser.py SERVER_URL CHROMEDRIVER_URL SCREENSHOT_DIR
Prints one line per check and closes with 'N passed, N failed'; exits non-zero on any failure."""
import os
import sys
import time
import traceback
import urllib.request

from webdriver import Browser

SERVER, DRIVER, SHOTS = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
PASSWORD = os.environ.get("GONGZHI_DEMO_PASSWORD", "Gongzhi-demo-2026")
results = []


def check(name):
    def wrap(fn):
        try:
            fn()
            results.append((name, True, ""))
            print(f"ok   {name}", flush=True)
        except Exception as e:  # a failed check is reported, the others still run
            results.append((name, False, str(e)))
            print(f"FAIL {name}: {e}", flush=True)
            traceback.print_exc()
        return fn
    return wrap


def login(b, username):
    b.get(SERVER + "/login")
    b.type(b.find("#login"), username)
    b.type(b.find("#password"), PASSWORD)
    b.click(b.find("#login-submit"))
    wait_for(lambda: "/login" not in b.url, "login did not leave the login page")


def wait_for(cond, message, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if cond():
                return
        except Exception:  # the page may be replaced between finding an element and reading it
            pass
        time.sleep(0.2)
    raise AssertionError(message)


def advance_clock(seconds):
    """Moves the server's clock forward (scripts/test starts this server with GONGZHI_TEST_CLOCK=1)."""
    req = urllib.request.Request(f"{SERVER}/test/clock/advance?seconds={seconds}", data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=10) as r:
        expect(r.status == 200, f"the clock did not move: {r.status}")


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


@check("resident signs in on the phone layout and sees the home entries")
def resident_phone():
    b = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(b, "resident")
        expect(b.run("return document.body.className") == "phone", "body is not the phone layout")
        expect(b.run("return window.innerWidth") <= 480, "viewport is not phone-sized")
        entries = b.text(b.find("#entries"))
        expect("我的社区" in entries and "我的资料" in entries, f"entries were {entries!r}")
        overflow = b.run("return document.documentElement.scrollWidth - window.innerWidth")
        expect(overflow <= 0, f"page is {overflow}px wider than the phone")
        b.screenshot(os.path.join(SHOTS, "resident-home.png"))
        b.click(b.find("a[href='/community']"))
        wait_for(lambda: "/community" in b.url, "did not open my community")
        expect("网格员" in b.text(b.find("main")), "my community does not show the grid worker")
        b.screenshot(os.path.join(SHOTS, "resident-community.png"))
    finally:
        b.quit()


@check("at 360 px: each phone role has at most five tabs on one row, and the desk's menu keeps its groups")
def narrow_screens():
    for role in ["resident", "member", "gridworker"]:
        b = Browser(DRIVER, 360, 780, phone=True)
        try:
            login(b, role)
            tops = b.run("return Array.from(document.querySelectorAll('nav.tabs a'))"
                         ".map(a => Math.round(a.getBoundingClientRect().top))")
            expect(0 < len(tops) <= 5, f"{role} has {len(tops)} tabs")
            tops = set(tops)
            expect(len(tops) == 1, f"{role}'s tabs wrap onto {len(tops)} rows")
            height = b.run("return document.querySelector('nav.tabs').getBoundingClientRect().height")
            expect(height <= 80, f"{role}'s tab bar is {height}px tall")
            overflow = b.run("return document.documentElement.scrollWidth - window.innerWidth")
            expect(overflow <= 0, f"{role}'s home is {overflow}px wider than 360 px")
            b.screenshot(os.path.join(SHOTS, f"narrow-{role}.png"))
        finally:
            b.quit()
    desk = Browser(DRIVER, 360, 780)
    try:
        login(desk, "secretary")
        groups = desk.find_all(".menu-group")
        expect(len(groups) >= 3, f"the desk menu shows {len(groups)} groups at 360 px")
        overflow = desk.run("return document.documentElement.scrollWidth - window.innerWidth")
        expect(overflow <= 0, f"the desk home is {overflow}px wider than 360 px")
        desk.screenshot(os.path.join(SHOTS, "narrow-secretary.png"))
    finally:
        desk.quit()


@check("secretary opens the tree on the desk layout, renames a node and finds it in the audit log")
def secretary_desk():
    b = Browser(DRIVER, 1280, 900)
    try:
        login(b, "secretary")
        expect(b.run("return document.body.className") == "desk", "body is not the desk layout")
        b.click(b.find("nav.menu a[href='/org']"))
        wait_for(lambda: b.url.endswith("/org"), "did not open the tree")
        links = [e for e in b.find_all("#org-tree a") if "网格党支部" in b.text(e)]
        expect(links, "no grid branch in the tree")
        b.click(links[0])
        wait_for(lambda: "/org/" in b.url, "did not open the node page")
        new_name = "浏览器测试网格党支部" + str(int(time.time()) % 10000)
        field = b.find("#name")
        b.clear(field)
        b.type(field, new_name)
        b.click(b.find("#rename-form button"))
        wait_for(lambda: new_name in b.text(b.find("#node-name")), "the node page does not show the new name")
        b.screenshot(os.path.join(SHOTS, "secretary-node.png"))
        b.click(b.find("nav.menu a[href='/audit']"))
        wait_for(lambda: "/audit" in b.url, "did not open the audit log")
        expect(new_name in b.text(b.find("#audit-entries")), "the audit log does not show the rename")
        b.screenshot(os.path.join(SHOTS, "secretary-audit.png"))
    finally:
        b.quit()


@check("the language switch turns the desk into English and the choice sticks")
def language():
    b = Browser(DRIVER, 1280, 900)
    try:
        login(b, "street")
        chinese = lambda: b.run("return document.documentElement.lang") == "zh-CN"
        if not chinese():  # left in English by an earlier run
            b.click(b.find("form.lang-switch button"))
            wait_for(chinese, "the switch did not turn the page back into Chinese")
        # Signed in, the switch is a form button (a POST with the CSRF token), no script involved.
        b.click(b.find("form.lang-switch button"))
        wait_for(lambda: "Home" in b.text(b.find("nav.menu")), "menu is not in English")
        b.get(SERVER + "/org")
        expect("Organisation tree" in b.text(b.find("main h1")), "the choice did not stick")
        b.screenshot(os.path.join(SHOTS, "street-english.png"))
        b.click(b.find("form.lang-switch button"))  # back to Chinese, on the account too
        wait_for(chinese, "the switch did not turn the page back into Chinese")
    finally:
        b.quit()


@check("street staff drill the party-building map from the district to a grid page")
def map_drilldown():
    b = Browser(DRIVER, 1280, 900)
    try:
        login(b, "orgdept")
        b.click(b.find("nav.menu a[href='/map']"))
        wait_for(lambda: "/map" in b.url, "did not open the map")
        expect(len(b.find_all("#map svg path.area")) >= 2, "the district map has no street areas")
        title = b.run("return document.querySelector('#map svg a path.area title').textContent")
        expect("户数" in title, f"hover text was {title!r}")
        for level in ("street", "community"):
            before = b.url
            b.click(b.find("#map svg a path.area"))
            wait_for(lambda: b.url != before, f"clicking a {level} did not drill down")
        b.screenshot(os.path.join(SHOTS, "map-community.png"))
        b.click(b.find("#map svg a path.area"))
        wait_for(lambda: "/grids/" in b.url, "clicking a grid did not open the grid page")
        expect("网格员" in b.text(b.find("#grid-staff")), "the grid page lists no grid worker")
        expect("户数" in b.text(b.find("#grid-figures")), "the grid page shows no figures")
        b.screenshot(os.path.join(SHOTS, "grid-page.png"))
    finally:
        b.quit()


JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x07, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xE1, 0x00, 0x0A, 0x45, 0x78, 0x69,
              0x66, 0x00, 0x00, 0x47, 0x50, 0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01, 0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22,
              0x33, 0xFF, 0xD9])


def act(b, url, action, note=None, setup=None):
    b.get(url)
    form = f"form[data-action='{action}']"
    b.find(form)
    # The action panel folds each step; open the one to take, as a user taps its title.
    b.run(f"document.querySelector(\"{form}\").closest('details').open = true")
    if setup:
        b.run(setup)
    if note is not None:
        b.type(b.find(f"{form} textarea[name='note']"), note)
    b.click(b.find(f"#act-{action}"))
    try:
        wait_for(lambda: b.url.rstrip("/").endswith(url.split(SERVER)[1]) and "class=\"flash\"" in b.source(), "")
    except AssertionError:
        errors = b.find_all("p.flash.error")
        raise AssertionError(f"{action} was not done: " + (b.text(errors[0]) if errors else b.url))


def state(b):
    return b.text(b.find("#request-state"))


@check("one request through all five steps: phone and desk, a photo, an unsatisfied rating that reopens it")
def five_steps():
    photo = os.path.join(SHOTS, "evidence.jpg")
    with open(photo, "wb") as f:
        f.write(JPEG)
    text = "浏览器测试：楼道灯不亮 " + str(int(time.time()))
    resident = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(resident, "resident")
        resident.get(SERVER + "/requests/new")
        resident.run("document.getElementById('category').value = 'facilities'")
        resident.type(resident.find("#text"), text)
        resident.type(resident.find("#photos"), photo)
        resident.click(resident.find("#raise-submit"))
        wait_for(lambda: resident.find_all("#similar") or "/requests/new" not in resident.url, "raising did nothing")
        if resident.find_all("#similar"):  # a likely duplicate is offered first; this one is new, so submit again
            resident.type(resident.find("#photos"), photo)
            resident.click(resident.find("#raise-submit"))
        wait_for(lambda: "/requests/" in resident.url and "/new" not in resident.url and not resident.url.endswith("/requests"), "raising did not open the request")
        url = resident.url
        expect("待网格受理" in state(resident), f"state was {state(resident)!r}")
        expect(len(resident.find_all("img[src*='/photos/']")) == 1, "the photo is not shown")
        resident.screenshot(os.path.join(SHOTS, "loop-1-raised.png"))

        worker = Browser(DRIVER, 390, 844, phone=True)
        try:
            login(worker, "gridworker")
            act(worker, url, "take")
            act(worker, url, "forward", note="需联席会议定事")
            expect("待联席会议定事" in state(worker), f"state was {state(worker)!r}")
        finally:
            worker.quit()

        desk = Browser(DRIVER, 1280, 900)
        try:
            login(desk, "secretary")
            desk.get(SERVER + "/meetings/new")
            desk.run("document.getElementById('date').value = '2026-12-01'")
            desk.type(desk.find("#host"), "林晓")
            desk.click(desk.find("form[action='/meetings'] button"))
            wait_for(lambda: "/meetings/" in desk.url, "the meeting was not created")
            expect(text[:8] in desk.text(desk.find("#agenda")), "the request is not on the meeting's agenda")
            pick_unit = ("for (var l of document.querySelectorAll(\"form[data-action='decide'] label.unit\")) {"
                         " if (l.textContent.trim().indexOf('枫林第一实验小学') == 0) {"
                         " l.querySelector('input').checked = true; } }")
            act(desk, url, "decide", note="由驻区学校协助更换灯具", setup=pick_unit)
            expect("已派单" in state(desk), f"state was {state(desk)!r}")
            desk.screenshot(os.path.join(SHOTS, "loop-3-decided.png"))
        finally:
            desk.quit()

        unit = Browser(DRIVER, 1280, 900)
        try:
            login(unit, "unit")
            act(unit, url, "accept")
            act(unit, url, "complete", note="已更换灯具")
            expect("待群众评价" in state(unit), f"state was {state(unit)!r}")
        finally:
            unit.quit()

        act(resident, url, "rate", note="还有一盏不亮", setup="document.querySelector(\"form[data-action='rate'] select\").value = 'unsatisfied'")
        expect("办理中" in state(resident), f"an unsatisfied rating did not reopen it: {state(resident)!r}")

        unit = Browser(DRIVER, 1280, 900)
        try:
            login(unit, "unit")
            act(unit, url, "complete", note="最后一盏也修好了")
        finally:
            unit.quit()
        act(resident, url, "rate", setup="document.querySelector(\"form[data-action='rate'] select\").value = 'satisfied'")
        expect("已办结" in state(resident), f"state was {state(resident)!r}")
        timeline = resident.text(resident.find("#timeline"))
        for step in ("居民提事", "受理", "提交联席会议", "会议定事并派单", "接单", "办结反馈", "评价"):
            expect(step in timeline, f"the timeline lacks {step}")
        resident.screenshot(os.path.join(SHOTS, "loop-5-closed.png"))
    finally:
        resident.quit()


@check("visits: the secretary plans on the desk, the grid worker records two visits on the phone, one raising a request")
def visits_day():
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(desk, "secretary")
        desk.get(SERVER + "/visits")
        expect(desk.find_all("#visit-rates"), "the desk visits page has no rates table")
        rate_link = desk.find("#visit-rates a[href*='/visits/grids/']")
        grid_id = desk.attr(rate_link, "href").rstrip("/").split("/")[-1].split("?")[0]
        desk.get(SERVER + f"/visits/plans/new?gridId={grid_id}&pick=unvisited")
        desk.run("var s = document.getElementById('visitorUserId');"
                 "for (var o of s.options) { if (o.text.indexOf('陈刚') >= 0) { o.selected = true; } }")
        desk.click(desk.find("#plan-form button[type='submit']"))
        wait_for(lambda: "/visits/plans/" in desk.url and "/new" not in desk.url, "the plan was not made")
        expect(desk.find_all("#plan-households"), "the plan page lists no households")
        desk.screenshot(os.path.join(SHOTS, "visits-1-plan.png"))
    finally:
        desk.quit()

    phone = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(phone, "gridworker")
        phone.get(SERVER + "/")
        phone.click(phone.find("nav.tabs a[href='/visits']"))
        wait_for(lambda: phone.find_all("#visit-todo"), "the phone shows nothing to visit")
        first = phone.find("#visit-todo a[href*='/visits/households/']")
        household = phone.attr(first, "href")
        phone.click(first)
        wait_for(lambda: phone.find_all("#visit-form"), "the visit form did not open")
        phone.click(phone.find("#visit-form input[name='outcome'][value='met']"))
        phone.type(phone.find("#note"), "老人身体尚好")
        phone.click(phone.find("#visit-submit"))
        wait_for(lambda: "/visits/households/" not in phone.url, "the visit was not recorded")
        # A second household, with a problem found: it becomes a request in the same step.
        phone.get(SERVER + "/visits")
        second = [a for a in phone.find_all("#visit-todo a[href*='/visits/households/']")
                  if phone.attr(a, "href") != household]
        expect(second, "no second household to visit")
        phone.click(second[0])
        wait_for(lambda: phone.find_all("#visit-form"), "the second visit form did not open")
        phone.click(phone.find("#visit-form input[name='outcome'][value='met']"))
        phone.run("document.querySelector('#visit-form details').open = true;"
                  "document.getElementById('category').selectedIndex = 1")
        phone.type(phone.find("#problem"), "独居老人需要助餐服务")
        phone.click(phone.find("#visit-submit"))
        wait_for(lambda: "/visits/households/" not in phone.url, "the second visit was not recorded")
        phone.screenshot(os.path.join(SHOTS, "visits-2-recorded.png"))
        # The problem is a request of the grid now, waiting in the grid worker's to-dos.
        phone.get(SERVER + "/todos")
        links = [phone.attr(a, "href") for a in phone.find_all("#todos a[href*='/requests/']")]
        found = False
        for link in links:
            phone.get(SERVER + link)
            if "独居老人需要助餐服务" in phone.text(phone.find("#request-text")):
                found = True
                break
        expect(found, f"the request raised on the visit is not among the to-dos ({len(links)} looked at)")
    finally:
        phone.quit()


@check("a member, the command centre and district staff each find their day's work")
def other_roles():
    member = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(member, "member")
        member.get(SERVER + "/")
        tabs = member.text(member.find("nav.tabs"))
        expect("我的诉求" in tabs and "待办" not in tabs, f"the member's tabs are {tabs!r}")
        member.click(member.find("a.entry[href='/nearby']"))
        wait_for(lambda: "/nearby" in member.url, "身边党员 did not open")
        member.screenshot(os.path.join(SHOTS, "role-member-nearby.png"))
    finally:
        member.quit()
    command = Browser(DRIVER, 1280, 900)
    try:
        login(command, "command")
        command.get(SERVER + "/")
        home = command.text(command.find("#figures"))
        for queue in ("上报待派", "已逾期", "督办中"):
            expect(queue in home, f"the command centre's home lacks {queue}")
        command.get(SERVER + "/requests/figures")
        figures = command.text(command.find("#request-figures"))
        expect("清河街道" in figures and "云岭街道" in figures, "the shared street is missing from the figures")
        command.screenshot(os.path.join(SHOTS, "role-command-figures.png"))
    finally:
        command.quit()
    district = Browser(DRIVER, 1280, 900)
    try:
        login(district, "orgdept")
        district.get(SERVER + "/requests/figures")
        rows = district.find_all("#request-figures tbody tr")
        expect(len(rows) >= 4, f"the district's figures have {len(rows)} rows (the district and its streets)")
        district.get(SERVER + "/visits")
        expect(district.find_all("#visit-rates"), "district staff see no visit rates")
        district.screenshot(os.path.join(SHOTS, "role-orgdept-visits.png"))
    finally:
        district.quit()


@check("dual reporting: a member transfers, reports again on the phone and claims a post; a liaison reports the unit")
def dual_reporting():
    phone = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(phone, "member")
        phone.get(SERVER + "/reporting")
        if phone.find_all("#reporting-mine"):
            # The demo member has reported already: moving out ends the report (and its post) first.
            phone.type(phone.find("#reason"), "转出测试")
            phone.click(phone.find("form[action*='/reporting/members/'] button"))
            wait_for(lambda: phone.find_all("#reporting-report"), "the transfer did not end the report")
        phone.click(phone.find("#reporting-submit"))
        wait_for(lambda: phone.find_all("#reporting-mine"), "the member's report was not taken")
        claim = phone.find("#reporting-posts form[action*='/claim'] button")
        phone.click(claim)
        wait_for(lambda: phone.find_all("#reporting-held li"), "the claimed post is not the member's")
        phone.screenshot(os.path.join(SHOTS, "reporting-member.png"))
    finally:
        phone.quit()
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(desk, "unit")
        desk.get(SERVER + "/reporting/units")
        desk.type(desk.find("#liaisonName"), "赵磊")
        desk.type(desk.find("#liaisonPhone"), "13912345678")
        desk.type(desk.find("#offers"), "浏览器测试：开放会议室")
        desk.click(desk.find("#reporting-unit-form button[type='submit']"))
        wait_for(lambda: "浏览器测试：开放会议室" in desk.text(desk.find("main")), "the unit's report is not listed")
    finally:
        desk.quit()


@check("regional party building: the secretary drafts an agreement with a unit, both sides sign, the body shows")
def joint_bodies_and_agreements():
    liaison = Browser(DRIVER, 1280, 900)
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(liaison, "unit")
        liaison.get(SERVER + "/my-unit")
        expect(liaison.find_all("#unit-seats tbody tr"), "the liaison's desk lists no seats of the unit")
        unit_name = liaison.text(liaison.find("#my-units")).split("、")[0].strip()
        login(desk, "secretary")
        desk.get(SERVER + "/joint-bodies")
        desk.click(desk.find("#bodies a[href*='/joint-bodies/']"))
        wait_for(lambda: desk.find_all("#triad"), "the community committee shows no triad check")
        expect("三方齐全" in desk.text(desk.find("#triad")), "the demo triad is not complete")
        desk.get(SERVER + "/agreements")
        desk.type(desk.find("#title"), "浏览器测试共建协议")
        desk.run("var s = document.getElementById('unitIds');"
                 "for (var o of s.options) { o.selected = o.text.indexOf(arguments[0]) >= 0; }", unit_name)
        desk.run("var y = new Date().getFullYear();"
                 "document.getElementById('startsOn').value = y + '-01-01';"
                 "document.getElementById('endsOn').value = (y + 1) + '-12-31';")
        desk.click(desk.find("#new-agreement button"))
        wait_for(lambda: desk.find_all("#add-commitment"), "the draft agreement did not open")
        agreement = desk.url
        # Both sides commit: the organisation's side first, then the unit's.
        desk.type(desk.find("#c-text"), "每季度共商社区事务")
        desk.click(desk.find("#add-commitment button"))
        wait_for(lambda: len(desk.find_all("#commitments tbody tr")) == 1, "the organisation's commitment is missing")
        desk.run("var s = document.getElementById('c-unit'); s.selectedIndex = 1;")
        desk.type(desk.find("#c-text"), "承办社区邻里节")
        desk.click(desk.find("#add-commitment button"))
        wait_for(lambda: len(desk.find_all("#commitments tbody tr")) == 2, "the unit's commitment is missing")
        desk.run("document.getElementById('sign-on').value = arguments[0];", time.strftime("%Y-%m-%d"))
        desk.click(desk.find("#sign button"))
        wait_for(lambda: not desk.find_all("#sign"), "the organisation could not sign")
        liaison.get(agreement)
        liaison.run("document.getElementById('sign-on').value = arguments[0];", time.strftime("%Y-%m-%d"))
        liaison.click(liaison.find("#sign button"))
        wait_for(lambda: "履行中" in liaison.text(liaison.find("main")), "the agreement did not take effect")
        liaison.screenshot(os.path.join(SHOTS, "agreement-signed.png"))
    finally:
        liaison.quit()
        desk.quit()


@check("meetings: the secretary holds a quarterly meeting, checks two in, a decision lands on the unit's to-dos")
def quarterly_meeting():
    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()  # the server's day: Asia/Shanghai
    liaison = Browser(DRIVER, 1280, 900)
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(liaison, "unit")
        liaison.get(SERVER + "/my-unit")
        unit_name = liaison.text(liaison.find("#my-units")).split("、")[0].strip()
        login(desk, "secretary")
        desk.get(SERVER + "/meetings/new")
        # The community's big committee: the form suggests the host whose turn it is.
        desk.run("var s = document.getElementById('q-body');"
                 "for (var o of s.options) { if (o.text.indexOf('大党委') >= 0) { o.selected = true; break; } }"
                 "document.getElementById('q-date').value = arguments[0];", today.isoformat())
        desk.click(desk.find("#meeting-body button"))
        wait_for(lambda: desk.find_all("#host-suggestion"), "no host is suggested for the body's meeting")
        # At midnight: begun whenever the walk runs, so the desk may record attendance (never before the start).
        desk.run("document.getElementById('kind').value = 'communityQuarterly';"
                 "document.getElementById('date').value = arguments[0];"
                 "document.getElementById('time').value = '00:00';", today.isoformat())
        desk.type(desk.find("#place"), "党群服务中心")
        desk.click(desk.find("#meeting-form button[type='submit']"))
        wait_for(lambda: desk.find_all("#check-in-code"), "the meeting page did not open")
        meeting = desk.url
        expect(len(desk.text(desk.find("#check-in-code strong"))) == 6, "no six-digit check-in code")
        for _ in range(2):
            buttons = desk.find_all("#invitees button[id^='check-in-']")
            expect(buttons, "no invitee left to check in at the desk")
            desk.click(buttons[0])
            time.sleep(0.5)
            desk.get(meeting)
        expect("已签到 2" in desk.text(desk.find("#attendance")), desk.text(desk.find("#attendance")))
        desk.run("var s = document.getElementById('d-unit');"
                 "for (var o of s.options) { if (o.text.indexOf(arguments[0]) >= 0) { o.selected = true; break; } }"
                 "document.getElementById('d-due').value = arguments[1];",
                 unit_name, (today + datetime.timedelta(days=14)).isoformat())
        desk.type(desk.find("#d-text"), "浏览器测试：协调开放停车场")
        desk.click(desk.find("#decision-form button"))
        wait_for(lambda: desk.find_all("#decisions"), "the decision was not recorded")
        desk.screenshot(os.path.join(SHOTS, "meeting-1-decided.png"))
        liaison.get(SERVER + "/todos")
        task = [a for a in liaison.find_all("#other-todos a[href*='/meetings/tasks/']")
                if "浏览器测试" in liaison.text(a)]
        expect(task, "the decision is not on the unit's to-dos")
        liaison.click(task[0])
        wait_for(lambda: liaison.find_all("#task-form"), "the task page has no form to report it done")
        liaison.type(liaison.find("#note"), "已开放 20 个车位")
        liaison.click(liaison.find("#task-form button"))
        wait_for(lambda: liaison.find_all("#task-done"), "the task was not reported done")
        desk.get(meeting)
        expect("已开放 20 个车位" in desk.text(desk.find("#decisions")), "the meeting does not show the report")
        desk.screenshot(os.path.join(SHOTS, "meeting-2-reported.png"))
    finally:
        liaison.quit()
        desk.quit()


@check("lists: a resident posts a need, a unit offers, the secretary matches it and runs a project to closure")
def needs_meet_resources():
    phone = Browser(DRIVER, 390, 844, phone=True)
    liaison = Browser(DRIVER, 1280, 900)
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(phone, "resident")
        phone.get(SERVER + "/lists/mine")
        phone.type(phone.find("#n-title"), "浏览器测试：老人需要陪伴")
        phone.run("document.getElementById('n-category').value = 'elderlyCare';"
                  "document.getElementById('n-quantity').value = '2';")
        phone.click(phone.find("#need-submit"))
        wait_for(lambda: phone.find_all("#item-status"), "the need was not posted")
        need = phone.url
        expect("待认领" in phone.text(phone.find("#item-status")), "a new need is not open")
        phone.screenshot(os.path.join(SHOTS, "lists-1-need.png"))
        login(liaison, "unit")
        liaison.get(SERVER + "/lists/resources")
        offer = "浏览器测试：单位志愿者上门陪伴"
        liaison.type(liaison.find("#r-title"), offer)
        liaison.run("document.getElementById('r-category').value = 'elderlyCare';"
                    "document.getElementById('r-capacity').value = '5';")
        liaison.click(liaison.find("#resource-submit"))
        wait_for(lambda: liaison.find_all("#resource-free"), "the unit's resource was not offered")
        login(desk, "secretary")
        desk.get(need)
        wait_for(lambda: desk.find_all("#suggestions"), "the secretary sees no suggestions")
        offered = [li for li in desk.find_all("#suggestions li.suggestion")
                   if offer in desk.text(li)]
        expect(offered, "the unit's resource is not suggested: " + desk.text(desk.find("#suggestions")))
        desk.run("for (var li of document.querySelectorAll('#suggestions li.suggestion')) {"
                 " if (li.textContent.indexOf(arguments[0]) >= 0) {"
                 " li.querySelector('.match-form button').click(); break; } }", offer)
        wait_for(lambda: "已满足" in desk.text(desk.find("#item-status")), "matching did not meet the need")
        desk.screenshot(os.path.join(SHOTS, "lists-2-matched.png"))
        desk.click(desk.find("#open-project"))
        wait_for(lambda: desk.find_all("#project-form"), "no form to open a project")
        desk.click(desk.find("#project-submit"))
        wait_for(lambda: desk.find_all("#project-state"), "the project did not open")
        desk.type(desk.find("#m-title"), "首次上门")
        desk.run("document.getElementById('m-due').value = arguments[0];", time.strftime("%Y-%m-%d"))
        desk.click(desk.find("#milestone-form button"))
        wait_for(lambda: desk.find_all("#milestones tbody tr"), "the milestone was not added")
        desk.click(desk.find("#start-form button"))
        wait_for(lambda: "实施中" in desk.text(desk.find("#project-state")), "the project did not start")
        desk.click(desk.find("#milestones form button"))
        wait_for(lambda: not desk.find_all("#milestones form"), "the milestone was not marked done")
        desk.type(desk.find("#note-text"), "志愿者已上门两次")
        desk.click(desk.find("#note-submit"))
        wait_for(lambda: "志愿者已上门两次" in desk.text(desk.find("#notes")), "the progress note is missing")
        desk.type(desk.find("#evidence"), "服务记录和老人签字")
        desk.run("document.getElementById('rating').value = '5';")
        desk.click(desk.find("#close-project button"))
        wait_for(lambda: "已结项" in desk.text(desk.find("#project-state")), "the project did not close")
        desk.screenshot(os.path.join(SHOTS, "lists-3-closed.png"))
        phone.get(need)
        expect("已满足" in phone.text(phone.find("#item-status")), "the resident does not see the need met")
    finally:
        phone.quit()
        liaison.quit()
        desk.quit()


@check("volunteering: the secretary posts an activity happening now; the resident signs up, checks in and out on the phone")
def volunteering_day():
    import datetime
    now = datetime.datetime.utcnow() + datetime.timedelta(hours=8)  # the server's time: Asia/Shanghai
    title = "浏览器测试志愿活动 " + now.strftime("%H%M%S")
    desk = Browser(DRIVER, 1280, 900)
    phone = Browser(DRIVER, 390, 844, phone=True)
    try:
        login(desk, "secretary")
        desk.get(SERVER + "/volunteering/activities")
        desk.type(desk.find("#title"), title)
        # No point: check-in by code alone (headless Chromium has no location to give).
        desk.run("document.getElementById('startsAt').value = arguments[0];"
                 "document.getElementById('endsAt').value = arguments[1];",
                 (now - datetime.timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M"),
                 (now + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
        desk.type(desk.find("#address"), "社区文化广场")
        desk.run("document.getElementById('points').value = '20';")  # taking part earns 20 points
        desk.click(desk.find("#activity-form button[type='submit']"))
        wait_for(lambda: desk.find_all("#check-in-code"), "the new activity's page did not open")
        code = desk.text(desk.find("#check-in-code strong")).strip()
        expect(len(code) == 6 and code.isdigit(), f"no six-digit check-in code: {code!r}")
        activity = desk.url
        login(phone, "resident")
        phone.get(activity)
        phone.click(phone.find("#signup-submit"))
        wait_for(lambda: phone.find_all("#my-signup"), "the sign-up was not taken")
        phone.type(phone.find("#code"), code)
        phone.click(phone.find("#check-in-submit"))
        wait_for(lambda: "已签到" in phone.text(phone.find("#my-signup")), "the check-in was not taken")
        phone.screenshot(os.path.join(SHOTS, "volunteering-checked-in.png"))
        # Five minutes of service, by the server's movable clock (GONGZHI_TEST_CLOCK=1), not by waiting: little
        # enough that the later checks, which date their forms by this machine's clock, stay on the server's day.
        advance_clock(5 * 60)
        phone.type(phone.find("#code"), code)
        phone.click(phone.find("#check-out-submit"))
        wait_for(lambda: "/volunteering/hours" in phone.url, "check-out did not lead to my hours")
        expect(title in phone.text(phone.find("#my-hours")), "the hours are not on my hours")
        overflow = phone.run("return document.documentElement.scrollWidth - window.innerWidth")
        expect(overflow <= 0, f"my hours is {overflow}px wider than the phone")
        phone.screenshot(os.path.join(SHOTS, "volunteering-my-hours.png"))
        # Taking part earns the activity's points: the ledger shows them with the activity, for the shop (next check).
        phone.get(SERVER + "/points")
        expect(title in phone.text(phone.find("main")), "the service hours earned no points")
    finally:
        desk.quit()
        phone.quit()
@check("points: the resident sees the balance, redeems a good on the phone, and the secretary hands it over")
def points_shop():
    phone = Browser(DRIVER, 390, 844, phone=True)
    desk = Browser(DRIVER, 1280, 900)
    try:
        login(phone, "resident")
        phone.get(SERVER + "/points")
        balance = int(phone.text(phone.find("#points-balance-value")))
        expect(balance > 0, "the demo resident has no points")
        phone.screenshot(os.path.join(SHOTS, "points-1-balance.png"))
        phone.click(phone.find("#points-shop-link"))
        wait_for(lambda: phone.find_all(".good"), "the shop shows no goods")
        good = phone.run(
            "const g = [...document.querySelectorAll('.good')].filter(e => +e.dataset.price <= arguments[0]"
            " && e.querySelector('button[id^=redeem-]'));"
            " return g.length ? g[0].dataset.good : null;", balance)
        expect(good, "no good the resident can afford")
        overflow = phone.run("return document.documentElement.scrollWidth - window.innerWidth")
        expect(overflow <= 0, f"the shop is {overflow}px wider than the phone")
        phone.screenshot(os.path.join(SHOTS, "points-2-shop.png"))
        phone.click(phone.find(f"#redeem-{good}"))
        wait_for(lambda: "/points/redemptions" in phone.url and phone.find_all(".code"), "no pick-up code shown")
        card = phone.find(".redemption")
        redemption = phone.attr(card, "data-redemption")
        code = phone.text(phone.find(f"#code-{redemption}"))
        expect(len(code) == 8, f"the pick-up code is {code!r}")
        phone.screenshot(os.path.join(SHOTS, "points-3-redemption.png"))
        phone.get(SERVER + "/points")
        after = int(phone.text(phone.find("#points-balance-value")))
        expect(after < balance, f"the balance did not fall ({balance} → {after})")
        login(desk, "secretary")
        desk.get(SERVER + "/points/redemptions?state=pending")
        form = desk.find(f"#hand-over-{redemption}")
        desk.type(desk.find(f"#hand-over-{redemption} input[name='code']"), code)
        desk.click(desk.find(f"#hand-over-{redemption} button"))
        wait_for(lambda: not desk.find_all(f"#hand-over-{redemption}"), "the redemption was not handed over")
        desk.get(SERVER + "/points/redemptions?state=handedOver")
        expect(desk.find_all(f"tr[data-redemption='{redemption}']"), "the handed-over redemption is not listed")
        desk.screenshot(os.path.join(SHOTS, "points-4-handed-over.png"))
        phone.get(SERVER + "/points/redemptions")
        expect("已交付" in phone.text(phone.find(f"[data-redemption='{redemption}']")), "the resident does not see it")
        _ = form
    finally:
        phone.quit()
        desk.quit()


passed = sum(1 for r in results if r[1])
failed = len(results) - passed
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

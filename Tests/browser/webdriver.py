"""A small W3C WebDriver client (standard library only) for chromedriver on loopback."""
import base64
import json
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    pass


class Browser:
    def __init__(self, driver_url, width, height, binary="/usr/bin/chromium", phone=False):
        self.base = driver_url.rstrip("/")
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": binary,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--lang=zh-CN"],
            # Headless Chromium asks for English unless told; residents' phones ask for Chinese.
            "prefs": {"intl.accept_languages": "zh-CN,zh"}}}}}
        if phone:  # a real phone viewport: desktop windows have a minimum width
            caps["capabilities"]["alwaysMatch"]["goog:chromeOptions"]["mobileEmulation"] = {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}}
        value = self._call("POST", "/session", caps)
        self.session = value["sessionId"]

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else (b"{}" if method == "POST" else None)
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise WebDriverError(f"{method} {path}: {e.code} {e.read()[:500]!r}")

    def _s(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def get(self, url):
        self._s("POST", "/url", {"url": url})

    @property
    def url(self):
        return self._s("GET", "/url")

    def source(self):
        return self._s("GET", "/source")

    def run(self, script, *args):
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script, *args):
        """Runs script with a callback as its last argument; the value passed to the callback is returned."""
        return self._s("POST", "/execute/async", {"script": script, "args": list(args)})

    def script_timeout(self, seconds):
        self._s("POST", "/timeouts", {"script": int(seconds * 1000)})

    def find(self, css, timeout=10):
        end = time.time() + timeout
        while True:
            try:
                v = self._s("POST", "/element", {"using": "css selector", "value": css})
                return v[ELEMENT]
            except WebDriverError:
                if time.time() > end:
                    raise
                time.sleep(0.2)

    def find_all(self, css):
        return [v[ELEMENT] for v in self._s("POST", "/elements", {"using": "css selector", "value": css})]

    def text(self, element):
        return self._s("GET", f"/element/{element}/text")

    def attr(self, element, name):
        return self._s("GET", f"/element/{element}/attribute/{name}")

    def click(self, element):
        # Centre it first: the phone layout's fixed bottom tabs would cover an element scrolled just into view.
        self.run("arguments[0].scrollIntoView({block: 'center'});", {ELEMENT: element})
        self._s("POST", f"/element/{element}/click")

    def clear(self, element):
        self._s("POST", f"/element/{element}/clear")

    def type(self, element, text):
        self._s("POST", f"/element/{element}/value", {"text": text})

    def screenshot(self, path):
        png = self._s("GET", "/screenshot")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def quit(self):
        try:
            self._s("DELETE", "")
        except Exception:
            pass

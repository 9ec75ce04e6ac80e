"""The guided form's benchmark (benches/form.sh runs it): Continues per second and page size.

Starts `nrm form --no-browser` on a copy of the child example, takes the printed token for the
cookie as a browser does, then times CONTINUES Continues of one question page: a POST of the
page's answers as they stand (the form reads them, saves the draft atomically, checks the whole
draft) and the GET of the page its 303 names (rendering the next page), over one kept-alive
connection, as a browser sends them. Then GETs every page of the form (each section page the
task list links, every page of each section, check your answers, finish) and reports the
largest. Python's standard library only.

    python3 benches/form.py NRM DRAFT [--continues N] [--page /section/exploitation/0] [--json FILE]
"""

import argparse
import http.client
import json
import math
import statistics
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser

TODAY = "2026-11-22"


class FormFields(HTMLParser):
    """What the page's first POST form submits as it stands, and every link of the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.links = [], []
        self.in_form = self.done = False
        self.textarea = self.select = None
        self.select_chose = False
        self.select_first = None

    def _end_select(self):
        if self.select and not self.select[1] and not self.select_chose and self.select_first is not None:
            self.fields.append((self.select[0], self.select_first))
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "action"):
            if a.get(name):
                self.links.append(a[name])
        if tag == "form" and (a.get("method") or "").lower() == "post" and not self.done:
            self.in_form = True
            return
        if not self.in_form:
            return
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "image", "reset", "file"):
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
        elif tag == "select" and a.get("name"):
            self.select = (a["name"], "multiple" in a)
            self.select_chose, self.select_first = False, None
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in a:
                self.select_chose = True
                self.fields.append((self.select[0], value))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            text = self.textarea[1]
            text = text[1:] if text.startswith("\n") else text
            self.fields.append((self.textarea[0], text.replace("\n", "\r\n")))
            self.textarea = None
        elif tag == "select" and self.select:
            self._end_select()
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def parse(html):
    parser = FormFields()
    parser.feed(html)
    parser.close()
    return parser


class Browser:
    """One kept-alive connection to the form, with its cookie and Origin."""

    def __init__(self, port):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.cookie = None
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method, path, body=None):
        headers = {"Host": self.host}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Origin"] = f"http://{self.host}"
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        return response.status, response.getheader("Location"), data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields).encode())


def every_page(browser):
    """Every page a person can reach by GET: (address, bytes), the largest first."""
    sizes, seen = {}, {}

    def visit(path):
        if path not in seen:
            status, location, data = browser.get(path)
            seen[path] = status, data
            if status == 200:
                sizes[path] = len(data)
            if status == 303 and location:
                visit(location)
        return seen[path]

    _, tasks = visit("/tasks")
    sections = []
    for link in parse(tasks.decode()).links:
        if link.startswith("/section/"):
            section = link.split("/")[2]
            if section not in sections:
                sections.append(section)
    for section in sections:
        for index in range(60):
            path = f"/section/{section}/{index}"
            status, _ = visit(path)
            if status == 404:
                break
    for path in ("/check", "/finish", "/start"):
        visit(path)
    return sorted(sizes.items(), key=lambda item: -item[1]), len(sections)


def start(nrm, draft):
    """Starts the form and logs in as the browser does: its first request exchanges the
    printed token for the cookie."""
    server = subprocess.Popen(
        [nrm, "form", "--no-browser", "--today", TODAY, draft],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    address = server.stdout.readline().strip()
    if not address:
        server.kill()
        sys.exit("form.py: nrm form printed no address")
    parts = urllib.parse.urlsplit(address)
    browser = Browser(parts.port)
    browser.connection.request("GET", f"{parts.path}?{parts.query}", headers={"Host": browser.host})
    response = browser.connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    if response.status != 303 or not cookie:
        server.kill()
        sys.exit(f"form.py: the token's exchange answered {response.status}")
    browser.cookie = cookie.split(";")[0]
    return server, browser


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("nrm")
    arguments.add_argument("draft")
    arguments.add_argument("--continues", type=int, default=200)
    arguments.add_argument("--warmup", type=int, default=10)
    arguments.add_argument("--page", default="/section/exploitation/0")
    arguments.add_argument("--json")
    options = arguments.parse_args()

    server, browser = start(options.nrm, options.draft)
    try:
        status, _, page = browser.get(options.page)
        if status != 200:
            sys.exit(f"form.py: {options.page} answered {status}")
        fields = parse(page.decode()).fields
        names = dict(fields)
        if "_token" not in names or "_version" not in names:
            sys.exit("form.py: the page has no form token or version")

        def one_continue(fields):
            began = time.perf_counter()
            status, location, _ = browser.post(options.page, fields)
            if status != 303 or not location:
                sys.exit(f"form.py: the Continue answered {status}, not a redirect")
            posted = time.perf_counter()
            status, _, next_page = browser.get(location)
            took = time.perf_counter() - began
            post_times.append((posted - began) * 1000)
            if status != 200:
                sys.exit(f"form.py: {location} answered {status}")
            # The next page carries the draft's version as saved, for the next Continue.
            version = dict(parse(next_page.decode()).fields).get("_version")
            return took, [(n, version if n == "_version" else v) for n, v in fields]

        post_times = []
        for _ in range(options.warmup):
            _, fields = one_continue(fields)
        del post_times[:]
        times = []
        for _ in range(options.continues):
            took, fields = one_continue(fields)
            times.append(took * 1000)

        pages, sections = every_page(browser)
        browser.post("/close", [("_token", names["_token"])])
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

    times.sort()
    p95 = times[math.ceil(0.95 * len(times)) - 1]
    result = {
        "continues": len(times),
        "page": options.page,
        "min_ms": times[0],
        "median_ms": statistics.median(times),
        "p95_ms": p95,
        "max_ms": times[-1],
        "post_median_ms": statistics.median(post_times),
        "pages": len(pages),
        "sections": sections,
        "largest_page": pages[0][0],
        "largest_page_bytes": pages[0][1],
        "page_bytes": dict(pages),
    }
    if options.json:
        with open(options.json, "w") as out:
            json.dump(result, out, indent=2)
    print(f"{len(times)} Continues of {options.page} (POST, then GET of the page it redirects to):")
    print(
        f"  min {times[0]:.2f} ms, median {result['median_ms']:.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms"
    )
    print(f"  of which the POST (save and check), median {result['post_median_ms']:.2f} ms")
    print(f"  target p95 at most 20 ms: {'met' if p95 <= 20 else 'NOT MET'}")
    print(f"{len(pages)} pages of {sections} sections: the largest {pages[0][0]}, {pages[0][1]:,} bytes")
    print(f"  target every page at most 100 KB: {'met' if pages[0][1] <= 100_000 else 'NOT MET'}")


if __name__ == "__main__":
    main()

"""Real Chromium, driven through Playwright, against a live Staffroom server.

A newcomer signs up, gets the verification email from a real task worker, asks to join a
private community, a facilitator approves, and the newcomer finds they are in. Every page
on the way is checked with axe-core (no serious or critical violation: DESIGN rule 11)
and saved as a full-page screenshot. Two more tests: the keyboard reaches the skip link
first, and no page scrolls sideways on a phone.

Run them with ``uv run pytest -m browser -s src/staffroom/core/tests``.
"""

import email
import email.policy
import importlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.apps import apps as django_apps
from django.db import connection, connections
from django.urls import reverse

from staffroom.communities import services
from staffroom.communities.access import community_access_for
from staffroom.conftest import PASSWORD, make_user, require_in_ci

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the browser fixture skips, or fails in CI
    Axe = expect = sync_playwright = None

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
BLOCKING = {"serious", "critical"}
# axe-core's defaults plus the one WCAG 2.2 AA rule it leaves off: targets of 24 px.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}

NEWCOMER_NAME = "Nadia Newcomer"
NEWCOMER_EMAIL = "nadia@example.org"
NEWCOMER_PASSWORD = "a long passphrase for the staffroom"


@pytest.fixture
def browser(monkeypatch):
    """Chromium for one test. Skipped locally when Chromium or Playwright is missing;
    in CI (``STAFFROOM_REQUIRE_ALL``) that is a failure.

    Request it after the database fixtures: while the sync Playwright API runs, this
    thread sees a fresh set of Django connections (they live in context variables), so
    the test database must already be set up, and the extra connections are closed here
    before Playwright stops (PostgreSQL cannot drop a test database still in use)."""
    if not Path(CHROMIUM).exists():
        require_in_ci(f"Chromium is not installed at {CHROMIUM}")
    if sync_playwright is None or Axe is None:
        require_in_ci("Playwright or axe-playwright-python is not installed")
    # Playwright runs an event loop in this thread; the test's own ORM calls are still
    # plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    expect.set_options(timeout=10_000)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    finally:
        connections.close_all()
        playwright.stop()


@dataclass
class Visit:
    """Checks every page the browser lands on: axe-core, JavaScript errors, a screenshot."""

    page: object
    folder: Path
    count: int = 0
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.axe = Axe()
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _console(self, message) -> None:
        # A failed load is reported (with its URL) by _response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(f"{self.page.url}: {message.text}")

    def _response(self, response) -> None:
        # Chromium asks for /favicon.ico on its own; we do not ship one.
        if response.status >= 400 and urlsplit(response.url).path != "/favicon.ico":
            self.errors.append(f"{response.status} for {response.url} on {self.page.url}")

    def check(self, name: str) -> None:
        page = self.page
        page.wait_for_load_state("load")
        self.count += 1
        page.screenshot(path=self.folder / f"{self.count:02d}-{name}.png", full_page=True)
        violations = self.axe.run(page, options=AXE_OPTIONS).response["violations"]
        for violation in violations:
            nodes = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            line = (
                f"[{violation['impact']}] {name} {page.url}: {violation['id']}: "
                f"{violation['help']} ({nodes})"
            )
            print(line)
            if violation["impact"] in BLOCKING:
                self.problems.append(line)

    def assert_clean(self) -> None:
        assert not self.problems, "axe-core found serious or critical problems:\n" + "\n".join(
            self.problems
        )
        assert not self.errors, "the browser reported errors:\n" + "\n".join(self.errors)


def _new_page(browser, **options):
    # bypass_csp lets axe-core be injected under our strict Content-Security-Policy.
    context = browser.new_context(bypass_csp=True, locale="en-US", **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def _database_url() -> str:
    """A URL for the database this test is using, so a worker process shares it: the
    SQLite test database is a file under var/, the PostgreSQL one is ``test_<name>``."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    assert connection.vendor == "postgresql", connection.vendor
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{quote(db['NAME'], safe='')}"


def run_worker() -> str:
    """Run everything queued with the real worker, in its own process, with mail printed
    to its stdout (EMAIL_URL=console:); return that output."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_URL": "console:",
        "DJANGO_SETTINGS_MODULE": "staffroom.settings",
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(Path(__file__).resolve().parents[3]), os.environ.get("PYTHONPATH")])
        ),
        "LOG_LEVEL": "WARNING",
    }
    script = Path(sys.executable).with_name("staffroom")
    if script.exists():
        command = [str(script), "worker", "--batch", "--interval", "0"]
    else:
        command = [sys.executable, "-m", "django", "db_worker", "--batch", "--no-startup-delay"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the worker failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _messages_to(output: str, address: str) -> list[str]:
    """The plain-text bodies of the messages the console mailer printed for ``address``
    (it separates messages with a line of 79 dashes)."""
    bodies = []
    for chunk in output.split("-" * 79):
        if not chunk.strip():
            continue
        message = email.message_from_string(chunk.lstrip(), policy=email.policy.default)
        if address in str(message["To"] or ""):
            bodies.append(f"{message['Subject']}\n{message.get_body(('plain',)).get_content()}")
    return bodies


def _sign_in(page, visit: Visit, email: str, password: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").click()
    visit.check("sign-in")
    page.get_by_label(re.compile(r"^Email:?$")).fill(email)
    page.get_by_label(re.compile(r"^Password:?$")).fill(password)
    page.locator("main").get_by_role("button", name=re.compile("^sign in$", re.I)).click()
    page.get_by_role("button", name="Sign out").wait_for()


def _sign_out(page, visit: Visit) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign in").wait_for()
    visit.check("signed-out")


def check_pages(browser, base_url: str, folder: Path, pages, order) -> Visit:
    """Visit each ``(name, viewer, url)`` as its viewer (None: signed out), signing in
    once per viewer in ``order``, with axe-core and a screenshot each. Returns the
    visit, for ``assert_clean()``."""
    from staffroom.conftest import PASSWORD

    folder.mkdir(parents=True, exist_ok=True)
    context, page = _new_page(browser)
    visit = Visit(page, folder)
    signed_in = None
    for name, viewer, url in sorted(pages, key=lambda page: order[page[1]]):
        if viewer != signed_in:
            if signed_in is not None:
                page.get_by_role("button", name="Sign out").click()
            if viewer is not None:
                page.goto(base_url + "/")
                _sign_in(page, visit, viewer.email, PASSWORD)
            signed_in = viewer
        page.goto(base_url + url)
        visit.check(re.sub(r"\W+", "-", name))
    context.close()
    return visit


@pytest.fixture
def vocabulary(transactional_db):
    """The subjects and grade bands a data migration seeds, so the profile page shows
    them: the flush after each transactional test removes them. (Serialized rollback
    would restore them, but clashes with the content types a plain transactional test
    recreates after its flush.)"""
    seed = importlib.import_module("staffroom.accounts.migrations.0002_subjects_and_grade_bands")
    seed.load(django_apps, None)


def test_newcomer_signs_up_asks_to_join_and_is_approved(
    transactional_db, live_server, world, browser, screenshots
):
    context, page = _new_page(browser)
    visit = Visit(page, screenshots)
    community = world.private  # private, joined on request

    # A newcomer arrives and signs up.
    page.goto(live_server.url)
    visit.check("home")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign up").click()
    visit.check("sign-up")
    page.get_by_label("Your name").fill(NEWCOMER_NAME)
    page.get_by_label(re.compile(r"^Email:?$")).fill(NEWCOMER_EMAIL)
    page.get_by_label(re.compile(r"^Password:?$")).fill(NEWCOMER_PASSWORD)
    page.get_by_label(re.compile(r"^Password \(again\)")).fill(NEWCOMER_PASSWORD)
    page.locator("main").get_by_role("button", name=re.compile("^sign up$", re.I)).click()
    page.get_by_role("heading", name=re.compile("verify your email", re.I)).wait_for()
    visit.check("verification-sent")

    # The task queue delivers the verification email.
    outbox = run_worker()
    [message] = _messages_to(outbox, NEWCOMER_EMAIL)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message)
    assert link, f"no verification link in:\n{message}"
    assert link[0].startswith(live_server.url), link[0]
    page.goto(link[0])
    visit.check("confirm-email")
    page.locator("main").get_by_role("button", name="Confirm").click()
    page.get_by_role("button", name="Sign out").wait_for()
    visit.check("signed-in")

    # They find the community with the search box and ask to join.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Communities").click()
    page.get_by_role("link", name="Find a community").click()
    visit.check("communities")
    search = page.get_by_role("searchbox", name="Search communities")
    search.fill("counselors")
    search.press("Enter")
    results = page.locator("#results")
    expect(results.get_by_role("link", name=world.public.name)).to_have_count(0)
    expect(results.get_by_role("link", name=community.name)).to_have_count(1)
    visit.check("search-results")
    results.get_by_role("link", name=community.name).click()
    page.get_by_role("heading", name=community.name, level=1).wait_for()
    visit.check("community-detail")
    page.get_by_label("A note to the facilitators").fill(
        "I am the only counselor in a K-12 school of 140 students."
    )
    page.get_by_role("button", name="Ask to join").click()
    page.get_by_text("Your request was sent").wait_for()
    visit.check("request-sent")
    _sign_out(page, visit)

    # The facilitator signs in and approves.
    _sign_in(page, visit, world.facilitator.email, PASSWORD)
    visit.check("facilitator-signed-in")
    page.get_by_role("link", name=community.name).first.click()
    visit.check("facilitator-community")
    page.get_by_role("link", name="Members, requests and invitations").click()
    requests = page.locator("#requests")
    requests.get_by_text("I am the only counselor").wait_for()
    visit.check("member-management")
    requests.get_by_role("button", name=f"Approve {NEWCOMER_NAME}").click()
    page.locator("#requests").get_by_text(f"{NEWCOMER_NAME} is now a member.").wait_for()
    visit.check("approved")
    _sign_out(page, visit)

    # The newcomer signs in and sees they are a member.
    _sign_in(page, visit, NEWCOMER_EMAIL, NEWCOMER_PASSWORD)
    mine = page.locator("#results")
    mine.get_by_role("link", name=community.name).wait_for()
    visit.check("newcomer-communities")
    mine.get_by_role("link", name=community.name).click()
    page.get_by_text("You are a member").wait_for()
    visit.check("newcomer-member")

    # The worker delivers what the request and the approval queued.
    outbox = run_worker()
    told = _messages_to(outbox, world.facilitator.email)
    assert any(f"{NEWCOMER_NAME} asked to join" in m for m in told), outbox
    welcomed = _messages_to(outbox, NEWCOMER_EMAIL)
    assert any(f"Welcome to {community.name}" in m for m in welcomed), outbox

    context.close()
    visit.assert_clean()


def test_axe_reports_what_it_should(browser):
    """The checks above are only as good as their plumbing: show axe-core a bad page."""
    context, page = _new_page(browser)
    page.set_content(
        '<html><body><img src="data:,"><input type="text">'
        '<button style="all:unset;width:8px;height:8px">a</button>'
        '<button style="all:unset;width:8px;height:8px">b</button></body></html>'
    )
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    found = {v["id"]: v["impact"] for v in violations}
    context.close()
    assert found.get("image-alt") == "critical", found
    assert found.get("label") == "critical", found
    assert "html-has-lang" in found, found
    assert found.get("target-size") == "serious", found


def test_keyboard_reaches_the_skip_link_first(live_server, browser, screenshots):
    context, page = _new_page(browser)
    visit = Visit(page, screenshots)
    page.goto(live_server.url)
    visit.check("home")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const el = document.activeElement, box = el.getBoundingClientRect(),
                  style = getComputedStyle(el);
            return {text: el.textContent.trim(), href: el.getAttribute("href"),
                    left: box.left, top: box.top, right: box.right, bottom: box.bottom,
                    width: box.width, height: box.height, outline: style.outlineStyle,
                    outlineWidth: parseFloat(style.outlineWidth),
                    innerWidth: innerWidth, innerHeight: innerHeight};
        }"""
    )
    assert focused["text"] == "Skip to content", focused
    assert focused["href"] == "#main", focused
    assert focused["width"] > 0 and focused["height"] > 0, focused
    assert focused["left"] >= 0 and focused["right"] <= focused["innerWidth"], focused
    assert focused["top"] >= 0 and focused["bottom"] <= focused["innerHeight"], focused
    assert focused["outline"] != "none" and focused["outlineWidth"] >= 2, focused
    page.screenshot(path=screenshots / "02-skip-link-focused.png")

    # Following it moves the keyboard into the main content.
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    context.close()
    visit.assert_clean()


def test_pages_fit_a_phone_screen(
    transactional_db, live_server, world, vocabulary, browser, screenshots
):
    """At 390 by 844 pixels no page scrolls sideways, signed out or signed in as a facilitator."""
    waiting = make_user("wanda@example.org", "Wanda Waiting")
    services.membership_request(
        actor=waiting,
        access=community_access_for(waiting, world.private),
        message="Our district just lost its only counselor; I am covering two schools.",
    )
    context, page = _new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    visit = Visit(page, screenshots)
    private, public = world.private.slug, world.public.slug
    anonymous = [
        reverse("home"),
        reverse("communities:community_list"),
        reverse("communities:community_detail", args=[public]),
        reverse("communities:hub_detail", args=[world.hub.slug]),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("account_request_login_code"),
    ]
    facilitator = [
        reverse("communities:community_list") + "?scope=mine",
        reverse("communities:community_list") + "?scope=discover",
        reverse("communities:community_detail", args=[private]),
        reverse("communities:member_manage", args=[private]),
        reverse("communities:community_members", args=[private]),
        reverse("communities:directory"),
        reverse("communities:search") + "?q=science",
        reverse("communities:peers"),
        reverse("communities:person_detail", args=[world.member.public_id]),
        reverse("accounts:profile_edit"),
        reverse("account_email"),
        reverse("account_change_password"),
    ]
    too_wide = []

    def measure(path: str) -> None:
        page.goto(live_server.url + path)
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        visit.check(name)
        width = page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
        if width[0] > width[1]:
            too_wide.append(f"{path}: {width[0]}px wide in a {width[1]}px window")

    for path in anonymous:
        measure(path)
    page.goto(live_server.url)
    _sign_in(page, visit, world.facilitator.email, PASSWORD)
    for path in facilitator:
        measure(path)
    context.close()
    assert not too_wide, "pages scroll sideways on a phone:\n" + "\n".join(too_wide)
    visit.assert_clean()


def test_worker_database_url_names_the_test_database(db):
    """The worker must use the database the live server reads, never the real one."""
    path = urlsplit(_database_url()).path
    assert path.endswith(quote(connection.settings_dict["NAME"], safe="/"))
    assert Path(path).name.startswith("test"), path

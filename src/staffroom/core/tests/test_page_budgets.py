"""Light pages for slow rural links (DESIGN rule 5), measured on every page a visitor,
a member and a facilitator can reach.

Budgets, gzipped: the HTML of a page ≤ 14 KB (one TCP round trip), all CSS ≤ 10 KB,
all JS ≤ 20 KB. Besides: one stylesheet per page, no web fonts, scripts only from our own
static files and deferred, and nothing the Content-Security-Policy would block (inline
scripts, ``on*=`` handlers, inline styles).

HTML is gzipped as ``GZipMiddleware`` sends it (level 6); static files as whitenoise
stores them (level 9). The pages are rendered with the demo hub when it can be loaded
(the realistic case), otherwise with the ``world`` personas.
"""

import datetime as dt
import gzip
import importlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import compress_string

from staffroom.accounts.models import User
from staffroom.communities import services
from staffroom.communities.access import community_access_for
from staffroom.communities.models import Community, Hub, HubRole, Membership
from staffroom.conftest import make_user
from staffroom.meetings import attendance, credit
from staffroom.meetings import services as meeting_services
from staffroom.meetings.models import Attendance, Certificate, Series, Session
from staffroom.meetings.tests.factories import series_fields

KB = 1024
HTML_BUDGET = 14 * KB
CSS_BUDGET = 10 * KB
JS_BUDGET = 20 * KB

WEB_FONT = re.compile(
    r"@font-face|fonts\.googleapis|fonts\.gstatic|\.woff2?\b|\.ttf\b|\.otf\b", re.I
)


# --- what a page links ------------------------------------------------------------------


@dataclass
class PageAssets:
    """What one HTML page asks the browser to fetch or run."""

    stylesheets: list[str] = field(default_factory=list)
    scripts: list[dict] = field(default_factory=list)  # {"src", "defer", "type"}
    inline_scripts: list[str] = field(default_factory=list)
    inline_styles: list[str] = field(default_factory=list)  # <style> blocks
    handlers: list[str] = field(default_factory=list)  # "<tag onclick=...>"
    style_attributes: list[str] = field(default_factory=list)
    font_links: list[str] = field(default_factory=list)


class _AssetParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.assets = PageAssets()
        self._in = None  # "script" or "style" while inside an inline one
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.assets.handlers.append(f"<{tag} {name}={value!r}>")
            if name.lower() == "style":
                self.assets.style_attributes.append(f"<{tag} style={value!r}>")
        if tag == "link":
            rel = (attributes.get("rel") or "").lower().split()
            href = attributes.get("href") or ""
            if "stylesheet" in rel:
                self.assets.stylesheets.append(href)
            if WEB_FONT.search(href) or attributes.get("as") == "font":
                self.assets.font_links.append(href)
        elif tag == "script":
            if attributes.get("src"):
                self.assets.scripts.append(
                    {
                        "src": attributes["src"],
                        "defer": "defer" in attributes,
                        "type": attributes.get("type") or "",
                    }
                )
            elif (attributes.get("type") or "").lower() != "application/json":
                # json_script data blocks are not run, so the CSP allows them.
                self._in, self._buffer = "script", []
        elif tag == "style":
            self._in, self._buffer = "style", []

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == self._in:
            body = "".join(self._buffer)
            if tag == "script":
                self.assets.inline_scripts.append(body.strip() or "<empty inline script>")
            else:
                self.assets.inline_styles.append(body.strip())
            self._in = None


def page_assets(html: str) -> PageAssets:
    parser = _AssetParser()
    parser.feed(html)
    parser.close()
    return parser.assets


def page_problems(name: str, response) -> list[str]:
    """What is wrong with one page: over the HTML budget, or something the CSP would
    block (inline scripts, styles or event handlers)."""
    problems = []
    size = gzip_size(response.content)
    if size > HTML_BUDGET:
        problems.append(f"{name}: {size} bytes gzipped")
    assets = page_assets(response.content.decode())
    problems += [f"{name}: {what}" for what in (
        *assets.handlers, *assets.inline_scripts, *assets.inline_styles, *assets.style_attributes,
    )]  # fmt: skip
    return problems


def pages_problems(client, pages) -> list[str]:
    """``page_problems`` of each ``(name, viewer, url)``, each fetched as its viewer (None:
    signed out); every page must answer 200."""
    problems = []
    for name, viewer, url in pages:
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200, name
        problems += page_problems(name, response)
    return problems


def static_path(url: str) -> Path:
    """The file behind one of our /static/ URLs, found the way runserver finds it."""
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not one of our static files"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} links a static file that does not exist"
    return Path(found)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# --- the people and places to render ------------------------------------------------------


@dataclass
class Sessions:
    """Where the sessions pages are: a series with sessions past and to come, in a
    community the member belongs to (a public one if there is one), and the member's
    attendance at a past session with a certificate of it."""

    community: Community
    runner: User  # runs ``community``
    series: Series
    past: Session  # the member attended it
    upcoming: Session
    certificate: Certificate


@dataclass
class Site:
    hub: Hub
    facilitator: User  # facilitates ``communities[0]``
    member: User
    outsider: User  # signed in, belongs to nothing
    communities: list[tuple[Community, User]]  # each with someone who runs it
    invitation_token: str
    source: str  # "demo" or "world"
    sessions: Sessions


def _demo_loader():
    """``demo_load`` if the demo hub exists in this checkout; a broken one still fails."""
    try:
        module = importlib.import_module("staffroom.demo.loader")
    except ModuleNotFoundError as error:
        if error.name != "staffroom.demo.loader":
            raise
        return None
    return getattr(module, "demo_load", None)


def _runner_of(community: Community) -> User | None:
    membership = (
        Membership.objects.filter(
            community=community,
            role=Membership.Role.FACILITATOR,
            status=Membership.Status.ACTIVE,
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership:
        return membership.user
    staff = HubRole.objects.filter(hub=community.hub, role=HubRole.Role.ADMIN).first()
    return staff.user if staff else None


def _site_from_demo(demo_load) -> Site:
    demo_load()
    communities = [
        (community, runner)
        for community in Community.objects.select_related("hub").order_by("name")
        if (runner := _runner_of(community))
    ]
    assert communities, "the demo hub has no community with a facilitator"
    community, facilitator = next(
        ((c, u) for c, u in communities if c.join_policy == "request"), communities[0]
    )
    communities.remove((community, facilitator))
    communities.insert(0, (community, facilitator))
    busiest_member = (
        Membership.objects.filter(role=Membership.Role.MEMBER, status=Membership.Status.ACTIVE)
        .values("user")
        .annotate(n=Count("pk"))
        .order_by("-n", "user")
        .first()
    )
    member = User.objects.get(pk=busiest_member["user"])
    outsider = make_user("budget-outsider@example.org", "Budget Outsider")
    return _finish_site(community.hub, facilitator, member, outsider, communities, "demo")


def _site_from_world(world) -> Site:
    communities = [(c, world.facilitator) for c in (world.private, world.public, world.hidden)]
    return _finish_site(
        world.hub, world.facilitator, world.member, world.outsider, communities, "world"
    )


def _finish_site(hub, facilitator, member, outsider, communities, source) -> Site:
    community = communities[0][0]
    access = community_access_for(facilitator, community)
    invitation = services.invitation_create(
        actor=facilitator, access=access, email="budget-invitee@example.org", role="member"
    )
    if community.join_policy == "request":
        # A waiting request, so member management shows its approve/decline forms.
        services.membership_request(
            actor=outsider,
            access=community_access_for(outsider, community),
            message="I run the science department of a K-12 school of 90 students.",
        )
        outsider = make_user("budget-newcomer@example.org", "Budget Newcomer")
    sessions = _sessions(member, communities)
    return Site(hub, facilitator, member, outsider, communities, invitation.token, source, sessions)


def _series_with_both(community: Community) -> tuple[Series, Session, Session] | None:
    """A series of ``community`` with a session held and one to come, if it has one."""
    now = timezone.now()
    for series in Series.objects.filter(community=community).order_by("pk"):
        held = series.sessions.exclude(status=Session.Status.CANCELLED)
        past = held.filter(ends_at__lt=now).order_by("-starts_at").first()
        upcoming = held.filter(starts_at__gt=now).order_by("starts_at").first()
        if past and upcoming:
            return series, past, upcoming
    return None


def _sessions(member: User, communities: list[tuple[Community, User]]) -> Sessions:
    """The source's own series when it has one, else a weekly series made here that
    began three weeks ago; the member attends its last session and gets a certificate."""
    theirs = [
        (community, runner)
        for community, runner in communities
        if community.memberships.filter(user=member, status=Membership.Status.ACTIVE).exists()
    ]
    assert theirs, "the member belongs to none of the communities"
    theirs.sort(key=lambda pair: pair[0].visibility != "public")  # visitors see a public one
    found = next(((c, r, both) for c, r in theirs if (both := _series_with_both(c))), None)
    if found:
        community, runner, (series, past, upcoming) = found
    else:
        community, runner = theirs[0]
        today = timezone.localdate()
        meeting_services.series_create(
            actor=runner, access=community_access_for(runner, community),
            **series_fields(rrule="FREQ=WEEKLY", first_date=today - dt.timedelta(weeks=3),
                            last_date=today + dt.timedelta(weeks=8)),
        )  # fmt: skip
        series, past, upcoming = _series_with_both(community)
    if not Attendance.objects.filter(session=past, user=member).exists():
        attendance.attendance_roll_call(
            actor=runner, access=community_access_for(runner, community), session=past,
            marks=[attendance.Mark(member, True)],
        )  # fmt: skip
    certificate = Certificate.objects.filter(user=member).order_by("pk").first()
    if certificate is None:
        day = past.starts_at.astimezone(ZoneInfo(past.time_zone)).date()
        certificate = credit.certificate_issue(
            actor=member, hub=community.hub, date_from=day, date_to=day
        )
    return Sessions(community, runner, series, past, upcoming, certificate)


@pytest.fixture
def site(db, request) -> Site:
    demo_load = _demo_loader()
    if demo_load is not None:
        return _site_from_demo(demo_load)
    return _site_from_world(request.getfixturevalue("world"))


def _detail(slug: str) -> str:
    return reverse("communities:community_detail", args=[slug])


def _person(public_id: str) -> str:
    return reverse("communities:person_detail", args=[public_id])


def _pages(site: Site) -> list[tuple[str, User | None, str]]:
    """(label, viewer, url) for every page people reach; None is the anonymous visitor."""
    first = site.communities[0][0]
    other = (
        Membership.objects.filter(
            community__in=site.member.memberships.filter(status="active").values("community"),
            status="active",
        )
        .exclude(user=site.member)
        .values_list("user__public_id", flat=True)
        .first()
    )
    invitation = reverse("communities:invitation_accept", args=[site.invitation_token])
    communities = reverse("communities:community_list")
    pages: list[tuple[str, User | None, str]] = [
        ("home", None, reverse("home")),
        ("communities", None, communities),
        ("hub", None, reverse("communities:hub_detail", args=[site.hub.slug])),
        ("invitation", None, invitation),
        ("sign in", None, reverse("account_login")),
        ("sign up", None, reverse("account_signup")),
        ("password reset", None, reverse("account_reset_password")),
        ("sign in by code", None, reverse("account_request_login_code")),
        ("your communities", site.member, f"{communities}?scope=mine"),
        ("find a community", site.member, f"{communities}?scope=discover"),
        ("search communities", site.member, f"{communities}?scope=discover&q=a"),
        ("directory", site.member, reverse("communities:directory")),
        ("search", site.member, reverse("communities:search") + "?q=session*"),
        ("search", None, reverse("communities:search")),
        ("peers", site.member, reverse("communities:peers")),
        ("own profile", site.member, _person(site.member.public_id)),
        ("profile edit", site.member, reverse("accounts:profile_edit")),
        ("account email", site.member, reverse("account_email")),
        ("account password", site.member, reverse("account_change_password")),
        ("two-factor", site.member, reverse("mfa_index")),
        ("hub", site.member, reverse("communities:hub_detail", args=[site.hub.slug])),
        ("find a community", site.outsider, f"{communities}?scope=discover"),
        ("community detail", site.outsider, _detail(first.slug)),
        ("invitation", site.outsider, invitation),
        ("directory", site.facilitator, reverse("communities:directory")),
    ]
    if other:
        pages.append(("person", site.member, _person(other)))
    for community, runner in site.communities:
        slug = community.slug
        pages += [
            (f"{slug} detail", runner, _detail(slug)),
            (f"{slug} members", runner, reverse("communities:community_members", args=[slug])),
            (f"{slug} manage", runner, reverse("communities:member_manage", args=[slug])),
        ]
        if community.visibility == "public":
            pages.append((f"{slug} detail", None, _detail(slug)))
    return pages + _session_pages(site)


def _session_pages(site: Site) -> list[tuple[str, User | None, str]]:
    """The sessions pages (the ``meetings`` app)."""
    places = site.sessions
    slug, member, runner = places.community.slug, site.member, places.runner

    def url(name: str, *args) -> str:
        return reverse(f"meetings:{name}", args=[slug, *args])

    upcoming, past = places.upcoming.public_id, places.past.public_id
    pages = [
        ("sessions", member, url("session_list")),
        ("past sessions", member, url("session_list") + "?tab=past"),
        ("sessions", runner, url("session_list")),
        ("session", member, url("session_detail", upcoming)),
        ("session held", member, url("session_detail", past)),
        ("session held", runner, url("session_detail", past)),
        ("series", member, url("series_detail", places.series.public_id)),
        ("roll call", runner, url("attendance_roll_call", past)),
        ("my sessions", member, reverse("meetings:my_sessions")),
        ("transcript", member, reverse("meetings:transcript")),
        ("certificate", member,
         reverse("meetings:certificate_detail", args=[places.certificate.code])),
        ("calendar", member, reverse("meetings:calendar_detail")),
    ]  # fmt: skip
    if places.community.visibility == "public":
        pages += [
            ("sessions", None, url("session_list")),
            ("session", None, url("session_detail", upcoming)),
        ]
    return pages


@dataclass
class Rendered:
    label: str
    viewer: str
    url: str
    html: str

    @property
    def name(self) -> str:
        return f"{self.label} ({self.viewer}) {self.url}"

    @property
    def gzip_bytes(self) -> int:
        return len(compress_string(self.html.encode()))


_RENDERED = pytest.StashKey[tuple[str, list[Rendered]]]()


@pytest.fixture
def rendered(db, request) -> list[Rendered]:
    """Every page, rendered once per test session: loading the demo hub takes seconds,
    and the pages are plain strings that no test changes."""
    if _RENDERED not in request.config.stash:
        site = request.getfixturevalue("site")
        request.config.stash[_RENDERED] = (site.source, _render(site))
    return request.config.stash[_RENDERED][1]


def _render(site: Site) -> list[Rendered]:
    results = []
    for label, viewer, url in _pages(site):
        client = Client()
        if viewer is not None:
            client.force_login(viewer)
        response = client.get(url)
        who = "visitor" if viewer is None else viewer.email
        assert response.status_code == 200, f"{label} ({who}) {url}: {response.status_code}"
        assert response["Content-Type"].startswith("text/html")
        results.append(Rendered(label, who, url, response.content.decode()))
    return results


# --- the budgets --------------------------------------------------------------------------


def test_every_page_fits_the_html_budget(rendered, request):
    sizes = sorted(((page.gzip_bytes, page.name) for page in rendered), reverse=True)
    source = request.config.stash[_RENDERED][0]
    print(f"\nHTML, gzipped, {len(sizes)} pages rendered with the {source} data; the largest:")
    for size, name in sizes[:5]:
        print(f"  {size / KB:5.1f} KB  {name}")
    over = [f"{size / KB:.1f} KB  {name}" for size, name in sizes if size > HTML_BUDGET]
    assert not over, "pages over the 14 KB HTML budget:\n" + "\n".join(over)


def _linked(rendered, kind: str) -> set[str]:
    urls = set()
    for page in rendered:
        assets = page_assets(page.html)
        if kind == "css":
            urls.update(assets.stylesheets)
        else:
            urls.update(script["src"] for script in assets.scripts)
    return urls


def test_linked_css_fits_the_budget(rendered):
    files = {url: static_path(url) for url in _linked(rendered, "css")}
    assert files, "no page links a stylesheet"
    total = 0
    for url, path in sorted(files.items()):
        css = path.read_text()
        assert not WEB_FONT.search(css), f"{url} uses a web font"
        assert "@import" not in css, f"{url} imports another stylesheet"
        total += gzip_size(css.encode())
    print(f"\nCSS, gzipped: {total / KB:.1f} KB ({', '.join(sorted(files))})")
    assert total <= CSS_BUDGET, f"CSS is {total / KB:.1f} KB gzipped, over the 10 KB budget"


def test_linked_js_fits_the_budget(rendered):
    files = {url: static_path(url) for url in _linked(rendered, "js")}
    assert any(path.name.startswith("htmx") for path in files.values()), "htmx is not linked"
    total = sum(gzip_size(path.read_bytes()) for path in files.values())
    print(f"\nJS, gzipped: {total / KB:.1f} KB ({', '.join(sorted(files))})")
    assert total <= JS_BUDGET, f"JS is {total / KB:.1f} KB gzipped, over the 20 KB budget"


def test_pages_link_one_stylesheet_and_no_web_fonts(rendered):
    problems = []
    for page in rendered:
        assets = page_assets(page.html)
        if len(assets.stylesheets) > 1:
            problems.append(f"{page.name}: {len(assets.stylesheets)} stylesheets")
        if assets.font_links or WEB_FONT.search(" ".join(assets.inline_styles)):
            problems.append(f"{page.name}: web fonts {assets.font_links}")
    assert not problems, "\n".join(problems)


def test_pages_load_only_our_own_deferred_scripts(rendered):
    problems = []
    for page in rendered:
        for script in page_assets(page.html).scripts:
            src = script["src"]
            if not src.startswith(settings.STATIC_URL) or urlsplit(src).netloc:
                problems.append(f"{page.name}: script from elsewhere {src}")
            if not script["defer"]:
                problems.append(f"{page.name}: {src} is not deferred")
    assert not problems, "\n".join(problems)


def test_pages_have_nothing_the_csp_blocks(rendered):
    """script-src and style-src are 'self' only: inline code would silently not run."""
    problems = []
    for page in rendered:
        assets = page_assets(page.html)
        problems += [f"{page.name}: inline handler {h}" for h in assets.handlers]
        problems += [f"{page.name}: inline <script> {s[:60]!r}" for s in assets.inline_scripts]
        problems += [f"{page.name}: inline <style> {s[:60]!r}" for s in assets.inline_styles]
        problems += [f"{page.name}: style attribute {s}" for s in assets.style_attributes]
    assert not problems, "\n".join(problems)


def test_asset_parser_finds_what_the_csp_forbids():
    """The checks above are only as good as the parser: show it the bad things."""
    assets = page_assets(
        '<link rel="stylesheet" href="/static/a.css"><link rel="stylesheet" href="https://x/b.css">'
        '<link rel="preload" as="font" href="/static/f.woff2">'
        '<script src="/static/core/htmx.min.js" defer></script><script src="https://cdn/x.js"></script>'
        '<script>alert(1)</script><script type="application/json">{}</script>'
        '<button onclick="go()">Go</button><p style="color:red">x</p><style>p{}</style>'
    )
    assert assets.stylesheets == ["/static/a.css", "https://x/b.css"]
    assert assets.font_links == ["/static/f.woff2"]
    assert [(s["src"], s["defer"]) for s in assets.scripts] == [
        ("/static/core/htmx.min.js", True),
        ("https://cdn/x.js", False),
    ]
    assert assets.inline_scripts == ["alert(1)"]
    assert assets.handlers == ["<button onclick='go()'>"]
    assert assets.style_attributes == ["<p style='color:red'>"]
    assert assets.inline_styles == ["p{}"]

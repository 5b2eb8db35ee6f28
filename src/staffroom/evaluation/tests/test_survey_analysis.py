"""A survey's analysis page and downloads: the page gives what ``staffroom analyze``
gives on the downloaded files, R's numbers on R's ``sleep`` data, anonymous pairing by
code, suppressed small groups, attendance for identified surveys only, safe CSV cells,
and 404s for anyone who does not manage the survey."""

import csv
import datetime as dt
import io
import itertools
import math

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from staffroom.accounts.services import profile_update
from staffroom.communities import services as community_services
from staffroom.communities.access import community_access_for
from staffroom.communities.models import Hub, HubRole
from staffroom.communities.services import membership_join
from staffroom.conftest import make_user
from staffroom.core.tests.test_page_budgets import pages_problems
from staffroom.evaluation import survey_analysis, survey_exports, surveys
from staffroom.evaluation.analysis import Analysis, PairedComparison, ScaleResult, analyze_files
from staffroom.evaluation.instruments import version_dictionary
from staffroom.evaluation.models import Invitation, Response
from staffroom.evaluation.redcap import dictionary_read
from staffroom.evaluation.tests.survey_factories import AGREE, make_survey, make_version
from staffroom.evaluation.tests.test_stats import SLEEP_1, SLEEP_2
from staffroom.meetings.attendance import Mark, attendance_roll_call
from staffroom.meetings.tests.factories import make_session

# Two scales of two Likert items (one reversed), a text answer and a checkbox.
ROWS = [
    ("calm", "radio", "I stay calm in hard lessons.", AGREE, "", "", "@SCALE=steady"),
    ("rushed", "radio", "I feel rushed most days.", AGREE, "", "", "@SCALE=steady @REVERSE"),
    ("heard", "radio", "Colleagues hear my ideas.", AGREE, "", "", "@SCALE=belong"),
    ("alone", "radio", "I plan alone.", AGREE, "", "", "@SCALE=belong @REVERSE"),
    ("tools", "checkbox", "Which tools do you use?", "1, Email | 2, Video", "", "", ""),
    ("note", "notes", "Anything else?", "", "", "", ""),
]
SLEEP_ROWS = [
    ("extra", "text", "Extra hours of sleep", "", "", "y", "@SCALE=sleep", "number", "-10", "10"),
]


_NUMBERS = itertools.count(1)


def open_waves(*, pre_days_ago=10, post_days_ago=1):
    """A pre and a post wave, both open now, so one test can answer both."""
    now = timezone.now()
    return [
        surveys.WaveSpec(kind=kind, opens_at=now - dt.timedelta(days=days),
                         closes_at=now + dt.timedelta(days=20))
        for kind, days in (("pre", pre_days_ago), ("post", post_days_ago))
    ]  # fmt: skip


def people(world, count, *, role="teacher", years=5, community=None):
    """``count`` new members of the community (default: the public one) with a profile."""
    community = community or world.public
    made = []
    for _ in range(count):
        n = next(_NUMBERS)
        user = make_user(f"person{n}@example.org", f"Person {n}")
        profile_update(
            actor=user, display_name=user.display_name, pronouns="", role=role, subjects=[],
            grade_bands=[], years_in_profession=years, languages="", bio="",
            time_zone="America/Chicago", language="en",
            school={"name": "Prairie School", "district": "Prairie", "state": "KS",
                    "locale": "rural"},
        )  # fmt: skip
        membership_join(actor=user, access=community_access_for(user, community))
        made.append(user)
    return made


def answer(survey, wave, user, answers, *, code=""):
    surveys.wave_invite(wave_id=wave.pk)
    invitation = Invitation.objects.get(wave=wave, user=user)
    saved = surveys.response_save(
        invitation=invitation, answers=answers, submit=True, pairing_code=code,
        items=list(survey.version.items.order_by("position")),
    )  # fmt: skip
    assert saved.status == surveys.Outcome.SUBMITTED, saved.problems


def download(client, survey, kind) -> bytes:
    response = client.get(reverse("evaluation:survey_export", args=[survey.public_id, kind]))
    assert response.status_code == 200
    return response.content


def rows_of(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def close(a, b, path="") -> list[str]:
    """Where two JSON-like values differ by more than 1e-9 (None == None)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys {sorted(a)} != {sorted(b)}"]
        return [d for k in a for d in close(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: lengths {len(a)} != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in close(x, y, path)]
    if isinstance(a, float) and isinstance(b, float):
        return [] if math.isclose(a, b, rel_tol=0, abs_tol=1e-9) else [f"{path}: {a} != {b}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


@pytest.fixture
def pre_post(world):
    return fill(world)


def fill(world):
    """An identified pre/post survey of the public community: 7 people answer both
    waves (one leaves an item out), one only the pre wave."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    crowd = people(world, 8)
    for k, person in enumerate(crowd):
        first = {"calm": str(1 + k % 4), "rushed": str(4 - k % 3), "heard": str(1 + (k * 3) % 4),
                 "alone": str(1 + (k + 1) % 4), "tools": ["1"] if k % 2 else ["1", "2"],
                 "note": "=HYPERLINK(\"http://x\")" if k == 0 else "fine"}  # fmt: skip
        if k == 3:
            del first["heard"]
        answer(survey, pre, person, first)
        if k < 7:
            later = {"calm": str(1 + (k + 1) % 4), "rushed": str(1 + k % 4),
                     "heard": str(1 + (k * 5) % 4), "alone": str(1 + k % 2)}  # fmt: skip
            answer(survey, post, person, later)
    return survey, crowd


def test_the_page_gives_what_staffroom_analyze_gives_on_the_downloads(
    client, world, pre_post, tmp_path
):
    survey, _crowd = pre_post
    client.force_login(world.facilitator)
    (tmp_path / "responses.csv").write_bytes(download(client, survey, "responses.csv"))
    (tmp_path / "dictionary.csv").write_bytes(download(client, survey, "dictionary.csv"))
    command_line = analyze_files(tmp_path / "dictionary.csv", tmp_path / "responses.csv").as_json()
    web = survey_analysis.survey_analysis(survey).analysis.as_json()
    assert web["respondents"] == {"pre": 8, "post": 7}
    assert set(web["scales"]) == {"steady", "belong"}
    # The page adds groups and attendance, which the files do not carry.
    assert "groups" in web and "groups" not in command_line
    web.pop("groups")
    for table in web["correlations"].values():
        assert table.pop("attendance")
    assert not close(web, command_line), close(web, command_line)
    assert web["scales"]["steady"]["paired"]["n"] == 7


def test_the_sleep_data_as_an_anonymous_pre_post_survey_gives_r_numbers(client, world):
    """R: ``t.test(extra ~ group, data = sleep, paired = TRUE)``: t = -4.0621, df = 9,
    p-value = 0.002833, 95% CI -2.4598858 -0.7001142, mean difference -1.58. The survey
    takes the second wave minus the first (group 2 minus group 1), so the signs turn;
    ``wilcox.test`` gives V = 45 that way round (0 the other) and p = 0.009091."""
    version = make_version(world, rows=SLEEP_ROWS, title="Sleep")
    survey = make_survey(world, version=version, anonymous=True, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    for k, (person, first, second) in enumerate(
        zip(people(world, 10), SLEEP_1, SLEEP_2, strict=True)
    ):
        answer(survey, pre, person, {"extra": first}, code=f"sleeper-{k}")
        answer(survey, post, person, {"extra": second}, code=f"Sleeper {k}")  # case, spaces
    paired = survey_analysis.survey_analysis(survey).analysis.scales["sleep"].paired
    assert paired.n == 10 and paired.df == 9
    assert paired.mean_diff == pytest.approx(1.58, abs=1e-12)
    assert abs(paired.t - 4.062128) < 5e-7
    assert abs(paired.p - 0.002832890) < 5e-10
    assert abs(paired.ci95[0] - 0.7001142) < 5e-8 and abs(paired.ci95[1] - 2.4598858) < 5e-8
    assert paired.v == 45 and abs(paired.wilcoxon_p - 0.009091) < 5e-7
    client.force_login(world.facilitator)
    page = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id]))
    text = page.content.decode()
    assert "<td>1.580</td>" in text and "<td>4.062</td>" in text and "<td>9</td>" in text
    assert "0.002833" in text and "<td>45</td>" in text and "0.7001142"[:5] in text
    # Negative numbers are numbers, not formulas: no quote in front.
    answers = [row["extra"] for row in rows_of(download(client, survey, "responses.csv"))]
    assert "-1.6" in answers and not any(a.startswith("'") for a in answers)


# A follow-up to the sleep data whose differences from both earlier waves are non-zero
# and distinct, so R's wilcox.test takes its exact p for both.
SLEEP_3 = [2.3, 0.6, 1.9, 1.7, 2.5, 4.9, 3.1, 2.8, -0.9, 3.1]


def three_open_waves():
    now = timezone.now()
    return [
        surveys.WaveSpec(kind=kind, opens_at=now - dt.timedelta(days=days),
                         closes_at=now + dt.timedelta(days=20))
        for kind, days in (("pre", 10), ("post", 5), ("follow_up", 1))
    ]  # fmt: skip


def fill_three_waves(world):
    """The sleep data as a pre, post and follow-up survey: 10 people answer all three."""
    version = make_version(world, rows=SLEEP_ROWS, title="Sleep")
    survey = make_survey(world, version=version, waves=three_open_waves())
    waves = survey.waves.order_by("position")
    for person, values in zip(people(world, 10), zip(SLEEP_1, SLEEP_2, SLEEP_3, strict=True),
                              strict=True):  # fmt: skip
        for wave, value in zip(waves, values, strict=True):
            answer(survey, wave, person, {"extra": value})
    return survey


def test_every_pair_of_three_waves_is_compared_as_scipy_and_r_compute_it(client, world, tmp_path):
    """Post - pre is R's sleep data (tied differences and a zero: R takes the normal
    approximation with continuity and tie corrections); follow-up - pre and follow-up -
    post have distinct non-zero differences (R's exact p). Each pair is checked against
    scipy: ``ttest_rel`` (t, df, p, 95% CI), d_z as the differences' mean over their SD,
    ``wilcoxon`` with R's settings, and V as the sum of the positive ranks (scipy's
    one-sided statistic)."""
    from scipy import stats as scipy_stats

    survey = fill_three_waves(world)
    scale = survey_analysis.survey_analysis(survey).analysis.scales["sleep"]
    pairs = [("pre", "post"), ("pre", "follow_up"), ("post", "follow_up")]
    assert [(c.earlier, c.later) for c in scale.comparisons] == pairs
    assert scale.paired == scale.comparisons[0]
    data = {"pre": SLEEP_1, "post": SLEEP_2, "follow_up": SLEEP_3}
    exact = {("pre", "post"): False, ("pre", "follow_up"): True, ("post", "follow_up"): True}
    for c in scale.comparisons:
        later, earlier = np.array(data[c.later]), np.array(data[c.earlier])
        diff = later - earlier
        t_test = scipy_stats.ttest_rel(later, earlier)
        low, high = t_test.confidence_interval(0.95)
        method = "exact" if exact[c.earlier, c.later] else "asymptotic"
        rank_test = scipy_stats.wilcoxon(
            later, earlier, zero_method="wilcox", correction=True, method=method
        )
        plus = scipy_stats.wilcoxon(
            later, earlier, zero_method="wilcox", alternative="greater", method=method
        ).statistic
        assert c.n == 10 and c.df == t_test.df == 9
        assert c.mean_diff == pytest.approx(diff.mean(), abs=1e-12)
        assert c.t == pytest.approx(t_test.statistic, abs=1e-9)
        assert c.p == pytest.approx(t_test.pvalue, abs=1e-12)
        assert c.ci95 == pytest.approx((low, high), abs=1e-9)
        assert c.d_z == pytest.approx(diff.mean() / diff.std(ddof=1), abs=1e-12)
        assert c.wilcoxon_exact is exact[c.earlier, c.later]
        assert c.v == plus and c.wilcoxon_p == pytest.approx(rank_test.pvalue, abs=1e-12)
    # R on the sleep data, as in the test above: V = 45, p = 0.009091.
    assert scale.paired.v == 45 and abs(scale.paired.wilcoxon_p - 0.009091) < 5e-7
    client.force_login(world.facilitator)
    text = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id])).content
    text = text.decode()
    for shown in ("Post minus Pre", "Follow-up minus Pre", "Follow-up minus Post"):
        assert f'<th scope="row">{shown}</th><td>10</td>' in text
    assert "<td>3.602</td>" in text and "<td>-0.178</td>" in text  # follow-up t values
    # staffroom analyze on the downloads keeps "paired" (the first pair) and lists them all.
    (tmp_path / "responses.csv").write_bytes(download(client, survey, "responses.csv"))
    (tmp_path / "dictionary.csv").write_bytes(download(client, survey, "dictionary.csv"))
    command_line = analyze_files(tmp_path / "dictionary.csv", tmp_path / "responses.csv")
    sleep = command_line.as_json()["scales"]["sleep"]
    assert [(c["earlier"], c["later"]) for c in sleep["paired_waves"]] == pairs
    first = {k: v for k, v in sleep["paired_waves"][0].items() if k not in ("earlier", "later")}
    assert first == sleep["paired"]
    web = survey_analysis.survey_analysis(survey).analysis.as_json()["scales"]["sleep"]
    assert not close(web["paired_waves"], sleep["paired_waves"])


def test_a_pair_of_waves_with_fewer_than_two_respondents_in_both_is_explained(client, world):
    """Three answer pre and post; one of them the follow-up: pre -> post is computed,
    the two comparisons with the follow-up say why they are not."""
    version = make_version(world, rows=SLEEP_ROWS, title="Sleep")
    survey = make_survey(world, version=version, waves=three_open_waves())
    pre, post, follow = survey.waves.order_by("position")
    crowd = people(world, 3)
    for k, person in enumerate(crowd):
        answer(survey, pre, person, {"extra": SLEEP_1[k]})
        answer(survey, post, person, {"extra": SLEEP_2[k]})
    answer(survey, follow, crowd[0], {"extra": SLEEP_3[0]})
    scale = survey_analysis.survey_analysis(survey).analysis.scales["sleep"]
    assert [c.n for c in scale.comparisons] == [3, 1, 1]
    assert not scale.comparisons[0].note and math.isfinite(scale.comparisons[0].t)
    for c in scale.comparisons[1:]:
        assert math.isnan(c.t) and math.isnan(c.wilcoxon_p)
        assert f"Only 1 respondent has a score in both {c.earlier} and follow_up" in c.note
    client.force_login(world.facilitator)
    text = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id])).content
    text = text.decode()
    assert '<th scope="row">Post minus Pre</th><td>3</td><td>' in text
    assert (
        '<th scope="row">Follow-up minus Post</th><td>1</td><td colspan="8">Only 1 respondent '
        "has a score in both post and follow_up; a paired comparison needs at least 2.</td>"
    ) in text


@pytest.mark.parametrize(("v", "shown"), [(45.0, "45"), (1234567.5, "1234567.5"), (0.0, "0")])
def test_the_signed_rank_statistic_is_shown_in_full(v, shown):
    """V sums ranks: past a million (about 1,400 pairs) it must not turn into 1.23457e+06."""
    paired = PairedComparison(
        earlier="pre", later="post", n=2000, mean_diff=0.1, t=1.0, df=1999, p=0.5,
        ci95=(0.0, 0.2), d_z=0.1, v=v, wilcoxon_p=0.3, wilcoxon_exact=False,
    )  # fmt: skip
    scale = ScaleResult(name="s", items=("a", "b"), reversed=(), waves={}, paired=paired,
                        comparisons=(paired,))  # fmt: skip
    analysis = Analysis(waves=("pre", "post"), compared=("pre", "post"), respondents={},
                        items={}, scales={"s": scale}, correlations={})  # fmt: skip
    result = survey_analysis.SurveyAnalysis(survey=None, table=None, respondents=[],
                                            analysis=analysis)  # fmt: skip
    [section] = survey_analysis.scale_sections(result)
    assert [c["v"] for c in section["comparisons"]] == [shown]


def test_an_anonymous_export_pairs_by_code_and_names_no_one(client, world):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, anonymous=True, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    ana, ben, cy = people(world, 3)
    both = {"calm": "3", "rushed": "2", "heard": "4", "alone": "1"}
    answer(survey, pre, ana, both, code="river-stone")
    answer(survey, post, ana, {**both, "calm": "4"}, code="RIVER STONE")
    answer(survey, pre, ben, both, code="oak-leaf-22")
    answer(survey, post, cy, both, code="new-code-9")  # no pre answer: unpaired
    client.force_login(world.hub_admin)
    data = download(client, survey, "responses.csv")
    rows = rows_of(data)
    assert [row["wave"] for row in rows] == ["pre", "pre", "post", "post"]
    ids = [row["record_id"] for row in rows]
    assert len(set(ids)) == 3 and len(set(ids[:2]) & set(ids[2:])) == 1  # Ana in both
    text = data.decode()
    for person in (ana, ben, cy):
        assert person.public_id not in text and person.email not in text
    assert "river" not in text.lower()
    analysis = survey_analysis.survey_analysis(survey).analysis
    assert analysis.respondents == {"pre": 2, "post": 2}  # the unpaired answers count
    assert analysis.scales["steady"].paired.n == 1
    assert analysis.correlations["pre"].attendance is None


def test_an_anonymous_export_does_not_list_rows_in_the_order_people_submitted(client, world):
    """Whoever saw Ana submit first must not find her answers on the first row: an
    anonymous survey's rows go by their keyed respondent id within each wave."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, anonymous=True, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    both = {"calm": "3", "rushed": "2", "heard": "4", "alone": "1"}
    for k, person in enumerate(people(world, 8)):
        answer(survey, pre, person, both, code=f"code-{k}")
        answer(survey, post, person, both, code=f"code-{k}")
    client.force_login(world.facilitator)
    rows = rows_of(download(client, survey, "responses.csv"))
    for wave in ("pre", "post"):
        ids = [row["record_id"] for row in rows if row["wave"] == wave]
        assert len(ids) == 8 and ids == sorted(ids)


def test_an_anonymous_export_leaves_out_attributes_that_would_single_someone_out(client, world):
    """Everyone knows who the community's one counselor is: in an anonymous survey their
    row must not say "counselor, 21+ years" beside their answers."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, anonymous=True, waves=open_waves())
    pre, _post = survey.waves.order_by("position")
    crowd = people(world, 5) + people(world, 1, role="counselor", years=25)
    for k, person in enumerate(crowd):
        answer(survey, pre, person, {"calm": "3", "rushed": "2"}, code=f"code-{k}")
    client.force_login(world.facilitator)
    rows = rows_of(download(client, survey, "responses.csv"))
    assert "counselor" not in {row["role"] for row in rows}
    assert sorted(row["role"] for row in rows) == [""] + ["teacher"] * 5
    assert sorted(row["years_in_profession"] for row in rows) == ["", *["4-10"] * 5]
    assert {row["locale"] for row in rows} == {"", "rural"}
    # An identified survey names its respondents anyway: its rows keep every attribute.
    identified = make_survey(world, version=version, waves=open_waves())
    first, _second = identified.waves.order_by("position")
    answer(identified, first, crowd[-1], {"calm": "3"})
    [row] = rows_of(download(client, identified, "responses.csv"))
    assert row["role"] == "counselor"


def test_the_dictionary_download_quotes_labels_that_look_like_formulas(client, world):
    rows = [("calm", "radio", '=HYPERLINK("http://x")', AGREE, "", "", "@SCALE=steady")]
    version = make_version(world, rows=rows, title="Formula")
    survey = make_survey(world, version=version, waves=open_waves())
    client.force_login(world.facilitator)
    data = download(client, survey, "dictionary.csv")
    [calm] = [row for row in csv.reader(io.StringIO(data.decode())) if row[0] == "calm"]
    assert calm[4] == '\'=HYPERLINK("http://x")'


def _group_rows(survey, attribute) -> dict[str, dict]:
    """The page's rows for ``attribute`` in the survey's one answered wave, by label."""
    result = survey_analysis.survey_analysis(survey)
    position = [a for a, _title, _choices in survey_analysis.GROUPS].index(attribute)
    [wave] = survey_analysis.group_sections(result)[position]["waves"]
    return {row["label"]: row for row in wave["rows"]}


def test_a_group_that_subtraction_from_the_totals_would_give_away_is_hidden(client, world):
    """5 teachers and 1 counselor: the page shows each scale's mean over all 6, so the
    teachers' mean beside it would give the counselor's own score away."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, _post = survey.waves.order_by("position")
    crowd = people(world, 5) + people(world, 1, role="counselor")
    for k, person in enumerate(crowd):
        answer(survey, pre, person, {"calm": str(1 + k % 4), "rushed": "2", "heard": "3",
                                     "alone": str(1 + k % 3)})  # fmt: skip
    rows = _group_rows(survey, "role")
    assert rows["School counselor"]["suppressed"]
    assert rows["Teacher"]["hidden"] and "n" not in rows["Teacher"]
    assert not _group_rows(survey, "locale")["Rural"]["hidden"]  # all 6: nothing to subtract
    client.force_login(world.facilitator)
    text = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id])).content
    teacher_row = text.decode().split('<th scope="row">Teacher</th>')[1].split("</tr>")[0]
    assert "not shown" in teacher_row and "<td>5</td>" not in teacher_row


def test_a_scale_mean_that_subtraction_would_give_away_is_hidden(world):
    """5 teachers and 5 counselors, one of whom answered no "steady" item: 9 steady
    scores in all, the teachers' 5 shown would give away the other 4 counselors'."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, _post = survey.waves.order_by("position")
    crowd = people(world, 5) + people(world, 5, role="counselor")
    for k, person in enumerate(crowd):
        answers = {"calm": str(1 + k % 4), "rushed": "2", "heard": "3", "alone": str(1 + k % 3)}
        if k == 9:
            del answers["calm"], answers["rushed"]
        answer(survey, pre, person, answers)
    result = survey_analysis.survey_analysis(survey)
    assert result.analysis.scales["steady"].waves["pre"].n == 9
    rows = _group_rows(survey, "role")
    steady = list(result.analysis.scales).index("steady")
    belong = list(result.analysis.scales).index("belong")
    assert not rows["Teacher"]["hidden"] and rows["Teacher"]["n"] == 5
    assert rows["Teacher"]["scales"][steady] == "not shown"
    assert rows["School counselor"]["scales"][steady] is None  # 4 scores: fewer than 5
    assert "(" in rows["Teacher"]["scales"][belong]  # 10 of 10: nothing to subtract


def test_fewer_than_two_pairs_are_explained_on_the_page(client, world):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    [person] = people(world, 1)
    both = {"calm": "3", "rushed": "2", "heard": "4", "alone": "1"}
    answer(survey, pre, person, both)
    answer(survey, post, person, both)
    client.force_login(world.facilitator)
    page = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id]))
    assert page.status_code == 200
    assert "Only 1 respondent has a score in both pre and post" in page.content.decode()


def test_a_survey_without_answers_says_so(client, world):
    survey = make_survey(world, waves=open_waves())
    client.force_login(world.facilitator)
    for name in ("survey_analysis", "survey_analysis_items"):
        page = client.get(reverse(f"evaluation:{name}", args=[survey.public_id]))
        assert page.status_code == 200
        assert "No one has submitted answers yet" in page.content.decode()
    assert rows_of(download(client, survey, "responses.csv")) == []
    assert b"read.csv(" in download(client, survey, "responses.R")
    assert b"GET DATA" in download(client, survey, "responses.sps")
    assert download(client, survey, "dictionary.csv").startswith(b"Variable / Field Name")


def test_groups_under_five_people_are_suppressed(client, world):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, _post = survey.waves.order_by("position")
    teachers = people(world, 5, years=2)
    counselors = people(world, 2, role="counselor", years=25)
    for k, person in enumerate(teachers + counselors):
        answer(survey, pre, person, {"calm": str(1 + k % 4), "rushed": "2", "heard": "3",
                                     "alone": str(1 + k % 3)})  # fmt: skip
    groups = survey_analysis.survey_analysis(survey).analysis.groups
    assert groups["role"]["pre"]["teacher"].n == 5
    assert groups["role"]["pre"]["counselor"].suppressed
    assert groups["role"]["pre"]["counselor"].n is None
    assert groups["years"]["pre"]["21+"].suppressed and groups["years"]["pre"]["0-3"].n == 5
    assert groups["locale"]["pre"]["rural"].n == 7
    client.force_login(world.facilitator)
    text = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id])).content
    text = text.decode()
    assert "School counselor" in text and "fewer than 5" in text
    counselor_row = text[text.index("School counselor") :].split("</tr>")[0]
    assert "fewer than 5" in counselor_row and "<td>2</td>" not in counselor_row


def test_attendance_joins_an_identified_community_survey(client, world):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    pre, _post = survey.waves.order_by("position")
    crowd = people(world, 4)
    access = community_access_for(world.facilitator, world.public)
    for days in (3, 5, 8):
        session = make_session(world, starts_at=timezone.now() - dt.timedelta(days=days))
        present = crowd[: {3: 3, 5: 2, 8: 1}[days]]
        attendance_roll_call(
            actor=world.facilitator, access=access, session=session,
            marks=[Mark(user=person, present=True) for person in present],
        )  # fmt: skip
    for k, person in enumerate(crowd):  # more sessions, calmer
        answer(survey, pre, person, {"calm": str(4 - k), "rushed": "2", "heard": str(1 + k % 2),
                                     "alone": "2"})  # fmt: skip
    result = survey_analysis.survey_analysis(survey)
    sessions = {result.table.people[rid]: n for rid, n in _attendance_of(result).items()}
    assert sessions == {crowd[0].pk: 3, crowd[1].pk: 2, crowd[2].pk: 1, crowd[3].pk: 0}
    table = result.analysis.correlations["pre"].attendance
    assert table["n"]["steady"] == 4
    assert table["spearman"]["steady"] == pytest.approx(1.0)
    client.force_login(world.facilitator)
    text = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id])).content
    assert b"Scale ~ sessions attended" in text


def _attendance_of(result) -> dict:
    attendance, note = survey_analysis._attendance(result.survey, result.table)
    assert note == ""
    return attendance


def test_a_hub_wide_survey_explains_why_there_is_no_attendance(world):
    survey = make_survey(world, hub_wide=True, waves=open_waves())
    result = survey_analysis.survey_analysis(survey)
    assert "whole hub" in result.attendance_note


def test_text_answers_that_look_like_formulas_are_quoted(client, world, pre_post):
    survey, _crowd = pre_post
    client.force_login(world.facilitator)
    rows = rows_of(download(client, survey, "responses.csv"))
    notes = [row["note"] for row in rows if row["wave"] == "pre"]
    assert notes[0] == '\'=HYPERLINK("http://x")' and notes[1] == "fine"
    assert survey_exports.cell_safe("-2") == "'-2" and survey_exports.cell_safe("a=b") == "a=b"
    assert {row["tools___1"] for row in rows if row["wave"] == "pre"} == {"1"}
    assert {row["tools___2"] for row in rows if row["wave"] == "pre"} == {"0", "1"}


def test_the_downloads_read_back(client, world, pre_post):
    survey, crowd = pre_post
    client.force_login(world.hub_admin)
    dictionary = dictionary_read(download(client, survey, "dictionary.csv"))
    assert dictionary == version_dictionary(survey.version)
    data = download(client, survey, "responses.csv")
    header = next(csv.reader(io.StringIO(data.decode())))
    assert header[:5] == ["record_id", "wave", "locale", "role", "years_in_profession"]
    rows = rows_of(data)
    assert {row["record_id"] for row in rows} == {person.public_id for person in crowd}
    assert {row["role"] for row in rows} == {"teacher"}
    assert not any(person.email in data.decode() for person in crowd)
    r = download(client, survey, "responses.R").decode()
    assert 'read.csv("start-of-year-check-in-responses.csv"' in r
    assert 'attr(responses[["calm"]], "label") <- "I stay calm in hard lessons."' in r
    spss = download(client, survey, "responses.sps").decode()
    assert "/FILE='start-of-year-check-in-responses.csv'" in spss
    assert "  years_in_profession A255" in spss and "VALUE LABELS" in spss
    response = client.get(
        reverse("evaluation:survey_export", args=[survey.public_id, "responses.sps"])
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="start-of-year-check-in-responses.sps"'
    )


def test_the_scripts_also_label_the_wave_and_the_attributes(client, world, pre_post):
    survey, _crowd = pre_post
    client.force_login(world.hub_admin)
    r = download(client, survey, "responses.R").decode()
    assert 'attr(responses[["wave"]], "label") <- "Wave"' in r
    assert 'attr(responses[["years_in_profession"]], "label") <- "Years in the profession"' in r
    spss = download(client, survey, "responses.sps").decode()
    labels = spss.split("VARIABLE LABELS\n", 1)[1].split(".\n", 1)[0]
    assert "  /wave 'Wave'" in labels and "  /locale 'School locale'" in labels
    assert "  /role 'Role'" in labels


def test_attribute_columns_give_way_to_items_of_the_same_name(world):
    rows = [*ROWS, ("role", "text", "Your role in your own words", "", "", "", "")]
    version = make_version(world, rows=rows, title="With a role item")
    survey = make_survey(world, version=version, waves=open_waves())
    table = survey_exports.survey_table(survey)
    assert table.attributes["role"] == "respondent_role"
    assert table.header.count("role") == 1


def test_only_those_who_manage_the_survey_see_its_analysis(client, world, pre_post):
    survey, crowd = pre_post
    urls = [
        reverse("evaluation:survey_analysis", args=[survey.public_id]),
        reverse("evaluation:survey_analysis_items", args=[survey.public_id]),
        *(
            reverse("evaluation:survey_export", args=[survey.public_id, kind])
            for kind in ("responses.csv", "dictionary.csv", "responses.R", "responses.sps")
        ),
    ]
    for viewer in (world.outsider, world.member, crowd[0]):
        client.force_login(viewer)
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)
    for viewer in (world.facilitator, world.hub_admin):
        client.force_login(viewer)
        assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    missing = reverse("evaluation:survey_export", args=[survey.public_id, "responses.xlsx"])
    assert client.get(missing).status_code == 404
    for garbage in ("nope", "x" * 300, "%"):
        for url in (
            reverse("evaluation:survey_export", args=[garbage, "responses.csv"]),
            reverse("evaluation:survey_analysis", args=[garbage]),
        ):
            assert client.get(url).status_code == 404
    assert client.get(urls[1] + "?page=zz").status_code == 200
    assert client.get(urls[1] + "?page=99999").status_code == 200
    client.logout()
    assert client.get(urls[0]).status_code == 302


def test_staff_of_another_community_or_hub_get_a_404_for_the_analysis(client, world, pre_post):
    survey, _crowd = pre_post
    elsewhere = make_user("fac2@example.org", "Fay Elsewhere")
    access = community_access_for(world.hub_admin, world.private)
    invitation = community_services.invitation_create(
        actor=world.hub_admin, access=access, email=elsewhere.email, role="facilitator"
    )
    community_services.invitation_accept(actor=elsewhere, token=invitation.token)
    coast = Hub.objects.create(name="Coast Hub", slug="coast")
    evaluator = make_user("eval@coast.example.org", "Cora Coast")
    HubRole.objects.create(hub=coast, user=evaluator, role=HubRole.Role.EVALUATOR)
    urls = [
        reverse("evaluation:survey_analysis", args=[survey.public_id]),
        reverse("evaluation:survey_analysis_items", args=[survey.public_id]),
        reverse("evaluation:survey_export", args=[survey.public_id, "responses.csv"]),
    ]
    for person in (elsewhere, evaluator):
        client.force_login(person)
        assert [client.get(url).status_code for url in urls] == [404] * len(urls)


def pages(world, survey) -> list[tuple[str, object, str]]:
    def url(name, *args):
        return reverse(f"evaluation:{name}", args=[survey.public_id, *args])

    return [
        ("survey analysis", world.facilitator, url("survey_analysis")),
        ("survey analysis items", world.hub_admin, url("survey_analysis_items")),
    ]


def test_the_analysis_pages_fit_the_budget_and_the_csp(client, world, pre_post):
    survey, _crowd = pre_post
    problems = pages_problems(client, pages(world, survey))
    assert not problems, "\n".join(problems)


def test_a_subscale_with_another_minimum_is_pointed_out(client, world):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    version.subscales.filter(name="belong").update(min_answered=50)
    survey = make_survey(world, version=version, waves=open_waves())
    note = survey_analysis.survey_analysis(survey).scoring_note
    assert "belong" in note and "steady" not in note and "75%" in note


def test_responses_the_engine_cannot_read_are_explained_not_an_error(client, world):
    """A stored answer outside its item's choices (written by hand in the database, or
    left by a bug) stops the engine, on the web as in ``staffroom analyze``: the page
    says what the command would say."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, waves=open_waves())
    [person] = people(world, 1)
    Response.objects.create(
        wave=survey.waves.get(position=1), version=version, user=person,
        status=Response.Status.SUBMITTED, submitted_at=timezone.now(), answers={"calm": "9"},
    )  # fmt: skip
    client.force_login(world.facilitator)
    page = client.get(reverse("evaluation:survey_analysis", args=[survey.public_id]))
    assert page.status_code == 200
    assert "“9” is not one of its choices" in page.content.decode()


def test_the_items_page_shows_descriptives_and_charts(client, world, pre_post):
    survey, _crowd = pre_post
    client.force_login(world.facilitator)
    page = client.get(reverse("evaluation:survey_analysis_items", args=[survey.public_id]))
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count('role="img"') == 4  # the four Likert items; text and checkbox have none
    assert "I stay calm in hard lessons." in text and "Strongly agree:" in text


def test_an_anonymous_survey_shows_no_item_answered_by_fewer_than_five(client, world):
    """One person answers "heard" before; two answer after: in an anonymous survey their
    answers would be theirs to read, so those rows say "fewer than 5" and the chart
    leaves those waves out. An identified survey names its respondents anyway."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, anonymous=True, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    crowd = people(world, 6)
    for k, person in enumerate(crowd):
        answers = {"calm": str(1 + k % 4), **({"heard": "4"} if k == 0 else {})}
        answer(survey, pre, person, answers, code=f"code-{k}")
    for k, person in enumerate(crowd[:2]):
        answer(survey, post, person, {"calm": "2", "heard": "1"}, code=f"code-{k}")
    client.force_login(world.facilitator)
    url = reverse("evaluation:survey_analysis_items", args=[survey.public_id])
    text = client.get(url).content.decode()
    sections = {part.split("</code>")[0]: part for part in text.split("<code>")[1:]}
    calm, heard = sections["calm"], sections["heard"]
    assert '<th scope="row">Pre</th><td>6</td>' in calm
    assert '<th scope="row">Post</th><td colspan="5">fewer than 5</td>' in calm
    assert "pre (n = 6)" in calm and "post (n" not in calm
    assert '<th scope="row">Pre</th><td colspan="5">fewer than 5</td>' in heard
    assert '<th scope="row">Post</th><td colspan="5">fewer than 5</td>' in heard
    assert 'role="img"' not in heard and "Strongly agree: 1" not in heard
    identified = make_survey(world, version=version, waves=open_waves())
    first, _second = identified.waves.order_by("position")
    answer(identified, first, crowd[0], {"heard": "4"})
    url = reverse("evaluation:survey_analysis_items", args=[identified.public_id])
    text = client.get(url).content.decode()
    assert '<th scope="row">Pre</th><td>1</td><td>4.00</td>' in text


def _scale_and_correlation_rows(text: str) -> dict:
    """The page's table rows by their heading, in order: scale rows by wave, changes
    by "later minus earlier", correlations by "a ~ b" (each wave's tables in turn)."""
    rows = {}
    for row in text.split('<th scope="row">')[1:]:
        head, rest = row.split("</th>", 1)
        rows.setdefault(head, []).append(rest.split("</tr>")[0])
    return rows


def six_then_three(world, *, anonymous=True, version=None, crowd=None):
    """Six people answer the pre wave, three of them the post wave."""
    version = version or make_version(world, rows=ROWS, title="Steady and belonging")
    crowd = crowd or people(world, 6)
    survey = make_survey(world, version=version, anonymous=anonymous, waves=open_waves())
    pre, post = survey.waves.order_by("position")
    for k, person in enumerate(crowd):
        answers = {"calm": str(1 + k % 4), "rushed": str(1 + k % 3),
                   "heard": str(1 + (k + 1) % 4), "alone": str(1 + k % 2)}  # fmt: skip
        code = f"code-{k}" if anonymous else ""
        answer(survey, pre, person, answers, code=code)
        if k < 3:
            answer(survey, post, person, answers, code=code)
    return survey


def test_an_anonymous_survey_shows_no_scale_figure_from_fewer_than_five(client, world):
    """Six answer before, three of them after: in an anonymous survey the post wave's
    means, the change and the post correlation would be those three people's, so each
    says only "fewer than 5" and the chart leaves the wave out. The same answers in an
    identified survey show in full."""
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    crowd = people(world, 6)
    client.force_login(world.facilitator)
    shown = {}
    for anonymous in (True, False):
        survey = six_then_three(world, anonymous=anonymous, version=version, crowd=crowd)
        url = reverse("evaluation:survey_analysis", args=[survey.public_id])
        shown[anonymous] = client.get(url).content.decode()
    rows = _scale_and_correlation_rows(shown[True])
    fewer = '<td colspan="5">fewer than 5</td>'
    assert rows["Post"] == ["<td><code>post</code></td><td>3</td>", fewer, fewer]
    assert rows["Pre"][1].startswith("<td>6</td>") and rows["Pre"][2].startswith("<td>6</td>")
    assert rows["Post minus Pre"] == ['<td>3</td><td colspan="8">fewer than 5</td>'] * 2
    assert rows["belong ~ steady"][0].endswith("<td>6</td>")
    assert rows["belong ~ steady"][1] == '<td colspan="3">fewer than 5</td>'
    chart = shown[True][shown[True].index("<svg") : shown[True].index("</svg>")]
    assert "pre" in chart and "post" not in chart
    identified = _scale_and_correlation_rows(shown[False])
    assert identified["Post"][1].startswith("<td>3</td>")
    assert identified["Post minus Pre"][0].startswith("<td>3</td><td>0.000</td>")
    assert identified["belong ~ steady"][1].endswith("<td>3</td>")
    assert "fewer than 5" not in shown[False].split("<h2>Groups</h2>")[0]


def test_one_wave_and_a_middle_wave_without_answers_are_analysed(client, world):
    """A survey of one wave has nothing to compare; in three waves whose middle one
    no one answered, pre and follow-up are still compared, and the empty wave is
    listed with no responses."""
    version = make_version(world, rows=SLEEP_ROWS, title="Sleep")
    one = make_survey(world, version=version, waves=open_waves()[:1])
    three = make_survey(world, version=version, waves=three_open_waves())
    pre, _post, follow = three.waves.order_by("position")
    for k, person in enumerate(people(world, 5)):
        answer(one, one.waves.get(), person, {"extra": SLEEP_1[k]})
        answer(three, pre, person, {"extra": SLEEP_1[k]})
        answer(three, follow, person, {"extra": SLEEP_3[k]})
    client.force_login(world.facilitator)
    pages = {}
    for survey in (one, three):
        for name in ("survey_analysis", "survey_analysis_items"):
            page = client.get(reverse(f"evaluation:{name}", args=[survey.public_id]))
            assert page.status_code == 200
            pages[survey, name] = page.content.decode()
    assert (
        "There is only one wave, so there is nothing to compare." in pages[one, "survey_analysis"]
    )
    text = pages[three, "survey_analysis"]
    rows = _scale_and_correlation_rows(text)
    assert rows["Post"] == ["<td><code>post</code></td><td>0</td>"]
    assert rows["Follow-up minus Pre"][0].startswith("<td>5</td><td>")
    assert "Post minus" not in text and "minus Post" not in text
    analysis = survey_analysis.survey_analysis(three).analysis
    assert analysis.waves == ("pre", "follow_up")


def _bulk_anonymous(world, survey, count):
    """``count`` submitted anonymous responses in each wave, written in bulk (as many
    people as a page of numbers needs, without inviting each one)."""
    pre, post = survey.waves.order_by("position")
    now = timezone.now()
    made = []
    for k in range(count):
        code = surveys.pairing_digest(survey, f"code{k:04d}-{Response.objects.count()}")
        for wave in (pre, post):
            made.append(Response(
                wave=wave, version=survey.version, pairing_code=code, submitted_at=now,
                status=Response.Status.SUBMITTED, role="teacher", years="4-10",
                answers={"calm": str(1 + k % 4), "rushed": str(1 + (k // 2) % 4),
                         "heard": str(1 + (k // 3) % 4), "alone": str(1 + k % 3),
                         "tools": ["1"], "note": "ok"},
            ))  # fmt: skip
    Response.objects.bulk_create(made)


@pytest.mark.parametrize("name", ["survey_analysis", "survey_analysis_items"])
@pytest.mark.parametrize("anonymous", [True, False])
def test_the_analysis_pages_run_the_same_queries_for_10_or_200_respondents(
    client, world, name, anonymous, django_assert_max_num_queries
):
    version = make_version(world, rows=ROWS, title="Steady and belonging")
    survey = make_survey(world, version=version, anonymous=anonymous, waves=open_waves())
    add = _bulk_anonymous if anonymous else _bulk_identified
    client.force_login(world.facilitator)
    url = reverse(f"evaluation:{name}", args=[survey.public_id])
    add(world, survey, 10)
    with django_assert_max_num_queries(16) as few:
        assert client.get(url).status_code == 200
    add(world, survey, 190)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert page.status_code == 200
    assert b"<td>200</td>" in page.content or name == "survey_analysis_items"


def _bulk_identified(world, survey, count):
    from staffroom.accounts.models import User

    pre, post = survey.waves.order_by("position")
    start = User.objects.count()
    users = User.objects.bulk_create(
        User(email=f"bulk{start + k}@example.org", display_name=f"Bulk {k}", password="!")
        for k in range(count)
    )
    now = timezone.now()
    Response.objects.bulk_create(
        Response(wave=wave, version=survey.version, user=user, submitted_at=now,
                 status=Response.Status.SUBMITTED, role="teacher", locale="town",
                 answers={"calm": str(1 + k % 4), "rushed": "2", "heard": str(1 + k % 3),
                          "alone": "3"})
        for k, user in enumerate(users) for wave in (pre, post)
    )  # fmt: skip

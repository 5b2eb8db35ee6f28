"""The detector, category by category: what it flags, what it leaves alone, and the
findings' shape (sorted, non-overlapping, a reason and a one-click replacement)."""

import itertools

import pytest
from django.utils import translation

from staffroom.cases.deid import CATEGORIES, Finding, find_identifiers


def flagged(text: str) -> list[tuple[str, str]]:
    return [(f.category, text[f.start : f.end]) for f in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lopez stopped talking in class.", ("name", "Maria Lopez")),
        ("I called Mrs. Yazzie twice.", ("name", "Mrs. Yazzie")),
        ("A girl named April started cutting.", ("name", "April")),
        ("Her brother, Tahoma, was suspended.", ("name", "Tahoma")),
        ("La mamá de Lupita no contesta.", ("name", "Lupita")),
        ("The Tsinajinnie family moved.", ("name", "Tsinajinnie")),
        ("Yesterday Kaylani said she hates school.", ("name", "Kaylani")),
        ("We met with John T. Smith on Monday.", ("name", "John T. Smith")),
        ("Her teacher is Ms. de la Cruz.", ("name", "Ms. de la Cruz")),
        ("The incident was on 3/14/2025 at lunch.", ("date", "3/14/2025")),
        ("She was born 2014-06-02.", ("date", "2014-06-02")),
        ("It started around the 14th of March.", ("date", "14th of March")),
        ("On Tuesday the 3rd he walked out.", ("date", "Tuesday the 3rd")),
        ("Se mudaron el 3 de mayo de 2024.", ("date", "el 3 de mayo de 2024")),
        ("I have a 9-year-old who cannot write his name.", ("age", "9")),
        ("The student is age 14 and lives with an aunt.", ("age", "14")),
        ("She turned 16 in January.", ("age", "16")),
        ("His student ID is 448812.", ("id", "448812")),
        ("It is under case no. 2024-117 at the county.", ("id", "2024-117")),
        ("Entered as student #20931 yesterday.", ("id", "#20931")),
        ("The state number is S-00123.", ("id", "S-00123")),
        ("Write to rosa.lopez@gmail.com please.", ("email", "rosa.lopez@gmail.com")),
        ("Mom's cell is (555) 201-3344.", ("phone", "(555) 201-3344")),
        ("Call 555.201.3344 after six.", ("phone", "555.201.3344")),
        ("Dad: +1 555 201 3344, at work.", ("phone", "+1 555 201 3344")),
        ("Office 555-318-4400 ext. 212.", ("phone", "555-318-4400 ext. 212")),
        ("They live at 1420 Elm Street now.", ("address", "1420 Elm Street")),
        ("Mail goes to Rural Route 2 Box 14.", ("address", "Rural Route 2 Box 14")),
        ("Send it to PO Box 88 in town.", ("address", "PO Box 88")),
        ("They moved into Apt 4B last month.", ("address", "Apt 4B")),
        ("I teach at Cedar Bluff Elementary.", ("place", "Cedar Bluff Elementary")),
        ("Our Harlan County High School is tiny.", ("place", "Harlan County High School")),
        ("It is the only school in Dry Creek.", ("place", "Dry Creek")),
        ("They live in Pine Hollow, Nebraska.", ("place", "Pine Hollow")),
        ("They came from the town of Millersville.", ("place", "Millersville")),
        ("Everyone in Lawrence County knows.", ("place", "Lawrence County")),
    ],
)
def test_find_identifiers_flags_each_category(text, expected):
    assert expected in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grade 3 meets in Room 12 to read Chapter 4.",
        "In 2023 we became a Title I school.",
        "The bus leaves at 3:15 and 40% of students ride it.",
        "He scored 85 on the test; see page 45.",
        "We use PBIS, MTSS and the IEP process; her 504 plan is current.",
        "Science and Math are her favourite subjects, then Algebra.",
        "Last week, in the fall, on Monday, we met.",
        "In May we test, and in March we plan.",
        "Will you share this? May I ask a question? Hope this helps.",
        "Most 8-year-olds can sit still; ages 12 to 14 are mixed here.",
        "The principal and the counselor met with the teacher.",
        "Our Central High School and the middle school share a gym.",
        "The family moved here from Mexico and then Texas.",
        "She completed 3/5 of the work.",
        "He was 12 minutes late and 3 days absent.",
        "The Spanish-speaking families asked for a newsletter.",
        "We read Charlotte's Web and Harry Potter this quarter.",
        "The 2024-25 year had 1,250 referrals.",
    ],
)
def test_find_identifiers_leaves_look_alikes_alone(text):
    assert flagged(text) == []


def test_months_and_weekdays_alone_are_not_dates_but_a_day_of_a_month_is():
    assert flagged("In April we start; on Tuesday we meet.") == []
    assert flagged("We start April 3.") == [("date", "April 3")]


def test_a_word_that_is_also_a_name_needs_evidence():
    assert flagged("Hope is what keeps us going.") == []
    assert flagged("Hope told me she was scared.") == [("name", "Hope")]
    assert flagged("I asked Hope Begay to stay.") == [("name", "Hope Begay")]


def test_a_place_name_after_a_place_word_is_not_a_person():
    assert ("name", "Austin") not in flagged("They moved here from Austin last year.")
    assert flagged("Austin moved here last year.") == [("name", "Austin")]


def test_group_ages_are_not_flagged_and_an_age_near_a_grade_says_why():
    assert flagged("Many 6-year-olds still reverse letters.") == []
    [finding] = find_identifiers("A 14-year-old sixth grader was held back twice.")
    assert finding.category == "age"
    assert "grade" in finding.reason


def test_findings_are_sorted_and_do_not_overlap():
    text = (
        "Dylan Caudill, 14, Hazard, Kentucky: lives at 77 Laurel Fork Road, call "
        "(555) 877-1203 or dylan.c@example.org; DOB 04/22/2012; ID 339105; "
        "Lincoln Elementary."
    )
    findings = find_identifiers(text)
    assert [f.category for f in findings] == [
        "name", "age", "place", "address", "phone", "email", "date", "id", "place",
    ]  # fmt: skip
    for before, after in itertools.pairwise(findings):
        assert before.end <= after.start
    assert all(f.category in CATEGORIES and f.reason for f in findings)


def test_replacements_give_each_person_a_letter_and_keep_titles():
    text = (
        "Maria Lopez told me that Maria's brother Luis hit her. Mrs. Lopez agreed. "
        "Her teacher, Mr. Kowalski, called."
    )
    replacements = [(text[f.start : f.end], f.replacement) for f in find_identifiers(text)]
    assert replacements == [
        ("Maria Lopez", "Student A"),
        ("Maria", "Student A"),
        ("Luis", "Student B"),
        ("Mrs. Lopez", "Mrs. A"),
        ("Mr. Kowalski", "Mr. C"),
    ]


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("Born 3/14/2014.", "[date]"),
        ("She is 12.", "[age]"),
        ("ID 448812.", "[ID]"),
        ("a@b.org", "[email]"),
        ("Call 555-201-3344.", "[phone]"),
        ("At 12 Oak Street.", "[address]"),
        ("At Cedar Bluff Elementary.", "[school]"),
        ("In Harlan County.", "[county]"),
        ("From the town of Dry Creek.", "[town]"),
    ],
)
def test_replacements_per_category(text, replacement):
    [finding] = find_identifiers(text)
    assert finding.replacement == replacement


def test_finding_is_a_frozen_value():
    finding = Finding(0, 5, "name", "why", "Student A")
    with pytest.raises(AttributeError):
        finding.start = 1  # type: ignore[misc]


def test_reasons_follow_the_active_language():
    with translation.override("en"):
        [finding] = find_identifiers("Call 555-201-3344.")
    assert finding.reason == "A phone number identifies a person or a family."


def test_empty_text_has_no_findings():
    assert find_identifiers("") == []

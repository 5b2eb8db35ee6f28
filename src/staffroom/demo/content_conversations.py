"""The demo's direct conversations: a few private exchanges between sessions, in the
voices of the people who write them. Every situation is invented and de-identified.

Each conversation names the community its people share (``community``), who started it
(``by``, an email) and whom they wrote to (``with``), an optional ``title`` and
``days_ago``, when it began (never before everyone in it joined the community: the
loader moves it to the day after if need be). ``messages`` come in order, each
``(email, text, hours)``: ``hours`` after the message before it (the first is the
opening message, written by ``by``). Everyone has read the whole conversation except
the people in ``unread_by``, who have not opened it since its last message.
"""

NEW_TEACHERS = "new-teacher-circle"
SCIENCE = "one-person-science"
TRAUMA = "trauma-informed-classrooms"

CONVERSATIONS = [
    {
        # A mentor and a first-year teacher keep in touch between circle meetings.
        "community": NEW_TEACHERS,
        "by": "hannah.vogel@example.org",
        "with": ["newteacher@example.org"],
        "days_ago": 14,
        "messages": [
            (
                "hannah.vogel@example.org",
                "Hi Amara, it was good to hear you in circle last night. You mentioned that "
                "IEP meetings are stacking up this month. Want to go through your calendar "
                "together for twenty minutes this week? No agenda beyond that.",
                0,
            ),
            (
                "newteacher@example.org",
                "Yes please. I have four annual reviews in two weeks and I keep rewriting "
                "the same present-levels paragraph. Thursday after 3:30 works for me.",
                5,
            ),
            (
                "hannah.vogel@example.org",
                "Thursday at 3:45 then, on the circle's video link. Bring one draft you like "
                "and one you don't. We'll find what makes the good one good and you can "
                "reuse that shape.",
                2,
            ),
            (
                "newteacher@example.org",
                "Thank you for Thursday. Starting each present-levels section with what the "
                "student *can* do already changed how the meeting felt. The parent "
                "actually smiled.",
                40,
            ),
            (
                "hannah.vogel@example.org",
                "That is the whole trick, and you found it in one week. Next time, try "
                "sending families a one-page summary a few days ahead so nothing in the "
                "meeting is a surprise.",
                4,
            ),
            (
                "newteacher@example.org",
                "Sent two summaries today. Also: is it normal to feel behind all the time "
                "at this point in the year?",
                150,
            ),
            (
                "hannah.vogel@example.org",
                "Completely normal. Pick the two things that matter most this week and let "
                "the rest be good enough. We can check in again after the break.",
                3,
            ),
        ],
    },
    {
        # Four one-person science departments plan a unit they will all teach.
        "community": SCIENCE,
        "by": "ruthann.petersen@example.org",
        "with": ["teacher@example.org", "wren.castellano@example.net", "dale.fenske@example.org"],
        "title": "Shared watershed unit for spring",
        "days_ago": 26,
        "messages": [
            (
                "ruthann.petersen@example.org",
                "After Monday's session I keep thinking about a unit all four of us could "
                "teach in April: each class samples its nearest creek, and we pool the "
                "data in one spreadsheet. Our kids would finally have classmates to "
                "compare results with. Who's in?",
                0,
            ),
            (
                "teacher@example.org",
                "In. I can cover water chemistry: I have nitrate and phosphate test kits "
                "that have been sitting in the storeroom since they were bought.",
                3,
            ),
            (
                "wren.castellano@example.net",
                "Count me in for macroinvertebrates. Kick nets are cheap, and the tolerance "
                "index gives students a number they can argue about.",
                6,
            ),
            (
                "dale.fenske@example.org",
                "I'll build the shared sheet and a short video on how to enter the data. "
                "Should we agree on sampling dates so the weather is comparable?",
                20,
            ),
            (
                "ruthann.petersen@example.org",
                "Proposed: the first and third weeks of April. Draft outline:\n\n"
                "1. Why watersheds matter here (one day)\n"
                "2. Chemistry and organisms (three days, split between Casey's and Wren's "
                "lessons)\n"
                "3. Sampling day\n"
                "4. Pool the data, compare creeks, write a claim with evidence",
                30,
            ),
            (
                "teacher@example.org",
                "Works for my schedule. I'll draft the chemistry lessons by the end of the "
                "month and post them here for comments.",
                50,
            ),
        ],
    },
    {
        # A facilitator asks a member to bring a case to the next session.
        "community": TRAUMA,
        "by": "facilitator@example.org",
        "with": ["teacher@example.org"],
        "days_ago": 6,
        "messages": [
            (
                "facilitator@example.org",
                "Hi Casey, your thread about sub folders for the hard days got me thinking: "
                "the student you mentioned, who shuts down when the routine changes, would "
                "make a good case for a session. Would you "
                "present it? It takes about ten minutes, and Yolanda and I will help you "
                "de-identify it beforehand.",
                0,
            ),
            (
                "teacher@example.org",
                "I'd be glad to. Is there a template? I want to be sure I leave out "
                "anything that would point to the student.",
                9,
            ),
            (
                "facilitator@example.org",
                "There is: when you start a case in the community, the form walks you "
                "through each part and flags anything that looks like a name or a date of "
                "birth. Draft it whenever you have twenty minutes and I'll read it before "
                "the session.",
                4,
            ),
        ],
        "unread_by": ["teacher@example.org"],
    },
]

"""The demo hub's sessions, as plain data: three series with a term of history and a
few weeks still to come. Every topic, case and comment here is made up.

``sessions.py`` turns this into rows through the meetings services. Dates are counted
from the day the demo is loaded: a series' first date is the first day its rule gives
on or after ``first_weeks_ago`` weeks back, and its last date (if any)
``last_weeks_ahead`` weeks on, so a term of past sessions exists whatever the day.

``past`` lists the sessions from the first one on; a past entry the calendar has not
reached yet is left unused. Each has a ``topic``, a ``presenter`` (the didactic talk),
a ``summary`` (the session's description), a ``case`` (who brought it, and what),
``materials`` (title, link), an optional ``file`` (a handout generated as a PDF) and
``guests``, and the ``notes`` the facilitators wrote up (its "Key points" also feed
the feedback members give); ``{"cancelled": reason}`` is a week without a session.

``upcoming`` lists the sessions from the next one on; sessions after the list keep
the series' title with every presenter slot open. ``presenter`` and ``case`` are
(email, "confirmed" or "volunteered"[, what the case is about]); ``capacity``,
``waitlist`` and ``cancels`` make a session that is full.

People are named by email; every presenter is a member of the series' community. In
``regulars``, ``attends``, ``misses`` and ``phone`` are positions in ``past`` and
``upcoming`` positions in ``upcoming`` (all from 0).
"""

CHICAGO = "America/Chicago"

# A one-page handout generated as a PDF when the demo loads.
PHRASE_CARD = {
    "title": "De-escalation phrase card",
    "lines": [
        "Trauma-Informed Classrooms ECHO - Prairie & Pine Educators ECHO Hub",
        "",
        "1. Lower your voice and your body. Sit or crouch to the student's level.",
        '2. Name what you see, not what you think: "You look really frustrated."',
        '3. Offer two choices you can live with: "Water break or the reading corner?"',
        "4. Give time. Count to ten in your head before you speak again.",
        "5. Move the audience, not the student, when you can.",
        "6. Repair first. Consequences come later, when everyone is calm.",
        "7. Plan the way back in: how will the student rejoin without an audience?",
        "",
        "In a small school the student in crisis is also your neighbor's child.",
        "Protect their dignity: what happens in a hard moment stays with the adults",
        "who need to know.",
        "",
        "Adapt freely for your school; please credit the Trauma-Informed Classrooms ECHO.",
    ],
}

# Topics are planned by the facilitators, presenters volunteer and are confirmed, and
# the notes are what the facilitators wrote up after each session.
SERIES = [
    # Listed first: on the last Tuesday of the month its members are busy with it and
    # miss the Trauma-Informed ECHO that meets at the same hour.
    {
        "community": "paraprofessional-pathways",
        "title": "Paraprofessional Pathways monthly session",
        "description": """\
Once a month, on the last Tuesday, paraprofessionals and the teachers and leaders who \
work with them meet for an hour: a twenty-minute talk by a member about something that \
works in their building, then a case from someone's daily work.

Every session is recorded. If you work a second job in the evenings, **watch the \
recording within two weeks and post a short reflection**: it counts toward your \
professional learning hours just like attending live.
""",
        "time_zone": CHICAGO,
        "start_time": "16:00",
        "duration": 60,
        "rrule": "FREQ=MONTHLY;BYDAY=-1TU",
        # Sixteen weeks back: at least three past sessions, whatever the day.
        "first_weeks_ago": 16,
        "last_weeks_ahead": None,
        "meeting_url": "https://meet.example.org/prairie-pine/para-pathways",
        "dial_in": "+1 555 010 0142, meeting ID 318 440 2271",
        "capacity": None,
        "allow_guests": False,
        "async_counts": True,
        # Who schedules and takes the roll call, in turn.
        "runs": ["gloria.estrada@example.org", "dolores.montoya@example.org"],
        "recording": "https://meet.example.org/recordings/para-pathways/{date}",
        "regulars": {},
        "past": [
            {
                "topic": "Small-group reading support when the plan runs out",
                "presenter": "tanya.mitchell@example.org",
                "summary": "Tanya runs small reading groups in a kindergarten inclusion "
                "classroom. She shows the three moves she falls back on when a group "
                "finishes early or the planned text is too hard.",
                "case": (
                    "hector.ybarra@example.net",
                    "A sixth grader who reads well aloud but cannot retell what he read",
                ),
                "materials": [
                    (
                        "Slides: when the plan runs out",
                        "https://files.example.org/prairie-pine/para/reading-groups-slides.pdf",
                    ),
                ],
                "notes": """\
### Key points
- Keep a "back pocket" set of three routines: reread with a purpose, word hunt, \
quick-draw retell.
- Tell the classroom teacher what you changed and why, in one sentence, the same day.
- A text that is too hard is a signal to report, not a failure to hide.

### Case: fluent reading, little comprehension
A sixth grader reads grade-level text smoothly but cannot say what happened.

**The group suggested:** stop every paragraph for a one-sentence summary; try a \
sketch-to-stretch retell; ask the teacher whether an assessment of listening \
comprehension would help tell the two skills apart.
""",
            },
            {
                "topic": "Behavior support as a partner, not a bouncer",
                "presenter": "dolores.montoya@example.org",
                "summary": "Lola has nineteen years as a paraprofessional, most of them in "
                "special education. She talks about agreeing with the teacher on who does "
                "what before a hard moment, not during it.",
                "case": (
                    "tanya.mitchell@example.org",
                    'Being sent to "take him out" of the room every afternoon',
                ),
                "materials": [
                    (
                        "Who does what: a planning sheet for teacher and para",
                        "https://files.example.org/prairie-pine/para/who-does-what.pdf",
                    ),
                ],
                "notes": """\
### Key points
- Agree on roles in calm times: who speaks, who moves closer, who removes the audience.
- Taking a student out of the room should be a plan with a way back in, not a reflex.
- Write down what happened before each incident for two weeks; patterns show up fast.

### Case: removal as the only tool
A paraprofessional is asked to walk a student out nearly every afternoon.

**The group suggested:** ask for a ten-minute planning meeting with the teacher and the \
case manager; track the times and activities for two weeks; propose one thing to try \
inside the room first.
""",
            },
            {
                "topic": "The grow-your-own pathway: coursework, cost and time",
                "presenter": "gloria.estrada@example.org",
                "summary": "Gloria coordinates her district's grow-your-own program. She "
                "walks through what it takes to become a licensed teacher while working "
                "full time, and where the money comes from.",
                "case": (
                    "jun.takahashi@example.org",
                    "Starting coursework while working full time and an evening job",
                ),
                "materials": [
                    (
                        "Grow-your-own pathway at a glance",
                        "https://files.example.org/prairie-pine/para/grow-your-own.pdf",
                    ),
                    (
                        "Questions to ask your district before you enroll",
                        "https://docs.example.org/prairie-pine/para/gyo-questions",
                    ),
                ],
                "notes": """\
### Key points
- Most programs take three to four years part time; ask about credit for experience.
- Tuition help often comes with a commitment to stay in the district: read it first.
- Student teaching is the hardest stretch when you need your paycheck; plan it early.

### Case: coursework on top of everything
A paraprofessional wants to start next semester but already works a second job in the \
evenings.

**The group suggested:** start with one course, not two; ask whether the district counts \
classroom hours toward field experience; find a study partner in this community.
""",
            },
            {
                "topic": "Two minutes a day with the classroom teacher",
                "presenter": "hector.ybarra@example.net",
                "summary": "Héctor and the teacher he works with have a standing "
                "two-minute check-in at the door. He shares the script and what changed "
                "once they started.",
                "case": (
                    "leah.friesen@example.org",
                    "Supporting three students with different plans in one class period",
                ),
                "materials": [
                    (
                        "Door check-in script (one page)",
                        "https://docs.example.org/prairie-pine/para/door-check-in",
                    ),
                ],
                "notes": """\
### Key points
- Same time, same place, same three questions: who needs me most, what is the goal, \
what do I do if it goes wrong.
- A shared notebook beats memory; a photo of it beats a notebook.
- Two minutes daily did more than a monthly meeting ever did.

### Case: three plans, one period
One paraprofessional supports three students with different plans in a science class.

**The group suggested:** put the three goals on one index card; sit where all three are \
in view; ask the special educator which goal matters most this month.
""",
            },
            {
                "topic": "Working with families in two languages",
                "presenter": "hector.ybarra@example.net",
                "summary": "Many of us are asked to interpret for families. What to do, "
                "what to decline, and how to help the school find a qualified interpreter.",
                "case": (
                    "tanya.mitchell@example.org",
                    "Being asked to interpret at a meeting about a student's behavior",
                ),
                "materials": [],
                "notes": """\
### Key points
- Interpreting at a formal meeting is a skill of its own; it is fine to say so.
- Quick, friendly messages at pick-up are different from a meeting about a plan.

### Case: asked to interpret at a hard meeting
**The group suggested:** ask the office for the district's interpreter service; offer to \
greet the family and sit with them instead.
""",
            },
        ],
        "upcoming": [
            {
                "topic": "Supporting IEP goals in the general classroom",
                "presenter": ("leah.friesen@example.org", "confirmed"),
                "summary": "Leah is a special educator in a K-12 school of 120 students. She "
                "shows how she and her paraprofessionals turn IEP goals into things to "
                "notice during an ordinary lesson.",
                "materials": [
                    (
                        "Pre-reading: goals you can see in a lesson",
                        "https://docs.example.org/prairie-pine/para/goals-in-a-lesson",
                    ),
                ],
            },
            {
                "topic": "Getting ready for the paraprofessional certification test",
                "presenter": ("jun.takahashi@example.org", "volunteered"),
                "summary": "What is on the test, how members studied for it, and the free "
                "practice materials that helped.",
            },
        ],
        "feedback": {
            "will_use": [
                "I am going to share the recording with the teacher I work with.",
                "Hearing how other paras handle it. I am not the only one.",
                "The case discussion gave me words for a conversation I have been avoiding.",
                "I wrote down two things to try this week.",
            ],
            "change": [
                "Could the case part be a bit longer?",
                "Please post the slides before the session.",
                "More time for questions at the end.",
            ],
            "most_useful": [
                "Hearing a para from another district describe her first year in the program.",
                "The checklist of what to ask the district before signing up.",
                "Seeing that the case was almost the same as my week.",
            ],
        },
        "reflections": [
            "I watched the recording after my evening shift. The idea of agreeing on who "
            "does what before a hard moment is exactly what my teacher and I are missing; "
            "I am going to ask her for ten minutes on Friday to sort it out.",
            "Watching the case discussion helped me see that I am not the only one being "
            "asked to walk a student out of the room. I will start writing down the times "
            "and activities so we can look for a pattern together.",
            "The talk on the grow-your-own pathway answered questions I have had for two "
            "years. I did not know classroom hours might count toward field experience. I "
            "emailed our district office to ask the next morning.",
            "I liked the three questions for the door check-in. I tried them with my "
            "teacher on Tuesday and Wednesday and we already caught a change in plans "
            "that I would have found out about too late.",
        ],
    },
    {
        "community": "trauma-informed-classrooms",
        "title": "Tuesday ECHO: Trauma-Informed Classrooms",
        "description": """\
Our weekly ECHO session, **every Tuesday from 3:45 to 4:45 pm Central** (2:45 Mountain) \
this term.

- **3:45** Welcome and introductions
- **3:50** A fifteen-minute talk by a member
- **4:05** A de-identified case, with clarifying questions first and recommendations after
- **4:40** Wrap-up and what we will try this week

Only the talk is recorded; the case discussion never is. Guests from partner schools and \
agencies are welcome: register with your name and email on any session page.
""",
        "time_zone": CHICAGO,
        "start_time": "15:45",
        "duration": 60,
        "rrule": "FREQ=WEEKLY;BYDAY=TU",
        "first_weeks_ago": 13,
        "last_weeks_ahead": 8,
        "meeting_url": "https://meet.example.org/prairie-pine/trauma-echo",
        "dial_in": "+1 555 010 0117, meeting ID 204 615 9930",
        "capacity": None,
        "allow_guests": True,
        "async_counts": False,
        "runs": ["facilitator@example.org", "yolanda.pierce@example.org"],
        "recording": "https://meet.example.org/recordings/trauma-echo/{date}",
        "regulars": {
            # Casey comes nearly every week: his transcript shows the hours and he has
            # earned the series certificate.
            "teacher@example.org": {
                "attends": "all",
                "misses": [10],
                "phone": [8],
                "upcoming": [0, 1, 2],
            },
        },
        "past": [
            {
                "topic": "Behavior is communication: a frame for the term",
                "presenter": "yolanda.pierce@example.org",
                "summary": "Yolanda opens the term with the idea we will come back to every "
                "week: before asking how to stop a behavior, ask what it is telling us.",
                "case": (
                    "alma.reyes@example.net",
                    "A fourth grader who shuts down after every recess",
                ),
                "materials": [
                    (
                        "Slides: behavior is communication",
                        "https://files.example.org/prairie-pine/trauma-echo/behavior-is-communication.pdf",
                    ),
                ],
                "notes": """\
### Key points
- Describe what you see (when, where, how long) before you name a reason.
- Stress narrows what a child can do; a calm adult widens it again.
- Our norms for the term: behavior, not labels; no names; questions before advice.

### Case: shutting down after recess
A fourth grader puts her head down and will not speak for twenty minutes after most \
recesses.

**Recommendations:** keep a two-week log of what happens at recess; offer a quiet \
re-entry job (handing out papers, watering the plant); check in with the recess \
supervisor about what they see.
""",
            },
            {
                "topic": "Predictable routines: the first ten minutes of the day",
                "presenter": "hannah.vogel@example.org",
                "summary": "Hannah teaches third grade in a city school. She shares the "
                "arrival routine her class runs on its own, so she can greet every child "
                "at the door.",
                "case": ("keisha.brown@example.net", "Mornings that start with a fight on the bus"),
                "materials": [
                    (
                        "Arrival routine, step by step",
                        "https://docs.example.org/prairie-pine/trauma-echo/arrival-routine",
                    ),
                    (
                        "Slides: the first ten minutes",
                        "https://files.example.org/prairie-pine/trauma-echo/first-ten-minutes.pdf",
                    ),
                ],
                "notes": """\
### Key points
- The same three steps every morning, posted with pictures, so no one has to ask.
- Greet every child by name at the door; it is the cheapest check-in there is.
- A "soft start" activity gives late arrivals a way in without an audience.

### Case: the bus ride comes in with them
Several students arrive upset after conflicts on a long bus route.

**Recommendations:** talk with the driver about seating; give bus riders a five-minute \
landing activity; ask the counselor to meet the bus once a week for a month.
""",
            },
            {
                "topic": "Calm corners students actually use",
                "presenter": "keisha.brown@example.net",
                "summary": "Keisha set up a calm corner in her middle school classroom that "
                "students use without being sent. What is in it, the rules, and how she "
                "taught it.",
                "case": (
                    "verna.tsosie@example.org",
                    "A student who uses the calm corner to avoid every writing task",
                ),
                "materials": [
                    (
                        "Calm corner checklist",
                        "https://docs.example.org/prairie-pine/trauma-echo/calm-corner-checklist",
                    ),
                ],
                "notes": """\
### Key points
- Teach the corner when everyone is calm, with practice runs, before anyone needs it.
- A timer and a way back (a card, a signal) keep it from becoming an escape hatch.
- Middle schoolers use it more when it is not called a "calm corner".

### Case: the corner as an exit
A student heads to the corner whenever writing starts.

**Recommendations:** shorten the first writing step to one sentence; offer the corner \
after a small start, not instead of it; look at whether writing itself is the hard part.
""",
            },
            {
                "topic": "De-escalation where everyone knows everyone",
                "presenter": "marcus.bellamy@example.org",
                "summary": "In a small town the student in crisis is also your neighbor's "
                "child. Marcus talks about de-escalation language and about protecting "
                "dignity when there is no anonymity.",
                "case": (
                    "aaron.goldfarb@example.org",
                    "A conflict that started at a Friday game and came to school on Monday",
                ),
                "materials": [
                    (
                        "Slides: de-escalation in a small school",
                        "https://files.example.org/prairie-pine/trauma-echo/de-escalation-small-school.pdf",
                    ),
                ],
                "file": PHRASE_CARD,
                "notes": """\
### Key points
- Lower your voice and your body; name the feeling, not the behavior.
- Offer two choices you can live with, then wait longer than feels comfortable.
- Repair first, consequences later, and never in front of an audience.

### Case: the weekend comes to school
A conflict between two families started at a game and continued in the hallway.

**Recommendations:** separate schedules for a few days without making it a punishment; \
one adult each student trusts; a short restorative meeting once both are ready.
""",
            },
            {
                "topic": "When a student discloses: what to say, write and do",
                "presenter": "kristin.aasland@example.org",
                "summary": "Kristin is a counselor in a district with no social worker. She "
                "walks through the first five minutes after a disclosure and what your "
                "reporting duty asks of you.",
                "case": (
                    "graciela.ortiz@example.org",
                    "A disclosure in a journal entry found on a Friday afternoon",
                ),
                "materials": [
                    (
                        "After a disclosure: a one-page guide",
                        "https://docs.example.org/prairie-pine/trauma-echo/after-a-disclosure",
                    ),
                ],
                "notes": """\
### Key points
- Listen, believe, do not promise secrecy, do not investigate.
- Write down the student's own words and the time, as soon as you can.
- Your duty to report is yours; telling the principal does not replace it.

### Case: found on a Friday afternoon
A teacher read a worrying journal entry after the students had left.

**Recommendations:** follow the reporting protocol that day, not Monday; tell the \
counselor; plan who greets the student on Monday morning.
""",
            },
            {
                "topic": "Regulation before instruction in a multi-grade science room",
                "presenter": "teacher@example.org",
                "summary": "Casey teaches every science course at a K-12 school of 140 "
                "students. He shares the two-minute routines that settle a class of twelve "
                "before a lab.",
                "case": (
                    "rachel.okonkwo@example.org",
                    "A student who panics at fire drills and loud noises",
                ),
                "materials": [
                    (
                        "Two-minute regulation routines (slides)",
                        "https://files.example.org/prairie-pine/trauma-echo/regulation-routines.pdf",
                    ),
                ],
                "notes": """\
### Key points
- Two minutes of breathing or movement before a lab saves ten minutes of cleanup.
- Routines the students lead themselves last longer than ones the teacher runs.
- Safety talk is calmer when it is predictable: same words, same place, every lab.

### Case: drills and loud noises
A student panics during fire drills and when the gym bell rings.

**Recommendations:** warn the student privately before planned drills; practice the \
route when the building is quiet; agree on a person to stand next to during drills.
""",
            },
            {"cancelled": "No session this week: the cooperative's regional in-service day."},
            {
                "topic": "Repairing the relationship after a hard day",
                "presenter": "verna.tsosie@example.org",
                "summary": "Verna has taught for twenty-two years in a school where she has "
                "now taught the children of former students. She talks about the morning "
                "after: how to start again without pretending nothing happened.",
                "case": (
                    "isaiah.greene@example.net",
                    "A student who will not speak to the teacher after a removal",
                ),
                "materials": [
                    (
                        "Repair conversation starters",
                        "https://docs.example.org/prairie-pine/trauma-echo/repair-starters",
                    ),
                ],
                "notes": """\
### Key points
- The adult makes the first move, every time, and keeps it small.
- Name your own part ("I raised my voice"); it teaches repair by doing it.
- A fresh start is a greeting and an ordinary task, not a speech.

### Case: silence after a removal
**Recommendations:** a note instead of a conversation at first; a shared task with no \
eye contact needed; ask the student what would help, and wait for the answer.
""",
            },
            {
                "topic": "Looking after the adults: secondary traumatic stress",
                "presenter": "janelle.whitaker@example.org",
                "summary": "Janelle is a school nurse who sees what students carry and what "
                "staff carry. Signs of secondary stress in yourself and your colleagues, and "
                "what helps in a school with no employee assistance program nearby.",
                "case": (
                    "chiara.romano@example.org",
                    "A colleague who seems to be running on empty",
                ),
                "materials": [
                    (
                        "Self-check for secondary traumatic stress",
                        "https://docs.example.org/prairie-pine/trauma-echo/self-check",
                    ),
                ],
                "notes": """\
### Key points
- Secondary stress is a normal response to caring work, not a weakness.
- Notice sleep, irritability and avoidance in yourself first.
- Small, regular supports (a buddy check-in, a closed door at lunch) beat one big day.

### Case: a colleague on empty
**Recommendations:** say what you have noticed, kindly and privately; know the resources \
before you start; offer one concrete thing (covering a duty, a walk at lunch).
""",
            },
            {
                "topic": "Reaching families who are hard to reach",
                "presenter": "graciela.ortiz@example.org",
                "summary": "Graciela teaches in a bilingual elementary school. Trust first, "
                "then the phone call: how she reaches families who work night shifts, have "
                "no phone minutes, or had bad experiences with school.",
                "case": (
                    "kristin.aasland@example.org",
                    "A family that has not answered the school since the fall",
                ),
                "guests": [("Lena Bergstrom", "lena.bergstrom@example.net")],
                "materials": [
                    (
                        "Good-news notes home, in English and Spanish",
                        "https://docs.example.org/prairie-pine/trauma-echo/good-news-notes",
                    ),
                ],
                "notes": """\
### Key points
- The first contact should be good news, with nothing asked in return.
- Ask families how and when they want to hear from you; write it down.
- Meet where families already are: pick-up, the game, the grocery store.

### Case: no answer since the fall
**Recommendations:** a short good-news note home in the family's language; ask an adult \
the family trusts to make the first call; offer a time outside working hours.
""",
            },
            {
                "topic": "Teacher and paraprofessional as co-regulators",
                "presenter": "hannah.vogel@example.org",
                "summary": "Hannah and the paraprofessional in her third-grade room plan in "
                "five minutes who does what when a student starts to escalate.",
                "case": (
                    "ethan.walker@example.net",
                    "Two adults giving a student two different messages",
                ),
                "materials": [],
                "notes": """\
### Key points
- One adult talks, the other moves the audience.
- Agree on the words you will both use, and use them every time.

### Case: two adults, two messages
**Recommendations:** a five-minute planning check-in each Monday; one shared phrase for \
"take a break"; debrief together after any incident.
""",
            },
            {
                "topic": "Transitions and unstructured time: recess, lunch, the bus",
                "presenter": "isaiah.greene@example.net",
                "summary": "Isaiah is a special educator who sees most incidents happen "
                "between classes. Planning the unplanned parts of the day.",
                "case": ("alma.reyes@example.net", "Lunch as the hardest half hour of the day"),
                "materials": [
                    (
                        "Transition planning template",
                        "https://docs.example.org/prairie-pine/trauma-echo/transition-template",
                    ),
                ],
                "notes": """\
### Key points
- Look at your incident log by time of day; transitions usually stand out.
- Give students a job or a place during unstructured time.

### Case: the hardest half hour
**Recommendations:** a lunch bunch twice a week; a seat near a calm adult; a clear signal \
for when to leave the cafeteria early.
""",
            },
            {
                "topic": "Restorative conversations in a passing period",
                "presenter": "anjali.mehta@example.org",
                "summary": "Anjali is an assistant principal at a suburban middle school. "
                "Short restorative conversations that fit in four minutes, and when to "
                "schedule a longer one.",
                "case": (
                    "emily.schroeder@example.net",
                    "A first-year teacher and a student who keep clashing",
                ),
                "materials": [
                    (
                        "Four restorative questions (poster)",
                        "https://docs.example.org/prairie-pine/trauma-echo/restorative-questions",
                    ),
                ],
                "notes": """\
### Key points
- Four questions: what happened, what were you thinking, who was affected, what now.
- Short and often beats long and rare.

### Case: clashing every day
**Recommendations:** a two-minute check-in at the door each morning; one thing to \
notice and praise; a mentor to observe one lesson.
""",
            },
            {
                "topic": "The first morning back after a loss",
                "presenter": "chiara.romano@example.org",
                "summary": "When a student, a parent or a teacher dies in a small community, "
                "everyone grieves at once. Chiara shares the plan her school used and what "
                "she would change.",
                "case": (
                    "daniel.sandoval@example.net",
                    "A school with no crisis team within a hundred miles",
                ),
                "guests": [
                    ("Lena Bergstrom", "lena.bergstrom@example.net"),
                    ("Marguerite Oyelaran", "m.oyelaran@example.com"),
                ],
                "materials": [
                    (
                        "Crisis response checklist for small schools",
                        "https://docs.example.org/prairie-pine/trauma-echo/crisis-checklist",
                    ),
                ],
                "notes": """\
### Key points
- Tell staff first, in person, before students arrive.
- Give teachers the same short statement to read to their classes.
- Keep routines: a normal day with room for feelings is what students need.

### Case: no crisis team nearby
**Recommendations:** a mutual-aid agreement with a neighboring district; a written plan \
reviewed each fall; this community as a place to call.
""",
            },
        ],
        "upcoming": [
            {
                "topic": "Sensory-friendly classrooms on a zero budget",
                "presenter": ("isaiah.greene@example.net", "confirmed"),
                "case": (
                    "emily.schroeder@example.net",
                    "confirmed",
                    "A first grader who runs from the room when it gets loud",
                ),
                "summary": "Isaiah shares the changes he made to lighting, noise and seating "
                "in his secondary resource room, with things already in the building.",
                "materials": [
                    (
                        "Pre-reading: a sensory walk-through of your room",
                        "https://docs.example.org/prairie-pine/trauma-echo/sensory-walk-through",
                    ),
                ],
                "guests": [
                    ("Lena Bergstrom", "lena.bergstrom@example.net"),
                    ("Rosalind Treadwell", "r.treadwell@example.com"),
                ],
            },
            {
                "topic": "De-escalation practice lab (small groups)",
                "presenter": ("marcus.bellamy@example.org", "confirmed"),
                "summary": "A hands-on session: short role plays in groups of four, with "
                "time to practice the phrases from the de-escalation session. **Limited "
                "to twelve people** so every group gets a facilitator; join the waitlist "
                "if it is full.",
                "capacity": 12,
                "case_slots": 0,
                # Who is on the waitlist at the end (registrations beyond the capacity).
                # They register once it is full, in this order; then ``cancels`` gives
                # up a place and the first of them takes it.
                "waitlist": [
                    "jamal.whitfield@example.org",
                    "newteacher@example.org",
                    "sofia.herrera@example.net",
                    "alma.reyes@example.net",
                ],
                "cancels": "aaron.goldfarb@example.org",
            },
            {
                "topic": "Referrals when the nearest clinic is an hour away",
                "presenter": ("daniel.sandoval@example.net", "confirmed"),
                "case": (
                    "anjali.mehta@example.org",
                    "volunteered",
                    "A family that cannot get to a mental health appointment",
                ),
                "summary": "Daniel is the K-12 counselor in a ranching community. "
                "Working with the county, telehealth in the school building, and what to "
                "do while a student waits for a first appointment.",
            },
            {
                "topic": "Trauma-informed grading and late work",
                "presenter": ("jamal.whitfield@example.org", "volunteered"),
                "summary": "Grading policies that hold students to high standards without "
                "punishing a hard week at home.",
            },
            {
                "topic": "Court dates, custody changes and the classroom",
                "summary": "What teachers can do when a student's life outside school is "
                "being decided by others. Presenter wanted: volunteer on this page.",
            },
        ],
        "feedback": {
            "will_use": [
                "The case discussion gave me three ideas for a student of mine.",
                "Asking a clarifying question before giving advice. I do that too little.",
                "I am sharing the recording of the talk with my grade-level team.",
                "Mostly the reminder that I am not alone in this.",
                "I will bring this to our next staff meeting.",
            ],
            "change": [
                "The case ran long; maybe a firmer stop at 4:40.",
                "Could we get the slides a day ahead?",
                "More time for the case, less for introductions.",
                "The audio was hard to hear for those of us on the phone.",
                "I would love an example from a high school next time.",
            ],
            "most_useful": [
                "The case: watching the group ask questions before advising taught me a lot.",
                "The short talk: clear, practical, and short enough to remember.",
                "Hearing how a rural school does this with one counselor for the whole building.",
                "The slide with the three steps. I took a photo of it.",
            ],
        },
    },
    {
        "community": "new-teacher-circle",
        "title": "New Teacher Circle: Wednesday sessions",
        "description": """\
**Wednesdays at 4:15 pm Central** (3:15 Mountain), for teachers, special educators and \
counselors in their first three years and the colleagues who support them.

Each session opens with a short, practical talk by someone a few years further along, \
then one member brings something from their own classroom. Come as you are: no \
preparation needed, and cameras are optional.
""",
        "time_zone": CHICAGO,
        "start_time": "16:15",
        "duration": 60,
        "rrule": "FREQ=WEEKLY;BYDAY=WE",
        "first_weeks_ago": 13,
        "last_weeks_ahead": 7,
        "meeting_url": "https://meet.example.org/prairie-pine/new-teacher-circle",
        "dial_in": "+1 555 010 0163, meeting ID 772 018 4456",
        "capacity": None,
        "allow_guests": False,
        "async_counts": False,
        "runs": ["hannah.vogel@example.org", "facilitator@example.org"],
        "recording": "https://meet.example.org/recordings/new-teacher-circle/{date}",
        "regulars": {
            "teacher@example.org": {
                "attends": [1, 4, 7, 10, 11],
                "misses": [],
                "phone": [],
                "upcoming": [1],
            },
        },
        "past": [
            {
                "topic": "Welcome: what the first weeks really look like",
                "presenter": "hannah.vogel@example.org",
                "summary": "Introductions, our norms, and an honest look at the first "
                "weeks of teaching from someone sixteen years in.",
                "case": (
                    "tomas.villanueva@example.net",
                    "Feeling behind already, five weeks into the term",
                ),
                "materials": [],
                "notes": """\
### Key points
- Everyone in the room has felt behind; it is a stage, not a verdict.
- Pick one thing to get right this week, and let the rest be good enough.

### Member's situation: behind already
**Ideas from the group:** a weekly "done list" instead of a to-do list; ask a colleague \
for one unit plan to adapt instead of writing from scratch.
""",
            },
            {
                "topic": "Planning a week without working every evening",
                "presenter": "pedro.alvarado@example.org",
                "summary": "Pedro has taught for twenty years and stopped taking work home "
                "in year six. His planning template and the one rule that made it work.",
                "case": (
                    "owen.mcallister@example.net",
                    "Teaching four preps in a high school of ninety students",
                ),
                "materials": [
                    (
                        "One-page weekly planning template",
                        "https://docs.example.org/prairie-pine/ntc/weekly-planning-template",
                    ),
                ],
                "notes": """\
### Key points
- Plan the week on Thursday, not Sunday night.
- Reuse a lesson structure all week; change the content, not the routine.
- Decide when work stops, and protect it like a meeting.

### Member's situation: four preps
**Ideas from the group:** one shared routine for all four classes; batch grading by \
assignment type; borrow units from the One-Person Science Departments community.
""",
            },
            {
                "topic": "Calling a parent for the first time",
                "presenter": "keisha.brown@example.net",
                "summary": "Keisha's script for the first call home, the good-news call, "
                "and what to do when a call goes badly.",
                "case": (
                    "jamal.whitfield@example.org",
                    "A parent who emails the principal after every assignment",
                ),
                "materials": [
                    (
                        "Script: the first call home",
                        "https://docs.example.org/prairie-pine/ntc/first-call-home",
                    ),
                ],
                "notes": """\
### Key points
- Make the first call a good-news call, in the first month.
- Start with what you have noticed about the student, not the problem.
- Write down what was agreed and send a short follow-up.

### Member's situation: every assignment goes to the principal
**Ideas from the group:** ask for a short meeting with the parent and the principal \
together; share the grading criteria before the next assignment.
""",
            },
            {
                "topic": "The first five minutes of class",
                "presenter": "wren.castellano@example.net",
                "summary": "Wren teaches middle school science in a K-8 school of sixty "
                "students. Entry routines that get a mixed-age class working before the "
                "bell stops ringing.",
                "case": (
                    "sofia.herrera@example.net",
                    "A class that takes fifteen minutes to settle after lunch",
                ),
                "materials": [
                    (
                        "Do-now ideas for mixed-age classes",
                        "https://docs.example.org/prairie-pine/ntc/do-now-ideas",
                    ),
                ],
                "notes": """\
### Key points
- A task on the board before they walk in; the same place every day.
- Greet at the door, then start, even if not everyone is ready.

### Member's situation: settling after lunch
**Ideas from the group:** a two-minute read-aloud to open the period; lights low for the \
first task; move the hardest lesson to the morning if the schedule allows.
""",
            },
            {
                "topic": "When the lesson falls apart",
                "presenter": "ethan.walker@example.net",
                "summary": "Ethan is in his third year. What he does now when a lesson is "
                "clearly not working, twenty minutes in.",
                "case": ("tomas.villanueva@example.net", "A lab that turned into chaos"),
                "materials": [],
                "notes": """\
### Key points
- Stop, name it, switch: "This isn't working; let's try it another way."
- Keep a five-minute backup activity for every unit.

### Member's situation: the lab that got away
**Ideas from the group:** assign roles in lab groups; practice the cleanup routine \
before the first real lab; fewer materials out at once.
""",
            },
            {
                "topic": "What I learned from my first observation",
                "presenter": "jamal.whitfield@example.org",
                "summary": "Jamal shares his first formal observation: what he planned, what "
                "went wrong, and what his principal actually looked for.",
                "case": (
                    "keisha.brown@example.net",
                    "An observation scheduled on the day before a long weekend",
                ),
                "materials": [
                    (
                        "Pre-observation conversation questions",
                        "https://docs.example.org/prairie-pine/ntc/pre-observation-questions",
                    ),
                ],
                "notes": """\
### Key points
- Ask what the observer will look for, and ask for the rubric.
- Teach a normal lesson well rather than a special one badly.

### Member's situation: the worst possible day
**Ideas from the group:** ask politely to move it; if not, plan a structured lesson with \
clear routines and use the day's energy.
""",
            },
            {
                "topic": "Grading without drowning",
                "presenter": "pedro.alvarado@example.org",
                "summary": "Feedback that takes less time and helps more: single-point "
                "rubrics, conferences, and what not to grade at all.",
                "case": ("wren.castellano@example.net", "Three weeks behind on grading"),
                "materials": [
                    (
                        "Single-point rubric template",
                        "https://docs.example.org/prairie-pine/ntc/single-point-rubric",
                    ),
                ],
                "notes": """\
### Key points
- Not everything needs a grade; practice can get feedback only.
- A single-point rubric is faster to use and clearer to students.

### Member's situation: three weeks behind
**Ideas from the group:** grade the most recent work first; spot-check the rest; tell \
students the plan so they stop asking.
""",
            },
            {
                "topic": "Noticing burnout early",
                "presenter": "facilitator@example.org",
                "summary": "Joelle is a counselor who co-facilitates this circle. The early "
                "signs of burnout and the small changes that help before it gets big.",
                "case": (
                    "ben.halvorsen@example.net",
                    "The only counselor within sixty miles, and tired already",
                ),
                "materials": [],
                "notes": """\
### Key points
- Early signs: Sunday dread, skipping lunch, dropping things you used to enjoy.
- Say it out loud to one person you trust.

### Member's situation: the only one for sixty miles
**Ideas from the group:** write down everything you are covering and bring it to the \
principal; ask what can stop, not only what can wait; lean on the Rural School \
Counselors community between sessions.
""",
            },
            {
                "topic": "New teacher, veteran paraprofessional",
                "presenter": "kyle.jorgensen@example.net",
                "summary": "Kyle is a paraprofessional. He talks about working with a new "
                "teacher from the other side of the room, and what helps both of you.",
                "case": (
                    "emily.schroeder@example.net",
                    "Directing an aide who has been in the room longer than you",
                ),
                "materials": [],
                "notes": """\
### Key points
- Ask what has worked in this room before you change it.
- Agree on roles in writing; revisit them after a month.

### Member's situation: who is in charge?
**Ideas from the group:** a weekly ten-minute planning check-in; ask the aide to lead one \
routine they know well.
""",
            },
            {
                "topic": "Combined-grade classrooms",
                "presenter": "sofia.herrera@example.net",
                "summary": "Sofía teaches third and fourth grade together. How she plans one "
                "lesson for two grades and where she keeps them apart.",
                "case": ("owen.mcallister@example.net", "Two levels of algebra in one period"),
                "materials": [
                    (
                        "Planning grid for two grades",
                        "https://docs.example.org/prairie-pine/ntc/two-grade-grid",
                    ),
                ],
                "notes": """\
### Key points
- Shared opening and closing, separate work time in the middle.
- Students can teach each other more than we expect.

### Member's situation: two algebra levels
**Ideas from the group:** alternate direct teaching between groups; common warm-ups; \
ask the Rural Math Circle for rich tasks that work at both levels.
""",
            },
            {
                "topic": "Parent-teacher conferences in twenty minutes",
                "presenter": "hannah.vogel@example.org",
                "summary": "Hannah has run conferences for sixteen years. A simple plan: one "
                "strength, one goal, one thing to do at home.",
                "case": ("ethan.walker@example.net", "A conference where the family did not come"),
                "materials": [
                    (
                        "Conference planning sheet (English and Spanish)",
                        "https://docs.example.org/prairie-pine/ntc/conference-sheet",
                    ),
                ],
                "notes": """\
### Key points
- Start with a strength and a piece of student work.
- End with one thing the family can do at home, written down.

### Member's situation: no one came
**Ideas from the group:** call to offer another time; send the planning sheet home \
anyway; ask whether a phone conference would be easier.
""",
            },
            {
                "topic": "Saying no to extra duties",
                "presenter": "owen.mcallister@example.net",
                "summary": "In a small school everyone coaches something. Owen on how he "
                "said yes to one thing and no to three in his second year.",
                "case": (
                    "jamal.whitfield@example.org",
                    "Asked to coach, drive the bus and run the yearbook",
                ),
                "materials": [],
                "notes": """\
### Key points
- Ask what the duty involves, in hours, before you answer.
- "Not this year" is an answer.

### Member's situation: three new duties
**Ideas from the group:** choose the one you would enjoy; ask a mentor to help you say no \
to the others.
""",
            },
            {
                "topic": "Your first IEP meeting as a general educator",
                "presenter": "wren.castellano@example.net",
                "summary": "What to bring, what to say, and what the family is hoping to "
                "hear from the classroom teacher.",
                "case": ("sofia.herrera@example.net", "Disagreeing with a goal in the meeting"),
                "materials": [
                    (
                        "What to bring to an IEP meeting",
                        "https://docs.example.org/prairie-pine/ntc/iep-meeting-checklist",
                    ),
                ],
                "notes": """\
### Key points
- Bring work samples and one specific observation.
- Talk about the student, not the label.

### Member's situation: disagreeing with a goal
**Ideas from the group:** ask a question rather than object; talk with the case manager \
before the meeting next time.
""",
            },
        ],
        "upcoming": [
            {
                "topic": "Ending the term well",
                "presenter": ("wren.castellano@example.net", "confirmed"),
                "case": (
                    "emily.schroeder@example.net",
                    "confirmed",
                    "Keeping a class working in the last weeks of the term",
                ),
                "summary": "Routines for the last weeks, when everyone is tired and the "
                "schedule falls apart.",
            },
            {
                "topic": "Writing your self-reflection for your evaluation",
                "presenter": ("pedro.alvarado@example.org", "confirmed"),
                "summary": "How to write an honest, useful self-reflection, with examples "
                "members are willing to share.",
                "materials": [
                    (
                        "Examples of self-reflections (shared by members)",
                        "https://docs.example.org/prairie-pine/ntc/self-reflection-examples",
                    ),
                ],
            },
            {
                "topic": "Resetting routines after a long break",
                "presenter": ("tomas.villanueva@example.net", "volunteered"),
                "summary": "Coming back after a break is a second first day. What to reteach "
                "and how quickly.",
            },
            {
                "topic": "Rest, planning and what to let go",
                "summary": "An open conversation to end the term. Bring one thing you will "
                "keep and one thing you will drop.",
            },
        ],
        "feedback": {
            "will_use": [
                "It helped just to hear I am not the only one.",
                "I am going to ask my mentor about this on Friday.",
                "The member's situation was almost exactly mine. Taking notes for next week.",
                "Honestly, just having an hour to think about my teaching.",
            ],
            "change": [
                "Could we have a session for special educators?",
                "More time for the member's situation.",
                "4:15 is hard when I have bus duty; could some sessions be later?",
            ],
            "most_useful": [
                "Knowing that second-year teachers still struggle with the same things.",
                "The concrete examples from a real classroom.",
                "The member's situation and the ideas people gave for it.",
            ],
        },
    },
]

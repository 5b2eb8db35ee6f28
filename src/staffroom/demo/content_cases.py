"""The demo's cases and polls: invented, de-identified situations from rural and town
schools ("Student A", never a real name), except one draft that still shows the guard
what it is for.

Each case names its community, its presenter and how far it got: ``"draft"``,
``"submitted"``, ``"returned"`` (with the facilitator's ``note``) or ``"accepted"``.
``days_ago`` is when it was started; it was submitted a day or two later and decided a
few days after that. ``clear`` lists flagged phrases the presenter marked "not
identifying", with the reason; ``attachment`` is a plain-text work sample.
"""

CASES = [
    # -- Trauma-Informed Classrooms ECHO ------------------------------------------------
    {
        "community": "trauma-informed-classrooms",
        "presenter": "teacher@example.org",
        "state": "accepted",
        "days_ago": 41,
        "title": "A seventh grader who shuts down in lab after a move",
        "grade_band": "6-8",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Student A joined our K-12 school in the fall after the family moved for a job "
            "at the feed mill. I teach every science class from sixth grade up, so I see "
            "Student A every day. In the first weeks Student A was quiet but worked. Since "
            "then, whenever a lab group forms, Student A puts their head down, pulls up a "
            "hood and does not answer. It happens most on days with a substitute bus driver "
            "or a schedule change, and almost never during quiet reading."
        ),
        "tried": (
            "Assigned a steady lab partner who is patient. Offered a written role card "
            "(materials manager) so there is a job that needs no talking. Checked in at the "
            "door before class. The role card helped twice; the check-in seems to make it "
            "worse when other students are watching."
        ),
        "strengths": (
            "Careful, neat lab notebook when working alone. Likes animals and lit up during "
            "the owl pellet lab. A younger sibling is in the elementary wing and Student A "
            "walks them to the bus every afternoon."
        ),
        "questions": (
            "How do I tell a shutdown from a choice not to work, and respond differently?\n"
            "What can I change in the way lab groups form so it is less of a trigger?\n"
            "Who else in a school our size should know, without making it a big deal?"
        ),
        "outcome": (
            "Student A takes part in a lab group at least twice a week by the end of the "
            "quarter, and has one adult in the building they go to on hard days."
        ),
        "tags": "shutdown, transitions, lab groups, new students",
        "attachment": (
            "lab-exit-ticket.txt",
            "Exit ticket, owl pellet lab (typed from the student's card)\n"
            "What did you find? Two skulls, one was a vole I think. Lots of tiny bones.\n"
            "What do you still wonder? How the owl knows what it can't digest.\n"
            "How did your group work today? I sorted the bones. It was ok.\n",
        ),
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "graciela.ortiz@example.org",
        "state": "accepted",
        "days_ago": 58,
        "title": "Reading a survival novel with a student who has lived one",
        "grade_band": "6-8",
        "locale": "town",
        "school_kind": "public",
        "background": (
            "Our eighth grade reads Hatchet every winter. Student A, who arrived two years "
            "ago and spent months in a shelter on the way, writes journal entries that "
            "compare their own trip to Brian's, in detail. Some entries are powerful; some "
            "end mid-sentence, and on those days Student A asks to go to the nurse."
        ),
        "tried": (
            "Let Student A choose journal prompts instead of the assigned ones. Talked with "
            "the counselor, who meets Student A every other week. Moved the hardest "
            "chapters to a day when the counselor is in the building."
        ),
        "strengths": (
            "A strong writer in two languages. Classmates listen when Student A reads "
            "aloud. Student A asked on their own to keep reading the book."
        ),
        "questions": (
            "How do I keep the book open to Student A without the journal turning into "
            "reliving the journey?\n"
            "What should I do with an entry that tells me more than a teacher should hold "
            "alone?"
        ),
        "outcome": (
            "Student A finishes the unit with choice over what they share, and the "
            "counselor and I agree on what I pass on and how fast."
        ),
        "tags": "literacy, refugee and newcomer students, journaling, regulation",
        "clear": [
            (
                "background",
                "Brian",
                "Brian is the main character of the novel the class is reading, not a student.",
            ),
        ],
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "hannah.vogel@example.org",
        "state": "accepted",
        "days_ago": 73,
        "title": "Mornings after a weekend away: a kindergartner who cannot settle",
        "grade_band": "k-2",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Student A spends weekends with one parent two hours away and weekdays with "
            "grandparents. Monday and Tuesday mornings Student A cries at drop-off, hides "
            "under the reading table and throws blocks when asked to come to circle. By "
            "Wednesday Student A is a different child: chatty, helpful, first to clean up."
        ),
        "tried": (
            "A picture schedule taped to the cubby. A calm corner with a timer. A "
            "'Monday job' (watering the class plant) that only Student A does."
        ),
        "strengths": (
            "Loves the class plant and the job that comes with it. Grandparents come to "
            "every conference and text back the same day."
        ),
        "questions": (
            "Is the Monday pattern about the handover itself, and what can school do about "
            "a transition that happens at home?\n"
            "How do I keep circle time safe for the other twenty children on those "
            "mornings?"
        ),
        "outcome": (
            "Monday mornings with no thrown objects, and a greeting routine the "
            "grandparents can use at drop-off too."
        ),
        "tags": "early childhood, transitions, family, regulation",
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "isaiah.greene@example.net",
        "state": "submitted",
        "days_ago": 6,
        "title": "Restraint trainings and a student who flinches",
        "grade_band": "3-5",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Student A, a fourth grader with an IEP for emotional disability, startles and "
            "freezes when an adult approaches from behind, and has run from the room twice "
            "when a staff member raised their voice in the hallway. Our staff just had a "
            "restraint refresher, and I worry that the training makes adults move in "
            "faster, not slower."
        ),
        "tried": (
            "Announced myself before coming close. Agreed with Student A on a hand signal "
            "for 'I need a minute'. Asked the aides to approach from the front."
        ),
        "strengths": (
            "Student A uses the hand signal now, most days. Funny, loves drawing maps of "
            "imaginary islands."
        ),
        "questions": (
            "How do we talk about approach and voice with the whole staff without singling "
            "Student A out?\n"
            "What should be in the behavior plan so nobody reaches for a hold first?"
        ),
        "outcome": (
            "No runs from the room this month, and a plan every adult in the hallway has read."
        ),
        "tags": "special education, de-escalation, staff training",
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "keisha.brown@example.net",
        "state": "returned",
        "days_ago": 14,
        "title": "Student A and the bus ride home",
        "grade_band": "9-12",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Student A rides the longest bus route in the district, about seventy minutes "
            "each way. Fights on the bus have led to two suspensions this year. In class "
            "Student A is calm and works hard; the trouble is almost always in the last "
            "twenty minutes of the ride home."
        ),
        "tried": "Seat assignment near the driver. A check-out with me at the end of the day.",
        "strengths": "Works hard in class. Good with younger kids on the bus when it is calm.",
        "questions": "What can the school do about a bus ride it does not supervise?",
        "outcome": "A month with no write-ups from the bus.",
        "tags": "transportation, discipline",
        "note": (
            "Thank you, this is a real gap for many of our schools. Before we take it: "
            "with one route that long, the route length and the suspensions together could "
            "point to one student in a small district. Could you drop the number of "
            "minutes, say a little more about what the driver has tried, and add a second "
            "question for the group?"
        ),
    },
    # -- Rural School Counselors --------------------------------------------------------
    {
        "community": "rural-school-counselors",
        "presenter": "kristin.aasland@example.org",
        "state": "submitted",
        "days_ago": 4,
        "title": "A family we can reach only on weekends",
        "grade_band": "6-8",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "The parents of Student A both work rotating shifts at a processing plant an hour "
            "away and sleep during school hours. Calls go to a full voicemail; letters home "
            "come back unopened in the backpack. Student A has missed eleven days this "
            "quarter and is failing two classes. When I did reach a parent, on a Saturday, "
            "they were worried and glad to talk."
        ),
        "tried": (
            "Texting instead of calling. A Saturday phone call, which worked once. Sending "
            "work home with an older cousin."
        ),
        "strengths": (
            "The family wants to be involved. Student A is well liked and plays in the band."
        ),
        "questions": (
            "Is it reasonable, and safe, for a counselor to make weekend contact a routine?\n"
            "What could the school offer that fits a shift worker's week?"
        ),
        "outcome": (
            "One agreed way to reach the family every week, and attendance back above "
            "ninety percent."
        ),
        "tags": "family engagement, attendance, shift work",
    },
    {
        "community": "rural-school-counselors",
        "presenter": "daniel.sandoval@example.net",
        "state": "accepted",
        "days_ago": 66,
        "title": "Lunch groups that a student quietly stopped coming to",
        "grade_band": "9-12",
        "locale": "town",
        "school_kind": "public",
        "background": (
            "I run three lunch groups a week in a high school of 240. Student A came to "
            "every session of the grief group in the fall, then stopped without a word. "
            "Teachers report nothing unusual. Student A still says hello in the hall but "
            "changes the subject when I mention the group."
        ),
        "tried": "A note in the locker. Asking a trusted teacher to check in.",
        "strengths": (
            "Student A built real friendships in the group and was a steady voice for the "
            "younger members."
        ),
        "questions": (
            "When a student leaves a group, how hard should a counselor follow up?\n"
            "How do I keep the door open without making the group an obligation?"
        ),
        "outcome": "Student A knows they are welcome back, on their terms.",
        "tags": "grief, small groups, high school",
    },
    {
        "community": "rural-school-counselors",
        "presenter": "esperanza.vigil@example.org",
        "state": "accepted",
        "days_ago": 35,
        "title": "One counselor, four buildings, and a crisis on the wrong day",
        "grade_band": "3-5",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "I am the only counselor for four small schools spread over a county. A fifth "
            "grader disclosed self-harm to a teacher on a day I was sixty miles away. The "
            "teacher handled it well, but only by luck: our crisis plan assumes a "
            "counselor down the hall."
        ),
        "tried": (
            "Wrote a one-page crisis card for each building. Set up a phone tree with the "
            "principals and the school nurse who covers two of the schools."
        ),
        "strengths": (
            "Principals who answer the phone. A teacher who stayed calm and did the right things."
        ),
        "questions": (
            "What belongs on a crisis card for a building with no counselor that day?\n"
            "How do other itinerant counselors train the adults who are there?"
        ),
        "outcome": "Every adult in all four buildings knows the first three steps.",
        "tags": "crisis response, itinerant staff, suicide prevention",
    },
    # -- New Teacher Circle -------------------------------------------------------------
    {
        "community": "new-teacher-circle",
        "presenter": "jamal.whitfield@example.org",
        "state": "accepted",
        "days_ago": 50,
        "title": "A colleague resisting the new reading routine",
        "grade_band": "3-5",
        "locale": "town",
        "school_kind": "public",
        "background": (
            "Our grade-level team adopted a daily fifteen-minute partner reading routine "
            "this year. I am in my first year; my teaching partner has taught fourth grade "
            "for twenty-two years and skips the routine most days, saying it takes time "
            "from real instruction. Our students switch rooms for math, and the ones who "
            "come to me from that room are behind in the reading checks."
        ),
        "tried": (
            "Shared my students' fluency charts at a team meeting. Offered to run the "
            "routine in both rooms one day a week."
        ),
        "strengths": (
            "My partner is a strong math teacher and generous with materials. We both care "
            "about the same students."
        ),
        "questions": (
            "How does a first-year teacher raise this without damaging the one working "
            "relationship I most need?\n"
            "Is it my place at all, or the principal's?"
        ),
        "outcome": "A conversation with my partner that ends with a plan we both can live with.",
        "tags": "colleagues, literacy, first-year teachers",
    },
    {
        "community": "new-teacher-circle",
        "presenter": "pedro.alvarado@example.org",
        "state": "submitted",
        "days_ago": 3,
        "title": "Twenty-eight sophomores and a co-teacher who is pulled away",
        "grade_band": "9-12",
        "locale": "town",
        "school_kind": "public",
        "background": (
            "My second-period biology class has twenty-eight students, nine of them with "
            "IEPs. A special education co-teacher is scheduled with me, but is pulled to "
            "cover other rooms two or three days a week, often with no notice."
        ),
        "tried": ("Plans that work with one adult or two. Stations on co-taught days only."),
        "strengths": "The students like the labs and each other.",
        "questions": (
            "How do I plan for a co-teacher who may or may not come?\n"
            "What do I owe the students whose IEPs name co-teaching when it does not "
            "happen?"
        ),
        "outcome": "A week plan that serves the students either way.",
        "tags": "co-teaching, special education, planning",
    },
    # -- Paraprofessional Pathways ------------------------------------------------------
    {
        "community": "paraprofessional-pathways",
        "presenter": "tanya.mitchell@example.org",
        "state": "accepted",
        "days_ago": 47,
        "title": "One paraprofessional stretched across three classrooms",
        "grade_band": "k-2",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "I support students in kindergarten, first and second grade, in three rooms at "
            "opposite ends of the building. Each teacher plans as if I am there all "
            "morning. Student A in first grade needs me most during writing, which is at "
            "the same time as kindergarten centers."
        ),
        "tried": (
            "A shared schedule on paper outside each door. Short visual cards the teachers "
            "use when I am not there."
        ),
        "strengths": (
            "Teachers who want to make it work. Student A now uses the visual cards on "
            "their own some days."
        ),
        "questions": (
            "How do other paraprofessionals ask teachers to plan around their real "
            "schedule?\n"
            "What can I leave behind in a room so the support does not stop when I leave?"
        ),
        "outcome": "A schedule all three teachers agreed to, and supports that stay in the room.",
        "tags": "paraprofessionals, scheduling, early grades",
    },
    {
        "community": "paraprofessional-pathways",
        "presenter": "hector.ybarra@example.net",
        "state": "draft",
        "days_ago": 2,
        "title": "Recess duty and the student who wanders",
        "grade_band": "3-5",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "On recess duty I watch sixty students on a field with no fence. One third "
            "grader drifts toward the road most days, not running, just walking away from "
            "the noise."
        ),
    },
    # -- One-Person Science Departments: the teacher's draft, not yet de-identified ---------
    {
        "community": "one-person-science",
        "presenter": "teacher@example.org",
        "state": "draft",
        "days_ago": 1,
        "title": "Lab safety and a student who cannot read the procedure",
        "grade_band": "9-12",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Maria Lopez, a junior in my chemistry class, reads about three grade levels "
            "below her peers. On March 14 she mixed the wrong reagents because she could "
            "not follow the written procedure, and she now refuses to touch glassware. Her "
            "mother called me the next day and we agreed to talk again after the break."
        ),
        "tried": "Read the procedure aloud to the class. Paired her with a stronger reader.",
        "strengths": "Curious, asks the best questions in the room.",
        "questions": "How do I make lab procedures safe for students who cannot read them yet?",
        "outcome": "She is back at the bench by the end of the unit.",
        "tags": "lab safety, reading, chemistry",
    },
]

# Polls a facilitator asked. ``session`` ties the poll to the series' next session;
# ``votes`` are spread over the community's members in turn (option positions, from 1);
# ``closed_days_ago`` closes it early.
POLLS = [
    {
        "community": "trauma-informed-classrooms",
        "by": "facilitator@example.org",
        "session": "next",
        "days_ago": 2,
        "question": "Which case format should we use in the next session?",
        # Left for teacher@example.org to answer in the demo.
        "spare": ["teacher@example.org"],
        "options": [
            "One case, the full hour",
            "Two short cases",
            "A case plus open questions from the group",
        ],
        "votes": [1, 3, 3, 2, 3, 1, 3, 2, 3],
    },
    {
        "community": "new-teacher-circle",
        "by": "hannah.vogel@example.org",
        "days_ago": 24,
        "closed_days_ago": 17,
        "anonymous": True,
        "show_results": "after_close",
        "question": "How many evenings a week did you work past 8 pm this month?",
        "options": ["None", "One or two", "Three or four", "Nearly every evening"],
        "votes": [2, 3, 3, 4, 2, 3, 1, 4, 3, 2],
    },
    {
        "community": "paraprofessional-pathways",
        "by": "gloria.estrada@example.org",
        "days_ago": 38,
        "closed_days_ago": 30,
        "multiple": True,
        "question": "Which topics would help you most this spring?",
        "options": [
            "Supporting writing",
            "De-escalation",
            "Working with more than one teacher",
            "Data collection for IEP goals",
        ],
        "votes": [[2, 3], [3], [1, 3], [4], [2], [3, 4]],
    },
]

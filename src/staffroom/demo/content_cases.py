"""The demo's cases and polls: invented, de-identified situations from rural and town
schools ("Student A", never a real name), except one draft that still shows the guard
what it is for.

Each case names its community, its presenter and how far it got: ``"draft"``,
``"submitted"``, ``"returned"`` (with the facilitator's ``note``), ``"accepted"``, or on
through the workflow: ``"scheduled"``, ``"presented"``, ``"summarized"`` (the
recommendations were sent) or ``"followed_up"``. ``days_ago`` is when it was started;
it was submitted a day or two later and decided a few days after that. ``clear`` lists
flagged phrases the presenter marked "not identifying", with the reason;
``attachment`` is a plain-text work sample.

A case that goes on is scheduled into the session where ``content_sessions`` gives its
presenter a case slot (the first upcoming one for ``"scheduled"``, else the first held
after it was accepted, so ``days_ago`` must leave room for that). ``contributions`` are
what the members who came said in the session, as (kind, text) or (kind, text, link),
questions first; ``revise`` is the presenter's edit after the session (a second
version); ``summary`` is what the facilitator sent, ``followup_weeks`` when the
follow-up is due (four weeks unless given), ``thank`` the contributions the presenter
thanked (by position) and ``followup`` the presenter's answer.
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
        "state": "followed_up",
        "days_ago": 80,
        "title": "Reading a survival novel with a student who has lived one",
        "grade_band": "3-5",
        "locale": "city",
        "school_kind": "public",
        "background": (
            "Our fifth grade reads Hatchet every winter. Student A, who arrived two years "
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
        "contributions": [
            (
                "question",
                "When an entry stops mid-sentence, is it at the same kind of moment in the "
                "story each time, or could it be anywhere?",
            ),
            (
                "question",
                "Does Student A know who reads the journal, and that there are things you "
                "cannot keep to yourself?",
            ),
            (
                "question",
                "Does the counselor know which chapters are coming up, and how often do they "
                "see Student A right now?",
            ),
            (
                "strategy",
                "Give the whole class a folded-page option: fold a page over and I will not "
                "read it unless you unfold it. Offered to everyone, it is not special "
                "treatment, and Student A keeps control of what they share.",
            ),
            (
                "strategy",
                "Offer prompts that point at the book instead of the trip: what the main "
                "character should have packed, a letter of advice to him, a better ending. "
                "Student A can still bring in their own story, but does not have to.",
            ),
            (
                "referral",
                "Sit down with the counselor and write down together what you pass on the "
                "same day (anything about safety right now) and what can wait for their next "
                "visit. Then tell Student A that agreement in plain words.",
            ),
            (
                "resource",
                "The NCTSN site has short pages for teachers on newcomer and refugee students "
                "and on what trauma can look like in class. Our team read two of them in one "
                "planning period.",
                "https://www.nctsn.org",
            ),
            (
                "other",
                "Keep reading the book with Student A. They asked to, and finishing it on "
                "their own terms is part of the repair.",
            ),
        ],
        "revise": {
            "tried": (
                "Let Student A choose journal prompts instead of the assigned ones. Talked with "
                "the counselor, who meets Student A every other week. Moved the hardest "
                "chapters to a day when the counselor is in the building.\n\n"
                "Since the session: a folded-page option for the whole class, prompts about "
                "the book for the last chapters, and a written agreement with the counselor "
                "about what I pass on and when."
            ),
        },
        "summary": (
            "Thank you for bringing Student A and the journal to the group. Here is what "
            "we recommended.\n\n"
            "Keep the book, change the prompts\n"
            "- Keep reading with Student A: finishing the book on their own terms is part "
            "of the work.\n"
            "- Offer prompts about the book rather than the journey (advice to the main "
            "character, what he should have packed, a better ending).\n"
            "- Give the whole class a folded-page option, so anyone can keep a page to "
            "themselves.\n\n"
            "Holding what you learn\n"
            "- Write down with the counselor what you pass on the same day and what waits "
            "for the next visit, and tell Student A.\n"
            "- Anything about safety right now goes through the reporting protocol that "
            "day, not after the weekend.\n\n"
            "To read\n"
            "- The NCTSN pages for teachers on newcomer students and trauma "
            "(https://www.nctsn.org).\n\n"
            "We will ask you in four weeks how it went."
        ),
        "thank": [3, 5],
        "followup": {
            "tried": (
                "The folded-page option for the whole class (six students used it at least "
                "once), prompts about the book for the last four chapters, and a written "
                "agreement with the counselor about what I pass on and when."
            ),
            "happened": (
                "Student A finished the book and read their last entry aloud to the class. "
                "Two of their entries were folded over; I did not read them, and Student A "
                "told the counselor about one of them on their own. No more trips to the "
                "nurse during the unit."
            ),
            "rating": 4,
        },
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
    {
        "community": "trauma-informed-classrooms",
        "presenter": "ethan.walker@example.net",
        "state": "summarized",
        "days_ago": 38,
        "title": "Two adults giving a student two different messages",
        "grade_band": "9-12",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "Student A, a tenth grader with an IEP, spends three periods a day in my "
            "English and history classes with a paraprofessional. When Student A gets "
            "frustrated, I offer a short break; the paraprofessional, who has known the "
            "family for years, tells Student A to push through. Student A has started "
            "asking whichever adult is more likely to say yes, and shuts down with the "
            "other one."
        ),
        "tried": (
            "A talk with the paraprofessional after school, which went well but changed "
            "little in the room. A break card that either of us can honor."
        ),
        "strengths": (
            "The paraprofessional cares about Student A and knows the family well. Student "
            "A likes history and is a sharp debater on a good day."
        ),
        "questions": (
            "How do two adults agree on one message when they see a student so "
            "differently?\n"
            "In the moment, who decides whether a break is allowed?"
        ),
        "outcome": (
            "Both adults use the same words for a break, and Student A stops going to the "
            "other adult when the answer is no."
        ),
        "tags": "paraprofessionals, consistency, co-regulation, high school",
        "contributions": [
            (
                "question",
                "Has the paraprofessional read the behavior section of the IEP, and was she "
                "at the meeting where it was written?",
            ),
            (
                "question",
                "When Student A goes to the other adult, what happens next? Who ends up "
                "making the call?",
            ),
            (
                "strategy",
                "Agree on one sentence for breaks and both say exactly that, every time: "
                "'You can take two minutes, then we start with the first question.' The "
                "words matter more than who says them.",
            ),
            (
                "strategy",
                "Five minutes every Monday with the paraprofessional: what is coming this "
                "week and who does what if Student A starts to escalate. One adult talks, "
                "the other moves the audience, as in this week's talk.",
            ),
            (
                "referral",
                "Ask the case manager to sit down with both of you and walk through the "
                "break part of the plan. If the plan does not say who decides, that is worth "
                "raising at the next IEP meeting.",
            ),
            (
                "resource",
                "The CAST site on Universal Design for Learning has good material on "
                "building choice into a task. When a break is really about the work being "
                "too hard, a different way into the task can help more than the break.",
                "https://www.cast.org",
            ),
        ],
        "summary": (
            "Thank you for a case so many of us recognized. The group's recommendations:\n\n"
            "One message\n"
            "- Agree with the paraprofessional on one sentence for breaks and both use it "
            "every time.\n"
            "- Meet for five minutes every Monday: the week ahead, and who does what if "
            "Student A starts to escalate (one adult talks, the other moves the "
            "audience).\n\n"
            "The plan\n"
            "- Ask the case manager to go through the break part of the IEP with both of "
            "you; if it does not say who decides, raise it at the next meeting.\n\n"
            "The work itself\n"
            "- Look at whether the breaks cluster around one kind of task; CAST "
            "(https://www.cast.org) has ideas for building choice into it.\n\n"
            "We will check in with you in four weeks."
        ),
        "thank": [2],
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "alma.reyes@example.net",
        "state": "presented",
        "days_ago": 30,
        "title": "Lunch as the hardest half hour of the day",
        "grade_band": "3-5",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "I am the counselor in a K-8 school of 180. Student A, a fourth grader, has had "
            "five office referrals this year, and four of them happened at lunch. The "
            "cafeteria is loud, the line is long, and the lunch supervisors change from day "
            "to day. In class and in my office Student A is calm, polite and funny."
        ),
        "tried": (
            "Lunch in my office twice a week, which Student A loves but which also keeps "
            "them away from their friends. A seat at the end of the table, near the door."
        ),
        "strengths": (
            "Friendly, with two close friends. Loves helping the custodian set up chairs "
            "for assemblies."
        ),
        "questions": (
            "How do I make lunch manageable without taking Student A out of the cafeteria "
            "for good?\n"
            "How do I get one plan to lunch supervisors who change every day?"
        ),
        "outcome": "No lunch referrals for a month, and Student A eating with friends most days.",
        "tags": "unstructured time, lunch, counseling, elementary",
        "contributions": [
            (
                "question",
                "What happens in the ten minutes before a referral: the line, the table, or "
                "the end of lunch when everyone gets up?",
            ),
            ("question", "Do the referrals come on days with the same supervisors?"),
            (
                "question",
                "Does Student A eat school lunch every day, and is it enough to get through "
                "the afternoon?",
            ),
            (
                "strategy",
                "Make the office lunches a lunch bunch with the two friends. Then it is time "
                "with friends instead of time away from them, and you can fade it to once a "
                "week.",
            ),
            (
                "strategy",
                "Give Student A a job for the last ten minutes, like helping the custodian "
                "stack chairs. It is a reason to leave before the loudest part, and nobody "
                "calls it a consequence.",
            ),
            (
                "other",
                "Write a half-page card for the supervisors and keep it on their clipboard: "
                "what works with Student A, the signal for leaving early, and who to call. "
                "Ours changed every day too, and the card was what stayed the same.",
            ),
            (
                "resource",
                "We planned our lunch and recess routines with the school-wide pages on the "
                "CASEL site. They are short, free and easy to share with support staff.",
                "https://casel.org",
            ),
        ],
    },
    {
        "community": "trauma-informed-classrooms",
        "presenter": "emily.schroeder@example.net",
        "state": "scheduled",
        "days_ago": 14,
        "title": "A first grader who runs from the room when it gets loud",
        "grade_band": "k-2",
        "locale": "suburb",
        "school_kind": "public",
        "background": (
            "Student A, a first grader, runs out of the classroom when the room gets loud: "
            "indoor recess, group work, the day the alarm was tested. Student A covers "
            "their ears first, then goes. Twice Student A left the building and an aide "
            "found them by the playground fence."
        ),
        "tried": (
            "Headphones in the calm corner. A quiet warning before loud activities. A "
            "buddy who walks with Student A when they leave the room."
        ),
        "strengths": (
            "Loves books about trains and reads above grade level. Gentle with classmates, "
            "and the first to notice when someone is sad."
        ),
        "questions": (
            "What can I change in the room before Student A needs to run?\n"
            "How do we keep Student A safe when they do leave, without chasing them?"
        ),
        "outcome": (
            "When it gets loud, Student A stays in the room or goes to a place we agreed "
            "on, every time."
        ),
        "tags": "sensory needs, leaving the room, early grades, safety",
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
    {
        "community": "new-teacher-circle",
        "presenter": "tomas.villanueva@example.net",
        "state": "followed_up",
        "days_ago": 70,
        "title": "A lab that turned into chaos",
        "grade_band": "6-8",
        "locale": "rural",
        "school_kind": "public",
        "background": (
            "I teach sixth, seventh and eighth grade science in a K-8 school; it is my "
            "first year. Our first real chemistry lab (baking soda and vinegar in sealed "
            "bags, to see a gas form) went wrong in ten minutes: bags popped, two groups "
            "turned it into a contest, vinegar on the floor, and Student A, who has an IEP "
            "for attention, ended up in the hall after throwing a bag. We spent the rest "
            "of the period cleaning. I have not run a wet lab since, and the students keep "
            "asking when we will."
        ),
        "tried": (
            "A lab safety contract everyone signed. Demonstrations at the front instead "
            "of labs. A seating chart for lab groups."
        ),
        "strengths": (
            "The students love science and ask about the next lab every week. Student A "
            "volunteers to set up equipment and remembers every step I demonstrate."
        ),
        "questions": (
            "How do I bring labs back without a repeat of that day?\n"
            "What job in a lab group works for a student who needs to move?"
        ),
        "outcome": "A wet lab every week again by the end of the quarter, cleaned up in time.",
        "tags": "lab management, routines, science, first-year teachers",
        "contributions": [
            (
                "question",
                "How many groups were working at once, and what was on each table when you "
                "said go?",
            ),
            (
                "question",
                "Had the class practiced cleanup before that lab, or was it the first time?",
            ),
            ("question", "What was Student A's job in the group that day?"),
            (
                "strategy",
                "Run a dry lab first: the same procedure with water only, and time the "
                "cleanup. Do the real one the next day. Middle schoolers love trying to beat "
                "their own cleanup time.",
            ),
            (
                "strategy",
                "Give every group four role cards (materials, reader, recorder, timer) and "
                "make Student A the materials manager, the one who walks to the supply "
                "table. Moving becomes part of the job.",
            ),
            (
                "other",
                "Put out one material per table and hand out the next only when the first "
                "is back in the tray. Fewer things out, fewer things flying.",
            ),
            (
                "resource",
                "The NSTA site has safety guidance for middle school labs, and a student "
                "safety contract that is easy to shorten for sixth graders.",
                "https://www.nsta.org",
            ),
        ],
        "summary": (
            "Thanks for telling us about a lab day every one of us has had. What the group "
            "suggested:\n\n"
            "Before the next wet lab\n"
            "- Run it dry first, with water only, and time the cleanup. Do the real lab the "
            "next day.\n"
            "- One material per table; the next one comes out when the first is back in "
            "the tray.\n\n"
            "In the groups\n"
            "- Four role cards in every group: materials, reader, recorder, timer.\n"
            "- Student A as materials manager, so moving is part of the job.\n\n"
            "To read\n"
            "- NSTA's safety pages and student safety contract (https://www.nsta.org).\n\n"
            "We will ask how the labs went in four weeks."
        ),
        "thank": [3, 4],
        "followup": {
            "tried": (
                "A water-only practice lab with timed cleanup, role cards in every group, "
                "and one material per table at a time. Student A is materials manager."
            ),
            "happened": (
                "We have run three wet labs in three weeks. Cleanup takes four minutes now, "
                "and the last lab finished with time to spare. Student A kept the job all "
                "three times and stayed with the group. One bag still popped, on purpose; "
                "that group lost the extra materials the next time and took it well."
            ),
            "rating": 5,
        },
    },
    {
        "community": "new-teacher-circle",
        "presenter": "owen.mcallister@example.net",
        "state": "summarized",
        "days_ago": 45,
        "title": "Two levels of algebra in one period",
        "grade_band": "9-12",
        "locale": "town",
        "school_kind": "public",
        "background": (
            "Our high school has ninety students and I teach all of the math. This year "
            "the schedule puts Algebra I and Algebra II in the same room in the same "
            "period: eleven freshmen and seven juniors. I teach one group while the other "
            "works, and switch halfway. The juniors finish early and drift; the freshmen "
            "wait for me with their hands up. Student A, a junior repeating Algebra I "
            "content in Algebra II, sits with the freshmen to help them and falls behind "
            "on their own work."
        ),
        "tried": (
            "A board split in two with each group's agenda. Worksheets for the group I am "
            "not teaching. Letting Student A help, within limits."
        ),
        "strengths": (
            "Small classes where everyone knows each other. Student A explains things to "
            "the freshmen in ways they understand."
        ),
        "questions": (
            "How do I keep two groups learning when I can teach only one at a time?\n"
            "Is Student A's helping a strength to build on, or a way to avoid their own "
            "work?"
        ),
        "outcome": (
            "Both groups on pace for the semester exam, and no one waiting more than five "
            "minutes for help."
        ),
        "tags": "combined classes, algebra, small schools, differentiation",
        "contributions": [
            (
                "question",
                "How long is the period, and how many minutes of you does each group get?",
            ),
            ("question", "What does Student A say about sitting with the freshmen?"),
            (
                "strategy",
                "Open every period with one warm-up both groups can do, then split. A shared "
                "start makes it feel like one class instead of two waiting rooms.",
            ),
            (
                "strategy",
                "Make the helping official: ten minutes as the freshmen's tutor once Student "
                "A has started their own work, with a timer. Helping becomes the reward for "
                "starting, not the way out of it.",
            ),
            (
                "resource",
                "The NCTM site has tasks with several ways in, which both levels can work "
                "on at the same time. One a week, on a Friday, gives both groups a shared day.",
                "https://www.nctm.org",
            ),
            (
                "referral",
                "Ask in the Rural Math Circle community: several members teach combined "
                "classes every year and share their planning.",
            ),
        ],
        "summary": (
            "Thank you for bringing a schedule many small schools know well. The group "
            "recommended:\n\n"
            "- Start every period together with one warm-up both groups can do, then "
            "split.\n"
            "- Make Student A's helping official and timed: ten minutes of tutoring once "
            "their own work is started.\n"
            "- Use tasks with several ways in on some days, so both groups work on the "
            "same problem (NCTM has many: https://www.nctm.org).\n"
            "- Ask the Rural Math Circle community for the planning its members use in "
            "combined classes.\n\n"
            "We will ask you how it is going in four weeks."
        ),
        "thank": [3],
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

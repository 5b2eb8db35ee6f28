"""The demo's discussion threads: a term of conversation between sessions in five
communities, in the voices of the people who belong to them. Every situation is invented
and de-identified ("a student", "one of my students"), and every link is the home
page of a well-known public education site.

Each thread names its community, its author (``by``, an email), its ``kind``
(``"discussion"``, ``"question"`` or ``"announcement"``) and ``days_ago``, when it was
started; never before its author joined (the loader moves it to the day after if need
be). ``replies`` come in order, each ``(email, text)`` or ``(email, text, quoted)``
where ``quoted`` is the position of the earlier reply it quotes; each is written a few
hours to a day after the one before it, and never before its author joined. ``answer``
is the position of the reply the asker marked as the answer (a question without one is
still waiting); ``later`` moves a reply (by position) that many days after the one
before it, for the asker who comes back to say how it went. ``helpful`` and ``thanks``
give, for the opening post (``"post"``) or a reply (its position), how many members
reacted that way. ``pin`` and ``lock`` are what a facilitator did to the thread;
``bookmark`` means teacher@example.org saved it.
"""

TRAUMA = "trauma-informed-classrooms"
COUNSELORS = "rural-school-counselors"
NEW_TEACHERS = "new-teacher-circle"
SCIENCE = "one-person-science"
PARAS = "paraprofessional-pathways"

THREADS = [
    # -- Trauma-Informed Classrooms ECHO ------------------------------------------------
    {
        "community": TRAUMA,
        "by": "facilitator@example.org",
        "kind": "announcement",
        "days_ago": 117,
        "title": "How we use this board between Tuesdays",
        "body": (
            "A few words on how the discussion side of the ECHO works, now that more of "
            "you are posting.\n\n"
            '- **Questions** are for "what do I do tomorrow morning". Mark the reply that '
            "helped, so the next person finds it.\n"
            "- **Discussions** are for sharing what you tried, a resource, or a half-formed "
            "thought after a session.\n"
            "- The same norms as our sessions: describe behavior, not labels, and leave "
            'names and identifying details out. "A student in my fourth grade" is plenty.\n'
            "- If a situation involves immediate safety, follow your district's protocol "
            "first and bring it here afterwards.\n\n"
            "Yolanda and I read everything here at least twice a week. #norms"
        ),
        "replies": [],
        "pin": True,
        "lock": True,
        "thanks": {"post": 4},
    },
    {
        "community": TRAUMA,
        "by": "tanya.mitchell@example.org",
        "kind": "question",
        "days_ago": 96,
        "title": "Calm corner: how do you keep it from becoming the place to escape work?",
        "body": (
            "I'm a para in a second-grade room. We set up a calm corner after the session "
            "on regulation routines and it helps, but now two students ask for it every "
            "time math starts. The teacher is ready to take it away. How do you keep it a "
            "place to reset and not a place to hide? #calmcorner #regulation"
        ),
        "later": {3: 6},
        "replies": [
            (
                "yolanda.pierce@example.org",
                "Two things made the difference for us. First, a timer: five minutes on the "
                'sand timer, then a choice of two ways back ("start with problem 1 or with '
                'the easy one"). Second, practice it when nobody is upset, so using it is a '
                "routine and not a reward. If the same students go at the start of math "
                "every day, that is information too: the corner is telling you math feels "
                "hard to begin. A smaller first step might help more than a rule.",
            ),
            (
                "dolores.montoya@example.org",
                "We added a little card with three pictures: breathe, stretch, back to my "
                "seat. The kids point to where they are, and it keeps the corner moving.",
            ),
            (
                "teacher@example.org",
                "Same pattern in my labs. When I hand out the first step on a slip of paper "
                "at the door, fewer students need a break in the first ten minutes.",
            ),
            (
                "tanya.mitchell@example.org",
                "Thank you all. We tried the timer and the two choices this week and the "
                "teacher is keeping the corner. One of the two students now starts with the "
                "easy problem and stays.",
                0,
            ),
        ],
        "answer": 0,
        "helpful": {0: 4, 1: 2, 2: 1},
        "thanks": {3: 2},
    },
    {
        "community": TRAUMA,
        "by": "facilitator@example.org",
        "kind": "discussion",
        "days_ago": 88,
        "title": "Free resources from the session on predictable routines",
        "body": (
            "Several of you asked for the sites Yolanda mentioned in the talk. Here they "
            "are, plus two that members added in the chat:\n\n"
            "- [The National Child Traumatic Stress Network](https://www.nctsn.org) has "
            "free fact sheets for educators, several in Spanish.\n"
            "- [CASEL](https://casel.org) for social and emotional learning frameworks "
            "your district may already use.\n"
            "- [PBIS](https://www.pbis.org) for classroom routines that fit a schoolwide "
            "system.\n\n"
            "Add what you use below. #resources #routines"
        ),
        "replies": [
            (
                "keisha.brown@example.net",
                "The NCTSN fact sheet on secondary stress is the one I printed for our "
                "staff room. Short enough that people actually read it.",
            ),
            (
                "graciela.ortiz@example.org",
                "For Spanish-speaking families, I send home the NCTSN handouts in Spanish "
                "with a note in my own words. Parents tell me they read them together.",
            ),
            (
                "aaron.goldfarb@example.org",
                "Adding [Edutopia](https://www.edutopia.org): its videos of real "
                "classrooms are good for showing a routine to a para or a sub.",
            ),
        ],
        "thanks": {"post": 5, 2: 2},
        "bookmark": True,
    },
    {
        "community": TRAUMA,
        "by": "jamal.whitfield@example.org",
        "kind": "question",
        "days_ago": 61,
        "title": "What do you say in the first minute after a student tells you something?",
        "body": (
            "Second-year teacher here. Yesterday a student stayed after class and told me "
            "something about home that I know I have to report. I did report it, but in "
            'the moment I froze and said "okay, thank you for telling me" and not much '
            "else. What do you actually say in that first minute? #disclosure"
        ),
        "replies": [
            (
                "yolanda.pierce@example.org",
                "First: you did the most important thing, you reported it. In the moment, "
                'three sentences carry you: "I\'m glad you told me." "It is not your '
                'fault." "I need to tell someone whose job is to help, and I\'ll tell you '
                "what happens next.\" Don't promise to keep it secret, and don't ask for "
                "details; that is the investigators' job. Then look after yourself that "
                "evening. It takes something out of you.",
            ),
            (
                "kristin.aasland@example.org",
                "Counselor here. Please loop in your counselor the same day, even if the "
                "report is already made. The student will probably seek you out again, and "
                "it helps to have a plan for that.",
            ),
            (
                "jamal.whitfield@example.org",
                "> I'm glad you told me. It is not your fault.\n\n"
                "Writing these on a card for my desk drawer. Thank you, @Yolanda Pierce.",
                0,
            ),
        ],
        "answer": 0,
        "helpful": {0: 5, 1: 3},
        "bookmark": True,
    },
    {
        "community": TRAUMA,
        "by": "teacher@example.org",
        "kind": "question",
        "days_ago": 46,
        "title": "What goes in your sub folder for the hard days?",
        "body": (
            "Substitute days are when things fall apart for a few of my students. I'm "
            "the only science teacher, so the sub is usually someone from town who has "
            "never taught a lab. What do you leave besides the lesson plan? I want the "
            "sub to know which students need a heads-up before a change, without writing "
            "anything I wouldn't want a stranger to read. #substitutes #transitions"
        ),
        "replies": [
            (
                "aaron.goldfarb@example.org",
                "We're in the same building, so I've seen your subs survive. What works on "
                "my side of the hall: one page with the routine in the order it happens, "
                'the name of the adult next door to call, and "these students do better '
                'with a warning before a change" with seat numbers instead of names. No '
                "history, no diagnoses: just what to do.",
            ),
            (
                "isaiah.greene@example.net",
                'I add a "what calm looks like here" line: "Students may use the hall '
                'pass to get water without asking." It stops a sub from turning a '
                "reset into a standoff.",
            ),
            (
                "leah.friesen@example.org",
                "If you can, tell the students the day before that a sub is coming and "
                "what will be the same. The surprise is often the hard part.",
            ),
            (
                "teacher@example.org",
                "Seat numbers instead of names is exactly what I needed. Thank you, "
                '@Aaron Goldfarb. I\'ll try the "what calm looks like" line too.',
            ),
        ],
        "answer": 0,
        "helpful": {0: 4, 1: 2, 2: 2},
    },
    {
        "community": TRAUMA,
        "by": "verna.tsosie@example.org",
        "kind": "discussion",
        "days_ago": 31,
        "title": "The first week back after a loss in a small town",
        "body": (
            "Our community lost a young person over the weekend. Everyone knew the "
            "family, and half my students are related to them. I'm not asking for a "
            "protocol (our district has one). I'm asking what helped your building in the "
            "first week, the small human things. #grief"
        ),
        "later": {3: 6},
        "replies": [
            (
                "chiara.romano@example.org",
                "Keep the schedule as normal as you can and let the work be lighter. "
                "Students told us later that the ordinary bell schedule was a comfort.",
            ),
            (
                "yolanda.pierce@example.org",
                "A quiet room with a counselor or a trusted adult, open all week, with no "
                "sign-in sheet. And tell staff it is fine to say \"I don't know what to "
                "say\"; the students don't need a speech.",
            ),
            (
                "rachel.okonkwo@example.org",
                "As a principal, the thing I'd do again: check on the adults every morning. "
                "The teachers who knew the family best were the ones holding everyone "
                "else up.",
            ),
            (
                "verna.tsosie@example.org",
                "> check on the adults every morning\n\n"
                "We did this and it mattered more than anything else. Thank you all.",
                2,
            ),
        ],
        "thanks": {0: 2, 1: 3, 2: 4},
    },
    {
        "community": TRAUMA,
        "by": "emily.schroeder@example.net",
        "kind": "question",
        "days_ago": 10,
        "title": "Is it okay to skip morning meeting when we are behind?",
        "body": (
            "First-year third-grade teacher. We're two weeks behind the pacing guide and "
            "my mentor says to drop morning meeting until we catch up. My class is calmer "
            "on days we do it, though. What would you do? #routines"
        ),
        "replies": [
            (
                "kyle.jorgensen@example.net",
                "Para here, so take it for what it's worth: in our room the days without "
                "it take longer to settle, and we lose the time anyway.",
            ),
        ],
    },
    {
        "community": TRAUMA,
        "by": "newteacher@example.org",
        "kind": "question",
        "days_ago": 3,
        "title": "A student who rides the bus ninety minutes and arrives dysregulated",
        "body": (
            "One of my students has the longest bus ride in the district and most "
            "mornings comes in already at the edge. Has anyone built an arrival routine "
            "for just one or two students, without singling them out? #arrival "
            "#transitions"
        ),
        "replies": [],
    },
    # -- Rural School Counselors --------------------------------------------------------
    {
        "community": COUNSELORS,
        "by": "marcus.bellamy@example.org",
        "kind": "discussion",
        "days_ago": 104,
        "title": "Free resources I keep coming back to",
        "body": (
            "Start-of-term list for those of us with no budget line of our own:\n\n"
            "- [ASCA](https://www.schoolcounselor.org): the national model and the "
            "ethical standards, handy when a principal asks why you can't cover lunch "
            "duty every day.\n"
            "- [CASEL](https://casel.org) for small-group lesson ideas.\n"
            "- [The National Child Traumatic Stress Network](https://www.nctsn.org) for "
            "handouts for staff.\n\n"
            "What's on yours? #resources"
        ),
        "replies": [
            (
                "esperanza.vigil@example.org",
                "[Federal Student Aid](https://studentaid.gov) for the FAFSA nights. Their "
                "videos work on a phone, which is how most of my families will watch them.",
            ),
            (
                "daniel.sandoval@example.net",
                "I keep the ASCA ethical standards printed in my planner. Has saved me "
                "twice this year already.",
            ),
        ],
        "thanks": {"post": 2, 0: 2},
    },
    {
        "community": COUNSELORS,
        "by": "alma.reyes@example.net",
        "kind": "question",
        "days_ago": 52,
        "title": "504 meetings when I am also the testing coordinator",
        "body": (
            "Third year, only counselor for K-12, and this year I'm the testing "
            "coordinator too. Spring testing and 504 annual reviews land in the same six "
            "weeks. How do the rest of you schedule it without doing meetings at 7 pm? "
            "#section504 #caseload"
        ),
        "replies": [
            (
                "kristin.aasland@example.org",
                "I moved every 504 review I could to the fall, when the plan is fresh "
                "anyway, and kept spring for the ones that truly have to be then. It took "
                "one year of doing some reviews early to shift the calendar. Ask your "
                "principal to put it in writing that testing coordination is a temporary "
                "duty, so it comes up again next year.",
            ),
            (
                "facilitator@example.org",
                "Agree with Kristin. Also: a shared calendar with the teachers' planning "
                "periods blocked in, so families can pick a slot that already works for "
                "the teacher. It cut my back-and-forth emails in half.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 2, 1: 2},
    },
    {
        "community": COUNSELORS,
        "by": "chiara.romano@example.org",
        "kind": "question",
        "days_ago": 36,
        "title": "Where do you keep risk-assessment paperwork in a building with no records clerk?",
        "body": (
            "New building for me this year, and I found old risk assessments in an "
            "unlocked filing cabinet in the workroom. I've moved them to my office. What "
            "do your districts expect: a locked file in the counseling office, the "
            "district office, somewhere else? #records"
        ),
        "replies": [
            (
                "facilitator@example.org",
                "Good catch, and you did the right first thing. Most districts in our "
                "region treat them as counselor records kept in a locked file in the "
                "counseling office, separate from the cumulative file. Check your board "
                "policy on records (usually the 8000s) and ask your superintendent to "
                "confirm in an email, so the next counselor finds the answer.",
            ),
            (
                "marcus.bellamy@example.org",
                "Ours also says who may open the file when the counselor is away. Worth "
                "asking about that while you're at it.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 3, 1: 1},
    },
    {
        "community": COUNSELORS,
        "by": "esperanza.vigil@example.org",
        "kind": "discussion",
        "days_ago": 23,
        "title": "FAFSA night in a town with no bank branch",
        "body": (
            "Our financial aid night is next month. Half our families don't have a bank "
            "account near town and many don't have a computer at home. I'm planning it "
            "in the school library with the laptop cart and a bilingual volunteer. What "
            "else should I think about? #fafsa #college"
        ),
        "replies": [
            (
                "daniel.sandoval@example.net",
                "Tell families exactly which documents to bring, on a half sheet, in both "
                "languages. The night we did that, twice as many finished the form.",
            ),
            (
                "alma.reyes@example.net",
                "Food. And childcare in the gym with a couple of student volunteers. "
                "Attendance doubled.",
            ),
            (
                "esperanza.vigil@example.org",
                "> on a half sheet, in both languages\n\n"
                "Done, and the volunteers are lined up. I'll report back.",
                0,
            ),
        ],
        "helpful": {0: 2, 1: 2},
    },
    {
        "community": COUNSELORS,
        "by": "daniel.sandoval@example.net",
        "kind": "question",
        "days_ago": 13,
        "title": "A group for students whose parent works out of state for months",
        "body": (
            "Several of my students have a parent who works on the pipelines or in the "
            "oil fields and is gone for weeks at a time. Has anyone run a small group "
            "for them? I'm looking for a structure, not a curriculum to buy. #groups"
        ),
        "replies": [
            (
                "kristin.aasland@example.org",
                "Not quite the same, but I ran one for students with a deployed parent. "
                "Six weeks, lunch, a map on the wall. I'll dig out my outline this weekend.",
            ),
        ],
    },
    # -- New Teacher Circle -------------------------------------------------------------
    {
        "community": NEW_TEACHERS,
        "by": "hannah.vogel@example.org",
        "kind": "announcement",
        "days_ago": 118,
        "title": "Welcome to the circle: start here",
        "body": (
            "Welcome! This board is where the circle keeps talking between Wednesdays.\n\n"
            "- Ask the question you would ask the teacher next door, if you had one. "
            "There are no silly questions here.\n"
            "- When a reply answers your question, mark it as the answer so the next "
            "new teacher finds it.\n"
            "- Tag your posts (#planning, #parents, #observation, #classroom-management) "
            "so they are easy to find later.\n"
            "- Keep students and colleagues unidentifiable.\n\n"
            "Say hello below: where you teach, what you teach, and one thing that went "
            "well this week. #welcome"
        ),
        "replies": [
            (
                "pedro.alvarado@example.org",
                "Pedro, high school history at Bitterbrush, twenty years in. I'm here to "
                "listen and to answer what I can. Good thing this week: my seniors argued "
                "about primary sources for a whole period without me.",
            ),
            (
                "owen.mcallister@example.net",
                "Owen, second year, math and physics at Bitterbrush too (hi Pedro). Good "
                "thing: a student who never talks came in at lunch to show me a proof.",
            ),
            (
                "ben.halvorsen@example.net",
                "Ben, first-year counselor for grades 6-12 at Wildcat Buttes. Not a "
                "teacher, but Hannah said I'd be welcome. Good thing: I know everyone's "
                "name now.",
            ),
            (
                "emily.schroeder@example.net",
                "Emily, third grade at Cedar Creek, first year. Good thing: we made it to "
                "Friday and everyone could read their own writing aloud.",
            ),
            (
                "newteacher@example.org",
                "Amara, first-year special educator at Two Forks, K-12, eleven students in "
                "six grades. Good thing: a student used the break card all by themselves.",
            ),
        ],
        "pin": True,
        "thanks": {"post": 5, 2: 1, 4: 2},
    },
    {
        "community": NEW_TEACHERS,
        "by": "owen.mcallister@example.net",
        "kind": "question",
        "days_ago": 84,
        "title": "How many hours a week do you spend grading?",
        "body": (
            "I'm spending every Sunday grading homework for five sections of math. "
            "Honest numbers, please: how much time do you spend, and what did you stop "
            "grading? #grading #planning"
        ),
        "later": {2: 7},
        "replies": [
            (
                "pedro.alvarado@example.org",
                "About four hours a week now; my first year it was twelve. What changed: "
                "I grade homework for completion and check three problems closely, and I "
                "give feedback on one skill per assignment, not every error. Students "
                "read one comment; they don't read twelve.",
            ),
            (
                "keisha.brown@example.net",
                "Also: go over the answers in class and let students mark their own "
                "practice. You grade the quiz, not the practice.",
            ),
            (
                "owen.mcallister@example.net",
                "> feedback on one skill per assignment\n\n"
                "Tried it this week. Sunday was mine again.",
                0,
            ),
        ],
        "answer": 0,
        "helpful": {0: 5, 1: 3},
        "thanks": {2: 1},
    },
    {
        "community": NEW_TEACHERS,
        "by": "keisha.brown@example.net",
        "kind": "discussion",
        "days_ago": 72,
        "title": "Things I wish I had known in my first year",
        "body": (
            "Fourth year now, and I still remember how lost I felt. A few things, add "
            "yours:\n\n"
            "1. The school secretary and the custodian know everything. Be kind to them.\n"
            "2. Call a parent with good news in the first month, before you need to call "
            "about anything else.\n"
            "3. Leave one evening a week with no schoolwork at all.\n\n"
            "#firstyear"
        ),
        "replies": [
            (
                "hannah.vogel@example.org",
                "4. Write down what went wrong in a lesson right after it, in one line. "
                "Next year you will thank yourself.",
            ),
            (
                "wren.castellano@example.net",
                "5. The bus drivers know which students had a hard morning before you do. "
                "Say hi to them.",
            ),
            (
                "tomas.villanueva@example.net",
                '6. It is allowed to say "I don\'t know, let me find out" to a student.',
            ),
            (
                "sofia.herrera@example.net",
                "> Call a parent with good news in the first month\n\n"
                "I did this after reading your post. The mother cried on the phone. Now "
                "she answers every time I call.",
            ),
        ],
        "thanks": {"post": 7, 0: 2, 1: 2, 3: 3},
        "bookmark": True,
    },
    {
        "community": NEW_TEACHERS,
        "by": "sofia.herrera@example.net",
        "kind": "question",
        "days_ago": 64,
        "title": "First parent-teacher conferences: what do I bring?",
        "body": (
            "Conferences are next week and it's my first time. Ten minutes per family, "
            "some with an interpreter on the phone. What do you bring to the table, and "
            "how do you start? #parents #conferences"
        ),
        "later": {2: 8},
        "replies": [
            (
                "keisha.brown@example.net",
                "One work sample per student, one strength, one thing to work on, and a "
                'question for the family: "What do you see at home that I should know?" '
                "Start with the strength. With an interpreter, speak to the parent, not "
                "to the phone, and use short sentences.",
            ),
            (
                "facilitator@example.org",
                "From the counselor's chair: if a conference might be hard, let your "
                "counselor or principal know ahead of time. You don't have to do it alone.",
            ),
            (
                "sofia.herrera@example.net",
                "They went well! The question about home got the best answers of the "
                "night. Thank you, @Keisha Brown.",
                0,
            ),
        ],
        "answer": 0,
        "helpful": {0: 4, 1: 2},
    },
    {
        "community": NEW_TEACHERS,
        "by": "tomas.villanueva@example.net",
        "kind": "question",
        "days_ago": 40,
        "title": "My first formal observation is a lab. Too risky?",
        "body": (
            "My principal is observing me next Thursday and the only lesson that fits the "
            "unit is a lab with burners. My mentor says do a lecture that day. I think a "
            "lecture is not how I teach. Thoughts? #observation"
        ),
        "later": {2: 9},
        "replies": [
            (
                "hannah.vogel@example.org",
                "Teach the lab. Principals want to see your real teaching, and a lab shows "
                "routines, safety and student thinking all at once. Do the pre-observation "
                "conversation well: tell the principal what to watch for and what you "
                "will do if something goes sideways. Rehearse the first five minutes.",
            ),
            (
                "teacher@example.org",
                "Science teacher here. Have everything laid out by station before the "
                "bell, and a short written safety check students do first. My principal "
                "wrote that the safety check was the best part of the lesson.",
            ),
            (
                "tomas.villanueva@example.net",
                "Did the lab. Nothing caught fire, and the feedback mentioned the "
                "station setup. Thanks @Hannah Vogel and @Casey Brandt.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 3, 1: 2},
    },
    {
        "community": NEW_TEACHERS,
        "by": "ben.halvorsen@example.net",
        "kind": "question",
        "days_ago": 26,
        "title": "How do you say no to extra duties in your first year?",
        "body": (
            "I've been asked to coach junior high volleyball, run the yearbook and cover "
            "the lunchroom. I'm the only counselor. I want to be a team player, but I "
            "can't do my job if I say yes to all of it. How did you handle it? "
            "#boundaries #firstyear"
        ),
        "replies": [
            (
                "facilitator@example.org",
                "Counselor to counselor: say yes to one thing that helps you know students "
                "(lunchroom is actually good for that), and for the rest, ask the "
                "principal which of your counseling duties they'd like you to drop to make "
                "room. Asked kindly, that question usually answers itself.",
            ),
            (
                "pedro.alvarado@example.org",
                "Teachers' view: the new person who says yes to everything burns out by "
                "March. We'd rather have you in April.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 4, 1: 2},
    },
    {
        "community": NEW_TEACHERS,
        "by": "wren.castellano@example.net",
        "kind": "discussion",
        "days_ago": 19,
        "title": "Free sites for read-alouds and planning",
        "body": (
            "A few free sites I use every week, since several of us have no budget for "
            "materials:\n\n"
            "- [Reading Rockets](https://www.readingrockets.org) for reading strategies "
            "explained simply, good to share with families.\n"
            "- [Edutopia](https://www.edutopia.org) for short videos of real classrooms.\n"
            "- [Khan Academy](https://www.khanacademy.org) for practice my students do "
            "on the bus when there's signal.\n\n"
            "#resources #planning"
        ),
        "replies": [
            (
                "emily.schroeder@example.net",
                "Reading Rockets saved my small groups this fall. Thank you for posting!",
            ),
            (
                "jamal.whitfield@example.org",
                "Adding [CAST](https://www.cast.org) for universal design: it changed how "
                "I plan for the students who need more.",
            ),
        ],
        "thanks": {"post": 4, 1: 2},
    },
    {
        "community": NEW_TEACHERS,
        "by": "emily.schroeder@example.net",
        "kind": "question",
        "days_ago": 11,
        "title": "Running a reading block for a combined third and fourth grade",
        "body": (
            "Our school combined third and fourth grade this year and I have both in "
            "one room. How do you run small groups when half the class is reading two "
            "grades apart? #reading #multigrade"
        ),
        "replies": [
            (
                "hannah.vogel@example.org",
                "I group by what students need next, not by grade. Can you tell us more "
                "about the spread: is it decoding, fluency or comprehension?",
            ),
            (
                "emily.schroeder@example.net",
                "Mostly fluency for the third graders and comprehension for the fourth "
                "graders. I'll share my schedule after Wednesday.",
            ),
        ],
    },
    {
        "community": NEW_TEACHERS,
        "by": "newteacher@example.org",
        "kind": "question",
        "days_ago": 2,
        "title": "Keeping up with IEP progress notes",
        "body": (
            "Progress reports are due in two weeks for all eleven of my students. How do "
            "you collect data during the week so the notes are not an all-weekend "
            "project? #iep #paperwork"
        ),
        "replies": [],
    },
    # -- One-Person Science Departments -------------------------------------------------
    {
        "community": SCIENCE,
        "by": "hank.olufsen@example.net",
        "kind": "announcement",
        "days_ago": 119,
        "title": "Welcome back, and the equipment lending list",
        "body": (
            "Welcome to a new term, everyone. Two reminders:\n\n"
            "- The **lending list** lives in this thread. If you have equipment you can "
            "lend, reply with what it is and your county; if you need something, start "
            "a question and mention the person.\n"
            "- Credit the colleague whose unit or lab you adapt.\n\n"
            "For everyone new: [NSTA](https://www.nsta.org) has free member resources "
            "worth a look, and our sessions are the first and third Monday. #lending "
            "#welcome"
        ),
        "replies": [
            (
                "ruthann.petersen@example.org",
                "Lending: a class set of spring scales and two ripple tanks. Coteau Hills, "
                "I can meet anyone at the co-op on a Saturday.",
            ),
            (
                "dale.fenske@example.org",
                "Lending: twelve digital thermometers and a set of rock and mineral kits. "
                "Badger Prairie.",
            ),
            (
                "teacher@example.org",
                "Lending: owl pellets (I always order too many) and a stream table. "
                "Sandhills Valley.",
            ),
        ],
        "pin": True,
        "thanks": {"post": 3, 0: 2, 1: 1, 2: 2},
        "bookmark": True,
    },
    {
        "community": SCIENCE,
        "by": "teacher@example.org",
        "kind": "question",
        "days_ago": 101,
        "title": "Old chemicals in the storeroom and no disposal budget",
        "body": (
            "I finally inventoried our storeroom and found bottles older than I am, "
            "including some with no label at all. The district has no budget line for "
            "hazardous waste. Where did you start? #storeroom #safety"
        ),
        "later": {2: 5},
        "replies": [
            (
                "ruthann.petersen@example.org",
                "Don't move anything unlabeled yourself. Call your state's environmental "
                "agency: ours has a free program for schools and they came out with a van. "
                "Then write a one-page chemical plan for the board, so the next teacher "
                "doesn't inherit the same shelf. Buy small quantities from now on.",
            ),
            (
                "hank.olufsen@example.net",
                "And ask the ag teacher or the co-op: sometimes they can take common "
                "things legitimately. Anything you can't identify, leave to the "
                "professionals.",
            ),
            (
                "teacher@example.org",
                "The state program is coming next month. Thank you, @Ruth Ann Petersen!",
                0,
            ),
        ],
        "answer": 0,
        "helpful": {0: 4, 1: 2},
    },
    {
        "community": SCIENCE,
        "by": "dale.fenske@example.org",
        "kind": "discussion",
        "days_ago": 90,
        "title": "Simulations for the days the lab kit does not arrive",
        "body": (
            "The freight truck only comes twice a week out here, so my kits are late "
            "more often than not. My backup is [PhET](https://phet.colorado.edu): free, "
            "runs in a browser, and the circuit builder is better than my real wires. "
            "What do you use? #simulations #physics"
        ),
        "replies": [
            (
                "marisol.baca@example.org",
                "PhET's density and buoyancy sims are my go-to. I make students predict "
                "on paper first, then test in the sim.",
            ),
            (
                "nadia.karimi@example.net",
                "Our internet drops in the afternoon, so I download the sims that allow "
                "it onto each laptop in the morning.",
            ),
            (
                "teacher@example.org",
                "> predict on paper first, then test in the sim\n\n"
                "Stealing this for the circuits unit.",
                0,
            ),
        ],
        "thanks": {"post": 4, 0: 2, 1: 2},
        "bookmark": True,
    },
    {
        "community": SCIENCE,
        "by": "nadia.karimi@example.net",
        "kind": "question",
        "days_ago": 70,
        "title": "Seventh and eighth grade science in one room",
        "body": (
            "Next year my seventh and eighth graders will be in one section. Do you run "
            "an A/B year cycle, or teach both courses at once? #multigrade #planning"
        ),
        "replies": [
            (
                "marisol.baca@example.org",
                "A/B cycle. Year A is life and earth science, year B physical science, "
                "and every student sees everything by ninth grade. One prep instead of "
                "two, and labs for the whole room. The only trick is the state test in "
                "eighth grade: I spiral a short review of the other year's standards in "
                "the spring.",
            ),
            (
                "samuel.begay@example.net",
                "Same here, six years now. Keep a list of which year each student started "
                "in, because transfers land in the middle of the cycle.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 3, 1: 2},
    },
    {
        "community": SCIENCE,
        "by": "samuel.begay@example.net",
        "kind": "question",
        "days_ago": 38,
        "title": "Borrowing spring scales for a forces unit",
        "body": (
            "@Ruth Ann Petersen, are your spring scales free in three weeks? I have one "
            "broken set for twenty-two students. Happy to drive to meet you halfway. "
            "#lending #forces"
        ),
        "replies": [
            (
                "ruthann.petersen@example.org",
                "They're yours from the 10th for as long as the unit runs. Co-op parking "
                "lot Saturday at ten?",
            ),
            (
                "samuel.begay@example.net",
                "See you there. I'll bring them back with a batch of the fossil kits we don't use.",
            ),
        ],
        "answer": 0,
        "thanks": {0: 1},
    },
    {
        "community": SCIENCE,
        "by": "marisol.baca@example.org",
        "kind": "discussion",
        "days_ago": 27,
        "title": "Storylines in a school of ninety students",
        "body": (
            "I've been adapting phenomenon-based storylines for our mixed classes. The "
            "[Next Generation Science Standards](https://www.nextgenscience.org) site has "
            "the evidence statements I plan from. Has anyone run a storyline with a class "
            "of six? Discussion feels thin with so few voices. #ngss #storylines"
        ),
        "replies": [
            (
                "wren.castellano@example.net",
                "I pair my class with another small school on video once a unit. Twelve "
                "voices instead of six, and the students love it.",
            ),
            (
                "hank.olufsen@example.net",
                'I add a "what would a scientist in another town ask?" role card. '
                "Cheesy, but it widens the conversation.",
            ),
            (
                "marisol.baca@example.org",
                "> I pair my class with another small school on video\n\n"
                "@Wren Castellano, would your class want to pair for the weather unit?",
                0,
            ),
        ],
        "thanks": {"post": 2, 0: 2},
    },
    {
        "community": SCIENCE,
        "by": "wren.castellano@example.net",
        "kind": "question",
        "days_ago": 17,
        "title": "Chemistry for two students: is an independent study legitimate?",
        "body": (
            "Two juniors want chemistry, and there's no chemistry section in our schedule. "
            "Is an independent study with me during my planning period a reasonable "
            "plan, and how do you handle labs? #chemistry #scheduling"
        ),
        "replies": [
            (
                "ruthann.petersen@example.org",
                "I've done it three times. Write a course outline that matches your state "
                "standards and have the principal sign it, so it counts on the "
                "transcript. Labs: schedule two long sessions a month after school rather "
                "than squeezing them into a planning period.",
            ),
            (
                "teacher@example.org",
                "Also check whether your state's virtual school offers chemistry: you can "
                "pair the online course with your labs.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 2, 1: 2},
    },
    {
        "community": SCIENCE,
        "by": "tomas.villanueva@example.net",
        "kind": "question",
        "days_ago": 7,
        "title": "Alternatives to dissection for a student who objects",
        "body": (
            "A student told me they don't want to take part in the frog dissection for "
            "personal reasons. What alternatives have you used that still meet the "
            "standard? #dissection #biology"
        ),
        "replies": [
            (
                "dale.fenske@example.org",
                "Good question. I've used a model and a guided virtual dissection; both "
                "worked, but I'm curious what others say about the assessment.",
            ),
        ],
    },
    # -- Paraprofessional Pathways ------------------------------------------------------
    {
        "community": PARAS,
        "by": "tanya.mitchell@example.org",
        "kind": "discussion",
        "days_ago": 92,
        "title": "Grow-your-own: what my first semester of classes was like",
        "body": (
            "For anyone thinking about the grow-your-own program: I finished my first "
            "semester. Two evening classes online while working full time. It was hard "
            "in October, easier once I used my lunch break for reading. The best part: "
            "I understand why the teacher I work with does what she does. #growyourown"
        ),
        "replies": [
            (
                "hector.ybarra@example.net",
                "This is exactly what I needed to read. Did your district pay for the books too?",
            ),
            (
                "tanya.mitchell@example.org",
                "Tuition yes, books no. The library ordered two of them for me when I asked.",
                0,
            ),
            (
                "gloria.estrada@example.org",
                "Thank you for sharing this, Tanya. It's the most honest description of "
                "the program we have.",
            ),
        ],
        "thanks": {"post": 2, 1: 1},
    },
    {
        "community": PARAS,
        "by": "hector.ybarra@example.net",
        "kind": "question",
        "days_ago": 66,
        "title": "Studying for the paraprofessional assessment while working two jobs",
        "body": (
            "My district needs me to pass the paraprofessional assessment by spring. I "
            "work evenings at the grocery store. How did you study? #testing"
        ),
        "later": {2: 30},
        "replies": [
            (
                "gloria.estrada@example.org",
                "Twenty minutes a day beats four hours on Sunday. Use the free practice "
                "questions from the test maker, and [Khan Academy](https://www.khanacademy.org) "
                "for the math; the test is mostly middle-school level. Ask your district "
                "whether it pays the fee: ours does for paras in the program.",
            ),
            (
                "dolores.montoya@example.org",
                "And do the practice test on paper once, under time. Knowing the clock "
                "helps more than you'd think.",
            ),
            (
                "hector.ybarra@example.net",
                "Passed last week! The twenty minutes a day worked.",
            ),
        ],
        "answer": 0,
        "helpful": {0: 2, 1: 2},
        "thanks": {2: 2},
    },
    {
        "community": PARAS,
        "by": "jun.takahashi@example.org",
        "kind": "discussion",
        "days_ago": 34,
        "title": "When the teacher and I see a behavior plan differently",
        "body": (
            "I spend more time with one student than anyone else in the building, and I "
            "think part of their behavior plan isn't working. The teacher wrote it and is "
            "my supervisor. How do you bring that up without overstepping? #behavior "
            "#teamwork"
        ),
        "replies": [
            (
                "leah.friesen@example.org",
                "As a special educator: I want to hear it! Bring data, not opinions: "
                '"Tuesday and Thursday the break card didn\'t work before lunch." Then '
                "ask a question instead of giving an answer.",
            ),
            (
                "dolores.montoya@example.org",
                "Ask for ten minutes at a calm time, not in the hallway after a hard "
                "moment. That alone changed how my ideas were heard.",
            ),
            (
                "jun.takahashi@example.org",
                "> Bring data, not opinions\n\nStarted a tally sheet this week. Thank you both.",
                0,
            ),
        ],
        "helpful": {0: 2, 1: 2},
    },
    {
        "community": PARAS,
        "by": "kyle.jorgensen@example.net",
        "kind": "question",
        "days_ago": 5,
        "title": "My reading group finishes early: what now?",
        "body": (
            "I run a small reading group in the hallway. Some days we finish the lesson "
            "with eight minutes left and I don't want to send them back early. What do "
            "you keep ready? #smallgroups #reading"
        ),
        "replies": [
            (
                "tanya.mitchell@example.org",
                "I keep a bag of word cards for a quick game. Curious what others do too.",
            ),
        ],
    },
]

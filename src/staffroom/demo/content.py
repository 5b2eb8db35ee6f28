"""The invented demo hub, as plain data: every name, school and word here is made up.

``loader.py`` turns this into rows through the project's services. People are named by
email everywhere below; schools by a short key into ``SCHOOLS``. Days are counted back
from the moment the demo is loaded, so the hub always looks like it is in its second year.
"""

HUB = {
    "name": "Prairie & Pine Educators ECHO Hub",
    "slug": "prairie-pine",
    "started_days_ago": 430,
    # The hub admin who creates every community, then hands it to its facilitators.
    "creator": "hubadmin@example.org",
    # Who signs the hub's certificates of professional-development hours.
    "signer_name": "Renata Solís",
    "signer_title": "Director of Professional Learning, Prairie & Pine Educational Cooperative",
    "description": """\
Prairie & Pine is a professional learning hub for the people who keep schools running \
across the northern plains and the southern Rockies: teachers, counselors, nurses, \
paraprofessionals, special educators, principals and district staff. The Prairie & Pine \
Educational Cooperative hosts it, and our member schools range from a K-12 building of \
ninety students to city districts of twenty thousand.

Every community here works the ECHO way. A session opens with a short talk by a peer who \
has tried something in their own school; then one participant brings a real situation \
they are working on, and the group asks questions and offers recommendations. Between \
sessions the conversation continues here.

## What to expect

- **Sessions last an hour**, on video, after the school day in Central and Mountain time.
- **Cases are de-identified.** Bring the situation, never a student's name, photo or \
anything else that could identify them.
- **All teach, all learn.** The person bringing a case is the expert on their own \
school; everyone else brings questions first and advice second.
- **Certificates of attendance** are issued for every session, for your district's \
professional learning records.

New here? Browse the public communities, join one that fits, and say hello at its next \
session.
""",
}

# Easy-to-remember accounts for trying the demo; every demo password is "staffroom".
DEMO_SIGN_INS = [
    ("admin@example.org", "Site admin and hub admin: everything, including the Django admin"),
    ("hubadmin@example.org", "Hub admin of Prairie & Pine: creates and runs its communities"),
    ("evaluator@example.org", "Hub evaluator: reads every community of the hub"),
    (
        "facilitator@example.org",
        "Facilitator of the Trauma-Informed Classrooms ECHO, Rural School Counselors "
        "and the New Teacher Circle",
    ),
    ("teacher@example.org", "Member: the whole science department of a rural K-12 school"),
    (
        "newteacher@example.org",
        "Member: a first-year special educator waiting to join Special Educators in Small Schools",
    ),
]

CHICAGO = "America/Chicago"
DENVER = "America/Denver"

SCHOOLS = {
    # Nebraska
    "cooperative": {
        "name": "Prairie & Pine Regional Service Center",
        "district": "Prairie & Pine Educational Cooperative",
        "state": "NE",
        "locale": "town",
    },
    "sandhills": {
        "name": "Sandhills Valley School",
        "district": "Sandhills Valley Public Schools",
        "state": "NE",
        "locale": "rural",
    },
    "cedar-loup": {
        "name": "Cedar Loup Junior-Senior High School",
        "district": "Cedar Loup Public Schools",
        "state": "NE",
        "locale": "rural",
    },
    "cedar-loup-office": {
        "name": "District Office",
        "district": "Cedar Loup Public Schools",
        "state": "NE",
        "locale": "rural",
    },
    "platte-bend": {
        "name": "Platte Bend Middle School",
        "district": "Platte Bend Public Schools",
        "state": "NE",
        "locale": "town",
    },
    "bluestem": {
        "name": "Bluestem Heights Elementary School",
        "district": "Capitol Plains Public Schools",
        "state": "NE",
        "locale": "city",
    },
    "prairie-lark": {
        "name": "Prairie Lark High School",
        "district": "Prairie Lark Community Schools",
        "state": "NE",
        "locale": "suburb",
    },
    "wildcat-buttes": {
        "name": "Wildcat Buttes School",
        "district": "Panhandle Plains Public Schools",
        "state": "NE",
        "locale": "rural",
    },
    # Kansas
    "tallgrass": {
        "name": "Tallgrass Prairie School",
        "district": "Tallgrass Unified School District",
        "state": "KS",
        "locale": "rural",
    },
    "sunflower-trail": {
        "name": "Sunflower Trail Middle School",
        "district": "Wheatland Valley Unified School District",
        "state": "KS",
        "locale": "town",
    },
    "wheatland-office": {
        "name": "District Office",
        "district": "Wheatland Valley Unified School District",
        "state": "KS",
        "locale": "town",
    },
    "riverside-plains": {
        "name": "Riverside Plains High School",
        "district": "Three Rivers City Schools",
        "state": "KS",
        "locale": "city",
    },
    "three-rivers-office": {
        "name": "Central Office",
        "district": "Three Rivers City Schools",
        "state": "KS",
        "locale": "city",
    },
    "cedar-creek": {
        "name": "Cedar Creek Elementary School",
        "district": "Prairie Crossing Unified School District",
        "state": "KS",
        "locale": "suburb",
    },
    # Montana
    "larkspur-creek": {
        "name": "Larkspur Creek School",
        "district": "Larkspur Creek Elementary District",
        "state": "MT",
        "locale": "rural",
    },
    "bitterbrush": {
        "name": "Bitterbrush High School",
        "district": "Bitterbrush Public Schools",
        "state": "MT",
        "locale": "town",
    },
    "two-forks": {
        "name": "Two Forks School",
        "district": "Two Forks K-12 Schools",
        "state": "MT",
        "locale": "rural",
    },
    # New Mexico
    "mesa-quemada": {
        "name": "Mesa Quemada School",
        "district": "Río Piedra Municipal Schools",
        "state": "NM",
        "locale": "rural",
    },
    "pinon-mesa": {
        "name": "Piñon Mesa High School",
        "district": "Río Piedra Municipal Schools",
        "state": "NM",
        "locale": "town",
    },
    "rio-piedra-office": {
        "name": "Central Office",
        "district": "Río Piedra Municipal Schools",
        "state": "NM",
        "locale": "town",
    },
    "paseo-del-sol": {
        "name": "Paseo del Sol Elementary School",
        "district": "Ciudad del Río Public Schools",
        "state": "NM",
        "locale": "city",
    },
    # South Dakota
    "badger-prairie": {
        "name": "Badger Prairie School",
        "district": "Badger Prairie School District",
        "state": "SD",
        "locale": "rural",
    },
    "meadowlark-hills": {
        "name": "Meadowlark Hills High School",
        "district": "Meadowlark Hills School District",
        "state": "SD",
        "locale": "town",
    },
    "red-canyon": {
        "name": "Red Canyon School",
        "district": "Granite Peak School District",
        "state": "SD",
        "locale": "rural",
    },
    # North Dakota
    "prairie-rose": {
        "name": "Prairie Rose School",
        "district": "Prairie Rose Public School District",
        "state": "ND",
        "locale": "rural",
    },
    "northwind": {
        "name": "Northwind Middle School",
        "district": "Twin Rivers Public Schools",
        "state": "ND",
        "locale": "city",
    },
    "twin-rivers-office": {
        "name": "Central Office",
        "district": "Twin Rivers Public Schools",
        "state": "ND",
        "locale": "city",
    },
    "coteau-hills": {
        "name": "Coteau Hills High School",
        "district": "Coteau Hills Public Schools",
        "state": "ND",
        "locale": "town",
    },
    # Colorado
    "foothills-crossing": {
        "name": "Foothills Crossing Middle School",
        "district": "High Plains Metro Schools",
        "state": "CO",
        "locale": "suburb",
    },
}

ALL_GRADES = ["k-2", "3-5", "6-8", "9-12"]

# ``language`` is the interface language ("" follows the browser); ``languages`` is what
# a person tells colleagues they speak.
PEOPLE = [
    # Hub staff and the accounts in DEMO_SIGN_INS.
    {
        "email": "admin@example.org",
        "display_name": "Morgan Ellery",
        "pronouns": "they/them",
        "role": "other",
        "subjects": ["library", "computer-science"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 14,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cooperative",
        "site_admin": True,
        "hub_roles": ["admin"],
        "bio": "I look after the hub's platform and the people who use it: accounts, new "
        "communities and the occasional lost password. I was a school librarian for nine "
        "years, and I still believe most problems are cataloguing problems.",
    },
    {
        "email": "hubadmin@example.org",
        "display_name": "Renata Solís",
        "pronouns": "she/her",
        "role": "other",
        "subjects": ["ela", "esl"],
        "grade_bands": ["9-12"],
        "years_in_profession": 19,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cooperative",
        "hub_roles": ["admin"],
        "bio": "I coordinate the Prairie & Pine hub: I help new communities get started and "
        "find facilitators for them. Before this I taught high school English and ESL for "
        "twelve years in a town of four thousand.",
    },
    {
        "email": "evaluator@example.org",
        "display_name": "Tobias Lindgren",
        "pronouns": "he/him",
        "role": "other",
        "subjects": [],
        "grade_bands": ["adult"],
        "years_in_profession": 11,
        "languages": "English, German",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cooperative",
        "hub_roles": ["evaluator"],
        "bio": "I lead evaluation for the hub: the surveys after each series, attendance "
        "reports and our research on how rural educators use peer networks. Ask me anything "
        "about survey design; I promise to keep the answer short.",
    },
    {
        "email": "facilitator@example.org",
        "display_name": "Joelle Haugen",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 18,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-loup",
        "bio": "I have been the counselor at a junior-senior high of 160 students for twelve "
        "years, and I now spend part of my week facilitating for the hub. I care most about "
        "the adults who stay with kids after a hard day.",
    },
    {
        "email": "teacher@example.org",
        "display_name": "Casey Brandt",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["science", "biology", "chemistry", "physics", "math"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 7,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sandhills",
        "bio": "I am the science department at a K-12 school of 140 students, plus eighth-"
        "grade math. I teach six preps a day and coach quiz bowl. Always looking for labs "
        "that work with twelve students and one fume hood.",
    },
    {
        "email": "newteacher@example.org",
        "display_name": "Amara Osei",
        "pronouns": "she/her",
        "role": "special_educator",
        "subjects": ["special-education"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 1,
        "languages": "English, Twi",
        "time_zone": DENVER,
        "language": "",
        "school": "two-forks",
        "bio": "First year as a special education teacher, and the only one in my school. "
        "I moved here from Denver for the job and the mountains. I have a lot of questions.",
    },
    {
        "email": "priya.raman@example.org",
        "display_name": "Priya Raman",
        "pronouns": "she/her",
        "role": "other",
        "subjects": [],
        "grade_bands": ["adult"],
        "years_in_profession": 5,
        "languages": "English, Tamil",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cooperative",
        "bio": "Evaluation associate for the hub. I build our surveys, clean the data and "
        "write the one-page summaries facilitators actually read.",
    },
    # Science teachers.
    {
        "email": "hank.olufsen@example.net",
        "display_name": "Hank Olufsen",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["science", "physics", "chemistry"],
        "grade_bands": ["9-12"],
        "years_in_profession": 27,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-rose",
        "bio": "Twenty-seven years as the only science teacher at Prairie Rose. I have built "
        "more lab equipment out of hardware-store parts than I have bought, and I am happy "
        "to share the plans.",
    },
    {
        "email": "marisol.baca@example.org",
        "display_name": "Marisol Baca",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["science", "biology", "earth-science"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 11,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "pinon-mesa",
        "bio": "I teach biology and earth science and run our watershed monitoring club. My "
        "students test the river every month and present to the town council each spring.",
    },
    {
        "email": "wren.castellano@example.net",
        "display_name": "Wren Castellano",
        "pronouns": "they/them",
        "role": "teacher",
        "subjects": ["science", "earth-science"],
        "grade_bands": ["6-8"],
        "years_in_profession": 4,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "larkspur-creek",
        "bio": "Middle school science in a K-8 of sixty kids. Interested in place-based "
        "units, weather stations and getting every student outside at least once a week.",
    },
    {
        "email": "dale.fenske@example.org",
        "display_name": "Dale Fenske",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["science", "chemistry", "biology"],
        "grade_bands": ["9-12"],
        "years_in_profession": 15,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "badger-prairie",
        "bio": "Chemistry, biology and the ag-science elective. I farm with my brother on "
        "weekends, which gives me an endless supply of soil samples.",
    },
    {
        "email": "nadia.karimi@example.net",
        "display_name": "Nadia Karimi",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["science", "physics", "computer-science", "math"],
        "grade_bands": ["9-12"],
        "years_in_profession": 6,
        "languages": "English, Dari",
        "time_zone": CHICAGO,
        "language": "",
        "school": "tallgrass",
        "bio": "I teach physics, computer science and whatever math section needs a teacher "
        "that year. Trying to build a robotics team with a budget of zero.",
    },
    {
        "email": "ruthann.petersen@example.org",
        "display_name": "Ruth Ann Petersen",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["science", "biology"],
        "grade_bands": ["9-12"],
        "years_in_profession": 31,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "coteau-hills",
        "bio": "Biology teacher for thirty-one years and counting. I mentor student teachers "
        "from the state university and I still get excited about owl pellets.",
    },
    {
        "email": "tomas.villanueva@example.net",
        "display_name": "Tomás Villanueva",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["science", "earth-science"],
        "grade_bands": ["6-8"],
        "years_in_profession": 2,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "red-canyon",
        "bio": "Second-year science teacher. I came to teaching from a job with the forest "
        "service and I am still learning how to plan further ahead than Thursday.",
    },
    # Mathematics teachers.
    {
        "email": "ingrid.solberg@example.org",
        "display_name": "Ingrid Solberg",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["math"],
        "grade_bands": ["9-12"],
        "years_in_profession": 19,
        "languages": "English, Norwegian",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-loup",
        "bio": "I teach every math course from Algebra I to calculus. I started the Rural Math "
        "Circle because I missed doing math with other adults.",
    },
    {
        "email": "darnell.hughes@example.net",
        "display_name": "Darnell Hughes",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["math", "computer-science"],
        "grade_bands": ["6-8"],
        "years_in_profession": 8,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "northwind",
        "bio": "Seventh- and eighth-grade math, plus an intro coding elective. I like tasks "
        "with a low floor and a high ceiling, and students who argue about them.",
    },
    {
        "email": "lucia.paz@example.org",
        "display_name": "Lucía Paz",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["math"],
        "grade_bands": ["6-8"],
        "years_in_profession": 5,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sunflower-trail",
        "bio": "Sixth-grade math teacher. About a third of my students are learning English, "
        "so I think a lot about language in math class.",
    },
    {
        "email": "owen.mcallister@example.net",
        "display_name": "Owen McAllister",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["math"],
        "grade_bands": ["9-12"],
        "years_in_profession": 2,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "bitterbrush",
        "bio": "Second year teaching geometry and Algebra II at the school I graduated from, "
        "which means some of my colleagues used to be my teachers.",
    },
    {
        "email": "bethany.kroeker@example.org",
        "display_name": "Bethany Kroeker",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["elementary", "math"],
        "grade_bands": ["3-5"],
        "years_in_profession": 12,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-rose",
        "bio": "I teach a combined fourth- and fifth-grade class. Math talks are my favorite "
        "part of the day.",
    },
    {
        "email": "samuel.begay@example.net",
        "display_name": "Samuel Begay",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["math", "science"],
        "grade_bands": ["6-8"],
        "years_in_profession": 9,
        "languages": "English, Navajo",
        "time_zone": DENVER,
        "language": "",
        "school": "mesa-quemada",
        "bio": "Middle school math and science in a K-8 school. I bring in patterns from "
        "weaving and building whenever I can; my students teach me as much as I teach them.",
    },
    # English, social studies, languages and elementary teachers.
    {
        "email": "graciela.ortiz@example.org",
        "display_name": "Graciela Ortiz",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["esl", "elementary"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 14,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "paseo-del-sol",
        "bio": "ESL teacher in a dual-language elementary school. I coach teachers on "
        "language objectives and I co-facilitate Teaching Multilingual Learners.",
    },
    {
        "email": "abdi.warsame@example.net",
        "display_name": "Abdi Warsame",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["esl"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 7,
        "languages": "English, Somali, Swahili",
        "time_zone": CHICAGO,
        "language": "",
        "school": "riverside-plains",
        "bio": "I teach our newcomer program at the high school and help families find their "
        "way around the school system. I arrived in Kansas as a ninth grader myself.",
    },
    {
        "email": "verna.tsosie@example.org",
        "display_name": "Verna Tsosie",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["ela", "social-studies"],
        "grade_bands": ["6-8"],
        "years_in_profession": 22,
        "languages": "English, Navajo",
        "time_zone": DENVER,
        "language": "",
        "school": "mesa-quemada",
        "bio": "Middle school language arts and social studies. I build units around "
        "community stories and invite elders into the classroom as often as they will come.",
    },
    {
        "email": "emily.schroeder@example.net",
        "display_name": "Emily Schroeder",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["elementary"],
        "grade_bands": ["k-2"],
        "years_in_profession": 1,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-creek",
        "bio": "First-year first-grade teacher. Currently learning that everything takes "
        "three times longer with six-year-olds, and that this is fine.",
    },
    {
        "email": "jamal.whitfield@example.org",
        "display_name": "Jamal Whitfield",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["social-studies"],
        "grade_bands": ["9-12"],
        "years_in_profession": 2,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-lark",
        "bio": "I teach US history and civics. I want every student to leave my class able "
        "to read a primary source and a news story with the same healthy suspicion.",
    },
    {
        "email": "hannah.vogel@example.org",
        "display_name": "Hannah Vogel",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["elementary"],
        "grade_bands": ["3-5"],
        "years_in_profession": 16,
        "languages": "English, German",
        "time_zone": CHICAGO,
        "language": "",
        "school": "bluestem",
        "bio": "Third-grade teacher and mentor for our district's new teachers. I facilitate "
        "the New Teacher Circle because my own first year would have gone better with one.",
    },
    {
        "email": "rosa.delgado@example.net",
        "display_name": "Rosa Delgado-Martín",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["early-childhood", "elementary"],
        "grade_bands": ["prek", "k-2"],
        "years_in_profession": 9,
        "languages": "Spanish, English",
        "time_zone": DENVER,
        "language": "es",
        "school": "paseo-del-sol",
        "bio": "Maestra de prekínder en un programa bilingüe. I love play-based learning and "
        "family literacy nights.",
    },
    {
        "email": "meiling.chou@example.net",
        "display_name": "Mei-Ling Chou",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["ela"],
        "grade_bands": ["9-12"],
        "years_in_profession": 10,
        "languages": "English, Mandarin",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-lark",
        "bio": "High school English teacher and yearbook adviser. I am interested in how "
        "students who write in two languages find their voice in both.",
    },
    {
        "email": "aaron.goldfarb@example.org",
        "display_name": "Aaron Goldfarb",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["arts"],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 13,
        "languages": "English, Hebrew",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sandhills",
        "bio": "Art and music for every grade, K through 12, in one room that used to be the "
        "shop. The spring concert is the biggest event in town.",
    },
    {
        "email": "keisha.brown@example.net",
        "display_name": "Keisha Brown",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["ela"],
        "grade_bands": ["6-8"],
        "years_in_profession": 4,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "platte-bend",
        "bio": "Seventh-grade English. My classroom library has four hundred books and a "
        "waiting list for the graphic novels.",
    },
    {
        "email": "pedro.alvarado@example.org",
        "display_name": "Pedro Alvarado",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["cte"],
        "grade_bands": ["9-12"],
        "years_in_profession": 20,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "bitterbrush",
        "bio": "Welding and construction trades teacher. Twenty years in, I like helping new "
        "teachers figure out classroom management in a room full of power tools.",
    },
    {
        "email": "grace.nguyen@example.net",
        "display_name": "Grace Nguyen",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["esl", "world-languages"],
        "grade_bands": ["6-8"],
        "years_in_profession": 6,
        "languages": "English, Vietnamese, French",
        "time_zone": CHICAGO,
        "language": "",
        "school": "northwind",
        "bio": "ESL and French at a city middle school. I co-teach in science and social "
        "studies classes three days a week.",
    },
    {
        "email": "sofia.herrera@example.net",
        "display_name": "Sofía Herrera",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["elementary"],
        "grade_bands": ["3-5"],
        "years_in_profession": 2,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "mesa-quemada",
        "bio": "Second-year teacher in a combined third- and fourth-grade class, in the "
        "community where I grew up.",
    },
    {
        "email": "ethan.walker@example.net",
        "display_name": "Ethan Walker",
        "pronouns": "he/him",
        "role": "teacher",
        "subjects": ["social-studies", "ela", "math"],
        "grade_bands": ["9-12"],
        "years_in_profession": 3,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "wildcat-buttes",
        "bio": "Social studies and English at a school of 110 students, and last year a "
        "section of consumer math. I drive the activity bus on Fridays.",
    },
    {
        "email": "fatima.alsayed@example.org",
        "display_name": "Fatima Al-Sayed",
        "pronouns": "she/her",
        "role": "teacher",
        "subjects": ["esl"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 8,
        "languages": "English, Arabic",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-creek",
        "bio": "Elementary ESL teacher. I run a family English class on Tuesday evenings, "
        "with childcare provided by our high school volunteers.",
    },
    # Counselors.
    {
        "email": "marcus.bellamy@example.org",
        "display_name": "Marcus Bellamy",
        "pronouns": "he/him",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["9-12"],
        "years_in_profession": 12,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "meadowlark-hills",
        "bio": "High school counselor. My passions are postsecondary planning for first-"
        "generation students and making sure every senior has a plan, whatever it is.",
    },
    {
        "email": "alma.reyes@example.net",
        "display_name": "Alma Reyes",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["k-2", "3-5", "6-8"],
        "years_in_profession": 3,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "tallgrass",
        "bio": "Counselor for the elementary and middle grades, shared with the district's "
        "other building on Thursdays. I run lunch groups and a lot of check-ins.",
    },
    {
        "email": "kristin.aasland@example.org",
        "display_name": "Kristin Aasland",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 9,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-rose",
        "bio": "The only counselor for 210 students from kindergarten to twelfth grade. I "
        "have learned to love variety.",
    },
    {
        "email": "daniel.sandoval@example.net",
        "display_name": "Daniel Sandoval",
        "pronouns": "he/him",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 6,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "two-forks",
        "bio": "K-12 counselor in a ranching community. Interested in suicide prevention, "
        "grief support and partnerships with the county's one mental health clinic.",
    },
    {
        "email": "yolanda.pierce@example.org",
        "display_name": "Yolanda Pierce",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 21,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "bluestem",
        "bio": "Elementary counselor and co-facilitator of the Trauma-Informed Classrooms "
        "ECHO. I have spent twenty years helping schools become calmer places for kids and "
        "for adults.",
    },
    {
        "email": "ben.halvorsen@example.net",
        "display_name": "Ben Halvorsen",
        "pronouns": "he/him",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 1,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "wildcat-buttes",
        "bio": "Brand-new school counselor, fresh out of my master's program, and the only "
        "counselor within sixty miles.",
    },
    {
        "email": "chiara.romano@example.org",
        "display_name": "Chiara Romano",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["6-8"],
        "years_in_profession": 5,
        "languages": "English, Italian",
        "time_zone": CHICAGO,
        "language": "",
        "school": "platte-bend",
        "bio": "Middle school counselor. I run our peer mediation program and a very popular "
        "chess club.",
    },
    {
        "email": "esperanza.vigil@example.org",
        "display_name": "Esperanza Vigil",
        "pronouns": "she/her",
        "role": "counselor",
        "subjects": ["counseling"],
        "grade_bands": ["9-12"],
        "years_in_profession": 10,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "pinon-mesa",
        "bio": "High school counselor focused on dual-credit planning and family outreach "
        "in Spanish and English.",
    },
    # Special educators.
    {
        "email": "trish.novak@example.org",
        "display_name": "Trish Novak",
        "pronouns": "she/her",
        "role": "special_educator",
        "subjects": ["special-education"],
        "grade_bands": ["k-2", "3-5", "6-8"],
        "years_in_profession": 17,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "larkspur-creek",
        "bio": "Special education teacher for every student on an IEP at a K-8 school, and "
        "facilitator of Special Educators in Small Schools. I love a good visual schedule.",
    },
    {
        "email": "isaiah.greene@example.net",
        "display_name": "Isaiah Greene",
        "pronouns": "he/him",
        "role": "special_educator",
        "subjects": ["special-education"],
        "grade_bands": ["6-8", "9-12"],
        "years_in_profession": 8,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-loup",
        "bio": "Secondary special education and transition planning. I spend a lot of time "
        "with local employers finding work-based learning placements.",
    },
    {
        "email": "leah.friesen@example.org",
        "display_name": "Leah Friesen",
        "pronouns": "she/her",
        "role": "special_educator",
        "subjects": ["special-education"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 4,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "badger-prairie",
        "bio": "Elementary resource teacher. I supervise two paraprofessionals and try to "
        "make their days as well planned as mine.",
    },
    {
        "email": "miguel.torres@example.net",
        "display_name": "Miguel Ángel Torres",
        "pronouns": "he/him",
        "role": "special_educator",
        "subjects": ["special-education", "math"],
        "grade_bands": ["9-12"],
        "years_in_profession": 10,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "pinon-mesa",
        "bio": "I co-teach high school math and run the resource room. Ask me about "
        "graphic organizers for word problems.",
    },
    {
        "email": "sunita.rao@example.org",
        "display_name": "Sunita Rao",
        "pronouns": "she/her",
        "role": "special_educator",
        "subjects": ["special-education", "early-childhood"],
        "grade_bands": ["prek", "k-2"],
        "years_in_profession": 12,
        "languages": "English, Hindi",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-creek",
        "bio": "Early childhood special educator. Much of my work happens with families, in "
        "homes and at the kitchen table.",
    },
    # School nurses.
    {
        "email": "carol.jansen@example.org",
        "display_name": "Carol Jansen",
        "pronouns": "she/her",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 28,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "coteau-hills",
        "bio": "School nurse for three buildings and facilitator of the School Nurses "
        "Network. Before schools I spent ten years in emergency nursing.",
    },
    {
        "email": "adaeze.nwosu@example.net",
        "display_name": "Adaeze Nwosu",
        "pronouns": "she/her",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ["9-12"],
        "years_in_profession": 7,
        "languages": "English, Igbo",
        "time_zone": CHICAGO,
        "language": "",
        "school": "riverside-plains",
        "bio": "High school nurse in a building of 1,800 students. My focus this year is "
        "chronic absence and asthma.",
    },
    {
        "email": "shelby.kraus@example.org",
        "display_name": "Shelby Kraus",
        "pronouns": "",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ["prek", *ALL_GRADES],
        "years_in_profession": 3,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sandhills",
        "bio": "Part-time school nurse and part-time clinic nurse in the same small town, "
        "which means I see most of my students in both places.",
    },
    {
        "email": "roberto.chavez@example.net",
        "display_name": "Roberto Chávez",
        "pronouns": "he/him",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ["prek", "k-2", "3-5"],
        "years_in_profession": 11,
        "languages": "Spanish, English",
        "time_zone": DENVER,
        "language": "es",
        "school": "paseo-del-sol",
        "bio": "Enfermero escolar en una primaria bilingüe. I teach families about asthma "
        "plans and make a lot of phone calls in two languages.",
    },
    {
        "email": "janelle.whitaker@example.org",
        "display_name": "Janelle Whitaker",
        "pronouns": "she/her",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 15,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "red-canyon",
        "bio": "The only health professional for a school ninety minutes from the nearest "
        "hospital. Emergency planning is my specialty by necessity.",
    },
    {
        "email": "marta.kowalski@example.net",
        "display_name": "Marta Kowalski",
        "pronouns": "she/her",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ["9-12"],
        "years_in_profession": 20,
        "languages": "English, Polish",
        "time_zone": DENVER,
        "language": "",
        "school": "bitterbrush",
        "bio": "High school nurse, sports physicals coordinator and reluctant expert on "
        "concussion return-to-learn plans.",
    },
    {
        "email": "gwen.hollister@example.org",
        "display_name": "Gwen Hollister",
        "pronouns": "",
        "role": "nurse",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 9,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "wildcat-buttes",
        "bio": "Registered nurse serving two rural schools forty miles apart. My car is my "
        "second office.",
    },
    # Paraprofessionals.
    {
        "email": "dolores.montoya@example.org",
        "display_name": "Lola Montoya",
        "pronouns": "she/her",
        "role": "paraprofessional",
        "subjects": ["special-education", "elementary"],
        "grade_bands": ["k-2", "3-5"],
        "years_in_profession": 19,
        "languages": "Spanish, English",
        "time_zone": DENVER,
        "language": "es",
        "school": "mesa-quemada",
        "bio": "Nineteen years as a paraprofessional, most of them in special education. I "
        "co-facilitate Paraprofessional Pathways and I am one class away from my teaching "
        "degree.",
    },
    {
        "email": "kyle.jorgensen@example.net",
        "display_name": "Kyle Jorgensen",
        "pronouns": "he/him",
        "role": "paraprofessional",
        "subjects": ["elementary"],
        "grade_bands": ["3-5"],
        "years_in_profession": 2,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-rose",
        "bio": "Para in the upper elementary classroom and assistant wrestling coach. "
        "Starting my teaching degree online this fall.",
    },
    {
        "email": "tanya.mitchell@example.org",
        "display_name": "Tanya Mitchell",
        "pronouns": "she/her",
        "role": "paraprofessional",
        "subjects": ["special-education"],
        "grade_bands": ["k-2"],
        "years_in_profession": 6,
        "languages": "English, ASL",
        "time_zone": CHICAGO,
        "language": "",
        "school": "bluestem",
        "bio": "Paraprofessional in a kindergarten inclusion classroom. I sign with two of "
        "our students and teach a little ASL to everyone else.",
    },
    {
        "email": "hector.ybarra@example.net",
        "display_name": "Héctor Ybarra",
        "pronouns": "he/him",
        "role": "paraprofessional",
        "subjects": ["esl", "math"],
        "grade_bands": ["6-8"],
        "years_in_profession": 4,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sunflower-trail",
        "bio": "Bilingual paraprofessional supporting newcomers in math and science classes.",
    },
    {
        "email": "jun.takahashi@example.org",
        "display_name": "Jun Takahashi",
        "pronouns": "he/him",
        "role": "paraprofessional",
        "subjects": ["special-education"],
        "grade_bands": ["6-8"],
        "years_in_profession": 3,
        "languages": "English, Japanese",
        "time_zone": CHICAGO,
        "language": "",
        "school": "northwind",
        "bio": "Paraprofessional in a middle school resource room. I am thinking about "
        "becoming a special education teacher and trying to learn as much as I can first.",
    },
    # Principals.
    {
        "email": "rachel.okonkwo@example.org",
        "display_name": "Rachel Okonkwo",
        "pronouns": "she/her",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ["6-8"],
        "years_in_profession": 14,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "platte-bend",
        "bio": "Second year as principal, after eleven years teaching math. Working on "
        "building a schedule with real time for teachers to plan together.",
    },
    {
        "email": "curtis.lange@example.net",
        "display_name": "Curtis Lange",
        "pronouns": "he/him",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 16,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "badger-prairie",
        "bio": "Principal and superintendent of a K-12 district with one building. Third "
        "year in the job; I also drive a bus route when the regular driver is out.",
    },
    {
        "email": "anjali.mehta@example.org",
        "display_name": "Anjali Mehta",
        "pronouns": "she/her",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ["6-8"],
        "years_in_profession": 12,
        "languages": "English, Gujarati",
        "time_zone": DENVER,
        "language": "",
        "school": "foothills-crossing",
        "bio": "Assistant principal at a suburban middle school. My focus is restorative "
        "discipline and keeping kids in class.",
    },
    {
        "email": "victor.salazar@example.net",
        "display_name": "Victor Salazar",
        "pronouns": "he/him",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ["9-12"],
        "years_in_profession": 26,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "pinon-mesa",
        "bio": "High school principal for fourteen years. I facilitate the Early-Career "
        "Principals Cohort because somebody once did that for me.",
    },
    {
        "email": "erin.blackwood@example.org",
        "display_name": "Erin Blackwood",
        "pronouns": "she/her",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 11,
        "languages": "English",
        "time_zone": DENVER,
        "language": "",
        "school": "two-forks",
        "bio": "New principal of a K-12 school after ten years teaching English here. Still "
        "getting used to being the one who decides about snow days.",
    },
    {
        "email": "sarah.kettleson@example.net",
        "display_name": "Sarah Kettleson",
        "pronouns": "she/her",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ALL_GRADES,
        "years_in_profession": 15,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "prairie-rose",
        "bio": "K-12 principal in my fourth year. Our staff of twenty-two does a lot with a "
        "little, and I try to protect their time.",
    },
    {
        "email": "luis.carrillo@example.org",
        "display_name": "Luis Carrillo",
        "pronouns": "he/him",
        "role": "school_leader",
        "subjects": [],
        "grade_bands": ["6-8"],
        "years_in_profession": 13,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "sunflower-trail",
        "bio": "Middle school principal, first year. Former band director, so I believe "
        "in sectionals, rehearsal and a little noise.",
    },
    # District leaders.
    {
        "email": "gloria.estrada@example.org",
        "display_name": "Gloria Estrada",
        "pronouns": "she/her",
        "role": "district_leader",
        "subjects": [],
        "grade_bands": [],
        "years_in_profession": 24,
        "languages": "English, Spanish",
        "time_zone": DENVER,
        "language": "",
        "school": "rio-piedra-office",
        "bio": "Director of professional learning. I run our district's grow-your-own "
        "program, which has helped fourteen paraprofessionals become teachers so far.",
    },
    {
        "email": "bill.thorsen@example.net",
        "display_name": "Bill Thorsen",
        "pronouns": "he/him",
        "role": "district_leader",
        "subjects": [],
        "grade_bands": [],
        "years_in_profession": 30,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "cedar-loup-office",
        "bio": "Superintendent of a small rural district. We are redesigning our "
        "professional learning days so teachers choose what they work on.",
    },
    {
        "email": "denise.howard@example.org",
        "display_name": "Denise Howard",
        "pronouns": "she/her",
        "role": "district_leader",
        "subjects": [],
        "grade_bands": [],
        "years_in_profession": 22,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "three-rivers-office",
        "bio": "Assistant superintendent for teaching and learning. I facilitate the "
        "district leaders' network and believe good professional learning looks like good "
        "teaching.",
    },
    {
        "email": "jorge.medina@example.net",
        "display_name": "Jorge Medina",
        "pronouns": "he/him",
        "role": "district_leader",
        "subjects": [],
        "grade_bands": [],
        "years_in_profession": 18,
        "languages": "English, Spanish",
        "time_zone": CHICAGO,
        "language": "",
        "school": "twin-rivers-office",
        "bio": "Coordinator of new-teacher induction. This year we are testing instructional "
        "coaching for every first- and second-year teacher.",
    },
    {
        "email": "colleen.fairbanks@example.org",
        "display_name": "Colleen Fairbanks",
        "pronouns": "she/her",
        "role": "district_leader",
        "subjects": ["special-education"],
        "grade_bands": [],
        "years_in_profession": 20,
        "languages": "English",
        "time_zone": CHICAGO,
        "language": "",
        "school": "wheatland-office",
        "bio": "Director of special services for a district of four schools. I was a "
        "special education teacher for twelve years and I still keep my caseload binder.",
    },
]

# Each community lists its people by email. ``members`` join in the order given, spread
# from the community's start to a few days ago, so the last names are the newest members.
# ``left`` joined and later left; ``requests`` are still waiting for a facilitator;
# ``invitations`` are open, unanswered invitations, each with a personal note.
COMMUNITIES = [
    {
        "name": "Trauma-Informed Classrooms ECHO",
        "slug": "trauma-informed-classrooms",
        "tagline": "A weekly hour on teaching children who carry hard things into the "
        "classroom: a peer talk and a real case every Tuesday.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 400,
        "description": """\
For classroom teachers, paraprofessionals, counselors and school leaders who want to \
respond to stress and trauma in ways that keep students learning and keep adults well. \
Most of us work in schools with no psychologist on site, where the nearest mental health \
provider is an hour's drive away.

We meet **every Tuesday from 3:45 to 4:45 pm Central (2:45 Mountain)** during the school \
year. Each session opens with a fifteen-minute talk by a member (recent topics: \
predictable routines after a crisis, de-escalation language that fits a small school, \
looking after yourself when a student discloses) followed by a case brought by a \
participant. The facilitators send the presenter a short summary of the group's \
recommendations within the week.

**Our norms**

- Describe behavior, not labels, and leave names and identifying details out of every case.
- What is said about a case stays in the session.
- Ask a clarifying question before you offer advice.
- Cameras are welcome but optional; the chat counts as taking part.
""",
        "facilitators": ["facilitator@example.org", "yolanda.pierce@example.org"],
        "members": [
            "hannah.vogel@example.org",
            "kristin.aasland@example.org",
            "marcus.bellamy@example.org",
            "teacher@example.org",
            "isaiah.greene@example.net",
            "graciela.ortiz@example.org",
            "dolores.montoya@example.org",
            "keisha.brown@example.net",
            "aaron.goldfarb@example.org",
            "rachel.okonkwo@example.org",
            "chiara.romano@example.org",
            "alma.reyes@example.net",
            "janelle.whitaker@example.org",
            "verna.tsosie@example.org",
            "leah.friesen@example.org",
            "tanya.mitchell@example.org",
            "daniel.sandoval@example.net",
            "anjali.mehta@example.org",
            "ethan.walker@example.net",
            "jamal.whitfield@example.org",
            "kyle.jorgensen@example.net",
            "sofia.herrera@example.net",
            "emily.schroeder@example.net",
            "newteacher@example.org",
        ],
        "left": ["meiling.chou@example.net"],
        "requests": [],
        "invitations": [
            {
                "email": "lena.bergstrom@example.net",
                "note": "Lena, you asked at the regional conference how other schools handle "
                "the first morning back after a loss. We talk about exactly that here on "
                "Tuesdays. Come listen in any week.",
            },
        ],
    },
    {
        "name": "Rural School Counselors",
        "slug": "rural-school-counselors",
        "tagline": "Counselors who are the only one in their building, or their county, "
        "comparing notes on caseloads, crises and college planning.",
        "visibility": "private",
        "join_policy": "request",
        "started_days_ago": 370,
        "description": """\
A private group for school counselors in rural and small-town schools, including those \
who split their week between several buildings. It is private so that members can talk \
candidly about hard situations. Facilitators answer requests within a few days; please \
tell us where you work when you ask to join.

We meet **every other Thursday at 4:00 pm Central (3:00 Mountain)**. A member opens with \
a ten-minute practice share (a crisis protocol, a small-group curriculum, a way to get a \
schedule change past the principal) and then we work through one case together.

Between sessions, members post questions here, and someone who has been there usually \
answers before the day is out.

**Norms:** de-identify every student and family; assume good intent from colleagues; and \
if a case involves immediate safety, follow your district's protocol first and bring it to \
the group afterwards.
""",
        "facilitators": ["facilitator@example.org", "marcus.bellamy@example.org"],
        "members": [
            "kristin.aasland@example.org",
            "daniel.sandoval@example.net",
            "esperanza.vigil@example.org",
            "chiara.romano@example.org",
            "alma.reyes@example.net",
        ],
        "left": [],
        "requests": [
            {
                "email": "ben.halvorsen@example.net",
                "message": "I started in August as the only counselor for grades 6-12 at "
                "Wildcat Buttes. My supervisor is the principal, who is great but not a "
                "counselor. I would love colleagues to think things through with.",
            },
        ],
        "invitations": [
            {
                "email": "m.ahmadi@example.net",
                "note": "Mina, thank you for your question at the counselors' workshop. "
                "This is the group I mentioned: small, kind, and very practical. We would "
                "be glad to have you.",
            },
        ],
    },
    {
        "name": "New Teacher Circle",
        "slug": "new-teacher-circle",
        "tagline": "For teachers in their first three years: a calm hour every Wednesday to "
        "talk through what is actually happening in your classroom.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 350,
        "description": """\
The first years of teaching are hard everywhere, and harder when you are the only new \
teacher in the building and your mentor teaches a different subject. This circle is for \
teachers, special educators and counselors in their first three years, and for the \
experienced colleagues who want to support them.

We meet **Wednesdays at 4:15 pm Central (3:15 Mountain)**. Each session starts with a \
short, practical talk by a teacher a few years further along (planning a week without \
working every evening, calling a parent for the first time, getting through your first \
observation) and then one member brings a case from their own classroom.

**How we work together**

- There are no silly questions: someone else is wondering the same thing.
- Experienced members ask before they advise, and remember their own first year.
- We talk about situations, not people; keep students and colleagues unidentifiable.
""",
        "facilitators": ["hannah.vogel@example.org", "facilitator@example.org"],
        "members": [
            "pedro.alvarado@example.org",
            "teacher@example.org",
            "keisha.brown@example.net",
            "wren.castellano@example.net",
            "ethan.walker@example.net",
            "jamal.whitfield@example.org",
            "sofia.herrera@example.net",
            "tomas.villanueva@example.net",
            "owen.mcallister@example.net",
            "kyle.jorgensen@example.net",
            "ben.halvorsen@example.net",
            "emily.schroeder@example.net",
            "newteacher@example.org",
        ],
        "left": ["lucia.paz@example.org"],
        "requests": [],
        "invitations": [
            {
                "email": "caleb.ostrander@example.net",
                "note": "Caleb, welcome to the profession! A lot of first-year teachers from "
                "around the region meet here on Wednesdays. No preparation needed; just "
                "come as you are.",
            },
        ],
    },
    {
        "name": "One-Person Science Departments",
        "slug": "one-person-science",
        "tagline": "Science teachers who are the whole department: labs on a small budget, "
        "multi-grade planning and someone to talk pedagogy with.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 330,
        "description": """\
If you teach every science course in your school (sometimes life, earth and physical \
science before lunch and chemistry after it), this community is for you. Members teach \
in schools of under three hundred students across Nebraska, Kansas, the Dakotas, Montana \
and New Mexico.

We meet **the first and third Monday of each month at 4:00 pm Central (3:00 Mountain)**. \
A member demonstrates a lab or unit that works with a small budget and mixed-grade \
groups, and then someone brings a case: a course sequence that will not fit the \
schedule, a chemical storeroom nobody has inventoried in years, a student ready for work \
the school does not offer.

We keep a running list of equipment members are willing to lend, and we swap unit plans \
freely. Please credit the colleague whose work you adapt.
""",
        "facilitators": ["hank.olufsen@example.net"],
        "members": [
            "ruthann.petersen@example.org",
            "dale.fenske@example.org",
            "teacher@example.org",
            "marisol.baca@example.org",
            "nadia.karimi@example.net",
            "samuel.begay@example.net",
            "wren.castellano@example.net",
            "tomas.villanueva@example.net",
        ],
        "left": [],
        "requests": [],
        "invitations": [],
    },
    {
        "name": "District Leaders' Professional Learning Network",
        "slug": "district-learning-network",
        "tagline": "District leaders redesigning professional learning together: problems of "
        "practice, plans and honest feedback.",
        "visibility": "hidden",
        "join_policy": "invitation",
        "started_days_ago": 300,
        "description": """\
An invitation-only network of superintendents, curriculum directors and professional \
learning coordinators who are rebuilding how their districts support adult learning. \
Each district team works on its own problem of practice, from induction for new \
teachers to making collaboration time worth having, and brings its plan to the network \
for critical-friends feedback.

We meet **monthly, on the second Friday from 9:00 to 10:30 am Central**. One district \
presents its plan or its data, and the rest of the group responds using a structured \
protocol.

**Agreements**

- What districts share here, including draft plans and data, stays in the network.
- We critique plans, not people.
- Every district presents at least once a year.
""",
        "facilitators": ["denise.howard@example.org", "gloria.estrada@example.org"],
        "members": [
            "hubadmin@example.org",
            "bill.thorsen@example.net",
            "colleen.fairbanks@example.org",
            "jorge.medina@example.net",
            "curtis.lange@example.net",
        ],
        "left": [],
        "requests": [],
        "invitations": [
            {
                "email": "victor.salazar@example.net",
                "note": "Victor, your high school's work on common planning time is exactly "
                "the kind of thing this network should hear about. Would you present in "
                "the spring?",
            },
            {
                "email": "karen.aune@example.net",
                "note": "Karen, congratulations on the new role. This network meets monthly "
                "and would be a good place to think through the induction redesign you "
                "described.",
            },
        ],
    },
    {
        "name": "Special Educators in Small Schools",
        "slug": "small-school-special-educators",
        "tagline": "Special educators who serve every grade and every need in small "
        "schools, working through schedules, IEPs and cases together.",
        "visibility": "private",
        "join_policy": "request",
        "started_days_ago": 280,
        "description": """\
For special education teachers, and the paraprofessionals and coordinators who work \
alongside them, in schools where one person may serve students from kindergarten to \
graduation with every kind of need. The group is private because our cases involve \
sensitive information; facilitators approve requests and may ask about your role.

We meet **every other Tuesday at 4:00 pm Mountain (5:00 Central)**. A member shares a \
strategy, template or tool that works with a mixed caseload, and then someone brings a \
case: a schedule that cannot serve everyone, a transition plan, a behavior plan that \
stopped working.

**Norms:** no student names, initials, birthdates or school-specific details in cases; \
legal questions belong with your district, and we help each other frame them; and we \
celebrate small wins loudly.
""",
        "facilitators": ["trish.novak@example.org"],
        "members": [
            "colleen.fairbanks@example.org",
            "isaiah.greene@example.net",
            "miguel.torres@example.net",
            "leah.friesen@example.org",
            "dolores.montoya@example.org",
            "sunita.rao@example.org",
        ],
        "left": [],
        "requests": [
            {
                "email": "newteacher@example.org",
                "message": "I am a first-year special education teacher and the only one at "
                "Two Forks School (K-12). I serve eleven students across six grades and "
                "would really value advice from people in the same situation.",
            },
            {
                "email": "jun.takahashi@example.org",
                "message": "I am a paraprofessional in a middle school resource room and "
                "I'm considering a special education degree. My supervising teacher "
                "suggested this group.",
            },
        ],
        "invitations": [
            {
                "email": "rhea.whitman@example.net",
                "note": "Rhea, you mentioned you are covering special education for two "
                "buildings this year. This group has several people doing the same; I think "
                "you would find it useful.",
            },
        ],
    },
    {
        "name": "School Nurses Network",
        "slug": "school-nurses",
        "tagline": "School nurses, often the only health professional for miles, sharing "
        "protocols, case consultations and quick answers.",
        "visibility": "public",
        "join_policy": "request",
        "started_days_ago": 260,
        "description": """\
A network for school nurses and health aides across the region. Many of us cover several \
buildings, and some of us are the only health professional in town. Anyone can read our \
sessions and discussions; to take part, ask to join and tell us a little about your role.

We meet **the second and fourth Thursday of each month at 3:30 pm Central (2:30 \
Mountain)**. Each session has a short update from a member (managing diabetes care on a \
field trip, seizure action plans, chronic absence and health) and a de-identified case.

**Please remember:** this community is for peer consultation, not medical advice about a \
specific student. Follow your standing orders and your district's policies, and never \
post a student's health information.
""",
        "facilitators": ["carol.jansen@example.org"],
        "members": [
            "marta.kowalski@example.net",
            "janelle.whitaker@example.org",
            "adaeze.nwosu@example.net",
            "roberto.chavez@example.net",
            "gwen.hollister@example.org",
        ],
        "left": [],
        "requests": [
            {
                "email": "shelby.kraus@example.org",
                "message": "I'm the school nurse at Sandhills Valley two days a week. I "
                "would like help setting up our first emergency drill for students with "
                "severe allergies.",
            },
        ],
        "invitations": [],
    },
    {
        "name": "Teaching Multilingual Learners",
        "slug": "multilingual-learners",
        "tagline": "Practical ideas for supporting students who are learning English in every "
        "subject, from newcomers to long-term English learners.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 240,
        "description": """\
For classroom teachers, ESL specialists, paraprofessionals and counselors who work with \
multilingual students, whether you have one newcomer this year or half your class speaks \
Spanish at home. Many members are the only ESL-endorsed teacher in their district.

We meet **every other Monday at 4:30 pm Central (3:30 Mountain)**, alternating between \
sessions in English and bilingual English–Spanish sessions. A short talk by a member \
(sentence frames in science, welcoming families who have just arrived, reading \
assessment in a student's first language) is followed by a case.

**Norms**

- Students' languages and cultures are assets, and we talk about them that way.
- Share what worked and what did not, with the context that made the difference.
- De-identify every student and family.
""",
        "facilitators": ["graciela.ortiz@example.org", "abdi.warsame@example.net"],
        "members": [
            "grace.nguyen@example.net",
            "fatima.alsayed@example.org",
            "rosa.delgado@example.net",
            "lucia.paz@example.org",
            "verna.tsosie@example.org",
            "marisol.baca@example.org",
            "meiling.chou@example.net",
            "esperanza.vigil@example.org",
            "hector.ybarra@example.net",
            "miguel.torres@example.net",
            "sunita.rao@example.org",
            "sofia.herrera@example.net",
        ],
        "left": [],
        "requests": [],
        "invitations": [
            {
                "email": "tomas.lindqvist@example.org",
                "note": "Tomas, since your district just enrolled its first newcomers, you "
                "might like this group. Our next session is on the first two weeks of "
                "school for a student who speaks no English yet.",
            },
        ],
    },
    {
        "name": "Rural Math Circle",
        "slug": "rural-math-circle",
        "tagline": "Math teachers from small schools solving problems together, and talking "
        "about how to teach them, every other Wednesday evening.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 220,
        "description": """\
Part math circle, part teaching community. Each session opens with a rich problem that \
we actually work on together for twenty minutes, and then we talk about teaching it: how \
to adapt it for grades 5 through 12, what students did with it, where they got stuck. \
The second half is a case from a member's classroom.

We meet **every other Wednesday at 7:00 pm Central (6:00 Mountain)**, after supper, \
because that is when most of us can think about math for fun.

Bring scratch paper. Wrong answers are welcome; the interesting conversations usually \
start there.
""",
        "facilitators": ["ingrid.solberg@example.org"],
        "members": [
            "bethany.kroeker@example.org",
            "darnell.hughes@example.net",
            "samuel.begay@example.net",
            "teacher@example.org",
            "nadia.karimi@example.net",
            "lucia.paz@example.org",
            "miguel.torres@example.net",
            "owen.mcallister@example.net",
        ],
        "left": ["ethan.walker@example.net"],
        "requests": [],
        "invitations": [],
    },
    {
        "name": "Paraprofessional Pathways",
        "slug": "paraprofessional-pathways",
        "tagline": "For paraprofessionals growing in their work or on the path to a teaching "
        "license, and the teachers and leaders who support them.",
        "visibility": "public",
        "join_policy": "open",
        "started_days_ago": 200,
        "description": """\
Paraprofessionals are often the adults who know students best, and many of the best \
teachers in our region started as one. This community supports paraprofessionals in \
their daily work (behavior support, small-group instruction, partnering with a \
classroom teacher) and those working toward a teaching license through their district's \
grow-your-own program.

We meet **the last Tuesday of each month at 4:00 pm Central (3:00 Mountain)**, with a \
peer talk and a case. Sessions are recorded for members who work a second job in the \
evenings.

**Norms:** every role in the room is respected; ask questions freely; de-identify \
students and colleagues.
""",
        "facilitators": ["gloria.estrada@example.org", "dolores.montoya@example.org"],
        "members": [
            "tanya.mitchell@example.org",
            "hector.ybarra@example.net",
            "leah.friesen@example.org",
            "jun.takahashi@example.org",
            "kyle.jorgensen@example.net",
        ],
        "left": [],
        "requests": [],
        "invitations": [],
    },
    {
        "name": "Early-Career Principals Cohort",
        "slug": "early-career-principals",
        "tagline": "A private cohort for principals in their first four years, meeting "
        "monthly to work through the real problems of leading a school.",
        "visibility": "private",
        "join_policy": "request",
        "started_days_ago": 180,
        "description": """\
A small, private cohort for principals and assistant principals in their first four \
years in the role, including those who also serve as superintendent, athletic director \
or substitute bus driver.

We meet **the first Thursday of each month at 5:00 pm Central (4:00 Mountain)**. A \
veteran principal or a member shares a short practice (running a first staff meeting, \
building a master schedule, a difficult conversation with a teacher) and one member \
brings a leadership case.

The cohort stays at about twenty people so that everyone presents during the year. \
Facilitators approve requests; please tell us your school and how long you have been in \
the role.

**Norms:** confidentiality about staff and personnel matters is absolute; we bring our \
own dilemmas, not complaints about others; and we follow up on each other's cases the \
next month.
""",
        "facilitators": ["victor.salazar@example.net"],
        "members": [
            "curtis.lange@example.net",
            "sarah.kettleson@example.net",
            "rachel.okonkwo@example.org",
            "anjali.mehta@example.org",
            "luis.carrillo@example.org",
        ],
        "left": [],
        "requests": [
            {
                "email": "erin.blackwood@example.org",
                "message": "I became principal at Two Forks School this summer after ten "
                "years teaching English here. Leading former colleagues is the part I "
                "most want to talk through.",
            },
        ],
        "invitations": [],
    },
    {
        "name": "Hub Staff & Evaluation Team",
        "slug": "hub-team",
        "tagline": "Where hub staff, evaluators and community facilitators plan sessions, "
        "review evaluation results and coordinate the hub.",
        "visibility": "hidden",
        "join_policy": "invitation",
        "started_days_ago": 420,
        "description": """\
The working space for Prairie & Pine's staff, evaluators and community facilitators. We \
use it to coordinate the session calendar across communities, review survey and \
attendance results after each series, and plan changes to how the hub works.

We meet **every other Monday at 10:00 am Central** for forty-five minutes.

- Evaluation results shared here are drafts until the evaluation team releases them.
- Feedback about individual members stays in this team.
""",
        "facilitators": ["hubadmin@example.org", "evaluator@example.org"],
        "members": [
            "admin@example.org",
            "priya.raman@example.org",
            "facilitator@example.org",
            "hank.olufsen@example.net",
            "hannah.vogel@example.org",
        ],
        "left": [],
        "requests": [],
        "invitations": [
            {
                "email": "trish.novak@example.org",
                "note": "Trish, all our facilitators meet here to plan the calendar and look "
                "at evaluation results. We would love your voice in it.",
            },
            {
                "email": "devon.marsh@example.org",
                "note": "Devon, welcome aboard as our research assistant! This is where the "
                "team coordinates; the evaluation threads are the place to start.",
            },
        ],
    },
]

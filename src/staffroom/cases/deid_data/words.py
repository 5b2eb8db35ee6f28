"""Capitalised words that are not people's names, and the vocabulary of places.

``FUNCTION_WORDS`` and ``ROLE_WORDS`` never start or continue a name, whatever cue
comes before them ("called Mom", "her Principal"). ``PROPER_NON_NAMES`` are proper
nouns that are not people (months, days, subjects, programs, states, languages, apps):
they are names only after an explicit cue ("a girl named April") and only if they are
also in the name lists. Written for this project."""

from staffroom.cases.deid_data import split_words

FUNCTION_WORDS = split_words("""
a about above across after afterward afterwards again against all almost along already
also although always am among an and another any anybody anyone anything anyway apparently
are around as at back be because been before behind being below beside besides best
better between beyond both but by can can't cannot certainly clearly could currently
dear definitely despite did do does doing done during each early earlier either else
especially even eventually ever every everybody everyone everything except few finally
first for fortunately from further furthermore generally given had has have having he
hello hence her here hers herself hi him himself his honestly how however i if
importantly in including initially instead interestingly into is it its itself just last
lastly late lately later least less let let's like likely luckily many maybe me meanwhile
might mine more moreover most mostly much must my myself near nearly neither never
nevertheless next no nobody none nor not nothing now obviously of off often oh ok okay
on once one only or other others otherwise our ours ourselves out over overall perhaps
please possibly previously probably quite rather really recently regardless same sadly
second several shall she should since so some somebody someone something sometimes soon
still such sure than thank thanks that the their theirs them themselves then there
therefore these they third this those though through throughout thus to today together
tomorrow tonight too toward towards twice typically under unfortunately unless unlike
until up upon us usually very via was we well were what whatever when whenever where
whereas wherever whether which while who whoever whom whose why with within without
would yes yesterday yet you your yours yourself two three four five six seven eight nine
ten eleven twelve twenty hundred both any ask try use give make keep start stop look see
think consider remember imagine note update background context question questions
concern concerns goal goals summary recommendation recommendations strengths challenges
supports tried data plan plans next steps step what's that's there's it's i'm i've i'd
i'll we're we've they're they've don't doesn't didn't can't won't isn't wasn't aren't
haven't hasn't couldn't wouldn't shouldn't since while although unless whether everyone
everything anything nothing someone something somebody anybody nobody anyone whoever
another other each every either neither this that these those sometimes otherwise almost
according additionally alternatively ultimately basically actually originally
su sus el los las un una unos unas mi mis tu tus que en con por para pero cuando como
es son fue era no si se lo les al ella ellos ellas nosotros usted ustedes este esta
estos estas ese esa eso nuestra nuestro hay muy también ya donde porque aunque desde
hasta sin sobre entre hoy ayer mañana siempre nunca todos todas cada otro otra
""")

ROLE_WORDS = split_words("""
mom mother mama mommy momma mum dad father daddy papa pa ma grandma grandmother grandpa
grandfather granny nana gramps aunt auntie uncle brother sister brothers sisters cousin
cousins parent parents guardian guardians stepmom stepdad stepmother stepfather teacher
teachers principal principals counselor counselors counsellor nurse coach coaches student
students class classes staff superintendent director aide aides para paras
paraprofessional librarian secretary custodian driver drivers worker workers psychologist
administrator administrators admin sheriff deputy officer officers judge pastor
caseworker team everyone kids kid children child boys boy girls girl family families
friends friend peers peer classmates classmate therapist doctor doctors specialist
interventionist coordinator liaison advocate presenter presenters facilitator
facilitators member members mentor mentee colleague colleagues neighbor neighbors
grandparents grandparent son sons daughter daughters baby babies sibling siblings twins
twin toddler teen teens teenager teenagers youth adult adults man men woman women lady
ladies gentleman folks people someone grade grader graders freshman freshmen sophomore
sophomores senior seniors juniors kindergartener kindergarteners
mr mrs ms miss mx dr sr sra srta don dona senor senora senorita prof dean
""")

PROPER_NON_NAMES = split_words("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend weekday
spring summer fall autumn winter semester quarter term week weeks day days month months
year years morning afternoon evening night midnight noon break holiday holidays
thanksgiving christmas easter halloween valentine valentines hanukkah ramadan eid
kwanzaa juneteenth memorial labor veterans independence presidents mlk new
school schools elementary middle high academy district districts county counties state
states board office room rooms chapter unit units lesson lessons page pages period
periods block title section level levels tier tiers program programs center centre club
clubs council department library cafeteria gym gymnasium bus buses recess lunch
homeroom advisory kindergarten preschool prek pre-k honors semester test tests quiz
exam exams assessment assessments screener report card conference meeting meetings
behavior behaviour attendance referral referrals detention suspension expulsion
graduation prom homecoming field trip playground hallway classroom classrooms campus
portable annex auditorium nurse's office's
math maths mathematics science sciences english ela reading writing spelling phonics
history social studies geography civics government economics biology chemistry physics
earth algebra geometry calculus statistics trigonometry precalculus art arts music band
choir orchestra drama theater theatre pe health spanish french german latin chinese
japanese computer coding robotics ag agriculture shop welding auto culinary psychology
sociology journalism yearbook speech debate stem steam literature language languages
science's english's literacy numeracy kindergarten's
iep ieps plan 504 pbis mtss rti sel ell esl el esol eld title mckinney-vento mckinney
vento head start medicaid snap wic cps dcfs dhs fafsa ged sat act map star dibels lexia
iready i-ready ixl khan zoom google meet classroom teams canvas seesaw schoology
classdojo dojo remind powerschool infinite campus skyward chromebook chromebooks ipad
ipads tiktok snapchat instagram facebook youtube discord minecraft fortnite roblox xbox
playstation nintendo switch walmart target costco amazon netflix spotify gmail outlook
microsoft word excel powerpoint slides docs forms kahoot quizlet edpuzzle nearpod
gimkit flipgrid padlet bingo echo project wifi internet hotspot jostens ffa fccla fbla
hosa deca 4-h scouts boy girl cub brownies ymca ywca boys girls gear up trio upward
bound americorps job corps tanf ssi ssdi chip tricare va hud section
god lord jesus christ bible church churches catholic baptist methodist lutheran
pentecostal presbyterian episcopal mormon lds jewish muslim islam buddhist hindu amish
mennonite hutterite christian christians apostolic adventist
english spanish french german mexican american americans native hispanic latino latina
latinx latine black white asian african european navajo dine lakota dakota nakota
cherokee choctaw chickasaw creek muscogee seminole ojibwe chippewa anishinaabe apache
hopi zuni pueblo yupik yup'ik inupiat tlingit crow blackfeet cheyenne arapaho comanche
kiowa osage oneida mohawk seneca iroquois haudenosaunee shoshone paiute ute salish
kootenai menominee ho-chunk potawatomi lumbee tohono o'odham yakama lummi hmong somali
vietnamese korean arabic haitian creole guatemalan honduran salvadoran filipino tagalog
ukrainian russian mam k'iche quiche mixtec zapotec nahuatl marshallese chuukese
karen burmese nepali swahili dari pashto farsi urdu punjabi hindi bengali portuguese
polish italian irish scottish canadian indian indigenous tribal
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire
jersey mexico york carolina north south ohio oklahoma oregon pennsylvania rhode island
tennessee texas utah vermont virginia washington west wisconsin wyoming dc
usa us america canada guatemala honduras salvador haiti somalia vietnam philippines
ukraine russia puerto rico cuba dominican republic venezuela colombia peru ecuador
brazil afghanistan syria iraq iran congo sudan ethiopia eritrea nigeria ghana kenya
burma myanmar nepal bhutan laos thailand cambodia korea japan china india pakistan
bangladesh germany france italy poland ireland england britain europe africa asia
chicago denver omaha phoenix houston dallas atlanta seattle portland minneapolis
albuquerque angeles los new york miami boston detroit memphis nashville louisville
lexington tulsa kansas st louis des moines billings boise spokane fargo sioux falls
rapid city lincoln wichita anchorage tucson paso antonio austin san diego francisco
sacramento fresno las vegas reno salt lake charlotte raleigh richmond baltimore
philadelphia pittsburgh cleveland columbus cincinnati indianapolis milwaukee madison
orlando tampa jacksonville birmingham jackson oklahoma okc knoxville chattanooga
charleston columbia savannah
north south east west northern southern eastern western central midwest rural urban
suburban downtown uptown county's upstate downstate reservation reservations rez
success support services information handbook body ambassador ambassadors leader leaders
leadership voice athlete athletes week's council's
""")

# Words that end the name of a school, longest first; a run of capitalised words before
# one of them is a school's name ("Cedar Bluff Elementary", "Harlan County High School").
SCHOOL_SUFFIXES = [
    "Unified School District",
    "Independent School District",
    "Consolidated School District",
    "Consolidated Schools",
    "Consolidated School",
    "Public School District",
    "School District",
    "Public Schools",
    "Public School",
    "Elementary School",
    "Middle School",
    "Junior High School",
    "Junior High",
    "Jr. High School",
    "Jr. High",
    "Senior High School",
    "Senior High",
    "High School",
    "Primary School",
    "Intermediate School",
    "Charter School",
    "Christian Academy",
    "Christian School",
    "Catholic School",
    "Day School",
    "Community School",
    "Community College",
    "Technical College",
    "Career Center",
    "Learning Center",
    "Head Start",
    "Preparatory Academy",
    "Elementary",
    "Academy",
    "Primary",
    "Intermediate",
    "Schools",
    "School",
    "ISD",
    "USD",
    "CUSD",
]

# Capitalised words that say nothing about which school it is: "Central High School",
# "the County High School" and "Our Middle School" are not flagged.
GENERIC_SCHOOL_WORDS = split_words("""
elementary middle high junior senior jr sr public charter rural community regional
alternative county catholic christian online virtual summer night local area
consolidated union central north south east west northern southern eastern western
primary intermediate upper lower new our the district state technical career
vocational preparatory prep early childhood learning center head start day boarding
tribal bureau bie magnet montessori academy school schools my his her their this that
your a an at in from to for of and every each same other another nearby neighboring
private parochial lutheran baptist methodist adventist bilingual immersion small big
tiny little k-8 k-12 pre-k grade middle-school high-school remote home homeschool
sunday bible vacation driving nursing medical law graduate math science stem steam arts
art music spanish english french language immersion reading college technology
agriculture ag special education therapeutic behavior behavioral residential juvenile
detention hospital treatment recovery
""")

# Words that end the name of a town or a natural place: "Dry Creek", "Pine Hollow".
PLACE_SUFFIXES = split_words("""
creek hollow holler springs spring falls ridge valley flats gap junction crossing mills
mill bluff bluffs fork forks bend lake lakes grove prairie hills station corners heights
landing harbor canyon mesa butte wells rapids meadows plains pass ferry crossroads
village township city ranch rancheria pueblo point
""")

# Single words shaped like small towns' names: "Millersville", "Harrisburg".
PLACE_ENDINGS = ("ville", "burg", "borough", "boro", "berg")

# Area words after a name: "Harlan County", "Cameron Parish".
AREA_WORDS = {
    "County": "county",
    "Parish": "county",
    "Borough": "county",
    "Township": "town",
    "Reservation": "town",
    "Rancheria": "town",
    "Pueblo": "town",
    "Chapter House": "town",
}

# Words a place name may start with or contain besides its own words.
PLACE_WORDS = split_words("""
lake mount mt fort ft saint st port new north south east west upper lower little big old
san santa los las el la de del
""")

US_STATES = [
    *split_words("""
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
"""),
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
]

US_STATE_CODES = split_words("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
""")

# Well-known people, characters, books and programs that are not the student or the
# family: never flagged as names (matched with their capitals, as written here).
NOT_PERSONS = [
    "Wilson Reading",
    "Orton-Gillingham",
    "Fountas and Pinnell",
    "Fountas & Pinnell",
    "Sanford Harmony",
    "Love and Logic",
    "Boys Town",
    "Big Brothers Big Sisters",
    "Charlotte's Web",
    "Harry Potter",
    "Percy Jackson",
    "Junie B. Jones",
    "Dr. Seuss",
    "Pete the Cat",
    "Amelia Bedelia",
    "Captain Underpants",
    "Dog Man",
    "Greg Heffley",
    "Tom Sawyer",
    "Huck Finn",
    "Huckleberry Finn",
    "Romeo and Juliet",
    "Atticus Finch",
    "Magic School Bus",
    "Ms. Frizzle",
    "Mr. Rogers",
    "Santa Claus",
    "Jesus Christ",
    "Martin Luther King",
    "Abraham Lincoln",
    "George Washington",
    "Thomas Jefferson",
    "Rosa Parks",
    "Harriet Tubman",
    "Ruby Bridges",
    "Anne Frank",
    "Helen Keller",
    "Mark Twain",
    "Lewis and Clark",
    "Johnny Appleseed",
    "Paul Bunyan",
    "Sacagawea",
    "Pocahontas",
    "Sitting Bull",
    "Crazy Horse",
    "Cesar Chavez",
    "César Chávez",
    "Dolores Huerta",
    "Frida Kahlo",
    "Benito Juárez",
    "Maya Angelou",
    "Langston Hughes",
    "Jackie Robinson",
    "Roberto Clemente",
    "Taylor Swift",
    "Bad Bunny",
    "Selena Gomez",
    "LeBron James",
    "Patrick Mahomes",
    "Dolly Parton",
    "Morgan Wallen",
    "Ross Greene",
    "Bruce Perry",
    "Brené Brown",
    "Zaretta Hammond",
    "Carol Dweck",
    "Maslow",
]

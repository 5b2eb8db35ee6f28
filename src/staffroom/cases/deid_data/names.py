"""Common first names and surnames of many origins, for the name detector.

Written for this project from general knowledge of names common in the United States:
English and Appalachian, Hispanic, African American, Native American (Navajo, Lakota,
Cherokee, Pueblo and others), East, Southeast and South Asian, Hmong, Arabic and Somali,
Pacific Islander, Haitian, Eastern and Western European, Amish and Mennonite. Spelling
variants with and without accents are the same entry (the detector compares accent-free,
case-folded forms). Names that are also everyday words ("April", "Will", "Hope",
"Brown") are listed apart, in ``AMBIGUOUS_*``: they count as names only with more
evidence (a title, a cue such as "named", a surname after them)."""

from staffroom.cases.deid_data import split_words

FIRST_NAMES = split_words("""
aaron abel abigail abraham ada adam addison adeline adrian adriana agnes ahmed aiden aileen
alan albert alberto alejandra alejandro alex alexa alexander alexandra alexis alfred alfredo
ali alice alicia alina alisha allen allison alma alondra alyssa amanda amber amelia amir
amos amy ana anastasia andre andrea andres andrew andy angela angelica angelina anita ann
anna annabelle anne annette annie anthony antonio april archer ariana ariel arlene armando
arnold arthur arturo asher ashley aubrey audrey aurora austin autumn ava avery axel bailey
barbara barry beatrice beau becky belinda bella ben benjamin bennett bernard bernice beth
bethany betty beverly bianca billie billy blake bobbie bobby bonnie brad bradley brady
braden brandon brandy braxton brayden brenda brendan brent brett brian briana brianna
bridget britney brittany brody brooke brooklyn bruce bryan bryant bryce bryson caden caleb
callie calvin camden cameron camila candace carl carla carlos carmen carol caroline
carolyn carrie carson casey cassandra cassidy catherine cecil cecilia cedric celeste
celia chad charlene charles charlie charlotte chelsea cheryl chester cheyenne chloe chris
christina christine christopher cindy claire clara clarence claude claudia clayton clifford
clint clinton clyde cody colby cole colin colleen colton connie connor conor cora corey
cory courtney craig crystal curtis cynthia daisy dakota dale dallas dalton damian damon
dana daniel daniela danielle danny daphne darla darlene darrell darren daryl dave david
dawson dean deanna debbie deborah debra declan delia delilah denise dennis derek derrick
desiree devin devon dexter diana diane dillon dolores dominic donald donna donnie doris
dorothy douglas duane dustin dwight dylan easton eddie edgar edith edna eduardo edward
edwin eileen elaine eleanor elena eli eliana elias elijah elisa elise eliza elizabeth ella
ellen ellie elmer eloise elsie emerson emery emilia emily emma emmett eric erica erik erin
ernest esther ethan ethel eugene eunice eva evan evelyn everett everly ezra felicia felix
fernando finley finn fiona florence floyd frances francis franklin fred freddie frederick
gabriel gabriela gabriella gage garrett gary gavin gayle george georgia gerald geraldine
gilbert gina gladys glenda glenn gloria gordon grady graham grant grayson greg gregory
gretchen gwen gwendolyn hailey haley hank hannah harley harold harper harriet harrison
harry harvey hattie hayden haylee hayley heidi helen henry herbert herman holden howard
hudson hugh ian ida irene isaac isabel isabella isaiah isla ivan jace jack jackie jackson
jacob jacqueline jada jake james jamie jan jane janet janice jared jasmine jason jasper
javier jaxon jaxson jay jayden jean jeanette jeff jeffery jeffrey jenna jennifer jenny
jeremiah jeremy jerome jerry jesse jessica jessie jill jillian jim jimmy jo joan joann
joanna joanne jocelyn jodi jody joe joel joey john johnny jon jonah jonathan jordan jordyn
jose joseph josephine josh joshua josiah josie joy joyce juan judith judy julia julian
julie juliet julius justin kaden kaitlyn kara karen kari karl kasey kate katelyn katherine
kathleen kathryn kathy katie katrina kay kayden kayla kaylee keith kelly kelsey ken kendall
kendra kenneth kenny kent kerry kevin kim kimberly kinsley kirk kristen kristin kristina
kristy kyle kylie lacey lana lance landon lane larry laura lauren laurie lawrence lawson
layla leah lee leo leon leonard leroy leslie lester levi lewis liam lila lillian lilly
lincoln linda lindsay lindsey lisa lloyd logan lois lola lonnie lorena loretta lori
lorraine louis louise lucas lucille lucy luis luke luther lydia lyle lynn mabel mackenzie
macy maddie madeline madelyn madison mae maggie makayla malcolm mallory mandy marcia marco
marcus margaret margie maria marian marie marilyn marion marissa marjorie marla marlene
marsha marshall martha martin marvin mary mason matthew mattie maureen maurice max maxine
maya megan melanie melinda melissa melody melvin meredith mia micah michael michelle mike
mildred miles milo milton mindy minnie miranda missy mitchell molly monica morgan myrtle
nadine nancy naomi natalie natasha nathan nathaniel neil nellie nelson nicholas nichole
nick nicole nina noah noel nolan nora norma norman olivia opal oscar otis owen paige
pamela parker patricia patrick paul paula pauline payton peggy penelope perry peter peyton
philip phillip phyllis piper preston priscilla quinn rachel ralph ramona randall randy
raymond reagan rebecca reese regina reginald renee rhett rhonda ricardo richard rick ricky
riley rita robert roberta roberto robin rodney roger roland ronald ronnie rosa rosalie
rose rosemary ross roxanne roy ruby russell ruth ryan ryder ryker sabrina sadie sally sam
samantha samuel sandra sara sarah savannah sawyer scarlett scott sean selena seth shane
shannon sharon shawn shawna sheila shelby shelly sherry shirley sidney silas skylar sofia
sonia sophia sophie spencer stacey stacy stanley stella stephanie stephen steve steven
stuart susan suzanne sydney sylvia tabitha tamara tammy tanner tara tate taylor ted teresa
terrance terri terry tessa thelma theodore theresa thomas tiffany timothy tina toby todd
tom tommy toni tony tonya tracy travis trent trevor tricia trinity tristan troy tucker
tyler tyson valerie vanessa vaughn vera vernon veronica vicki vickie victor victoria vince
vincent violet virgil virginia vivian wade walker wallace walter wanda warren wayne wendy
wesley weston whitney wilbur willard william willie willow wilma winston wyatt yvonne zach
zachary zane zoe zoey
bentley brantley brynlee colt dawson emberly everleigh gunner hendrix jensen kasen kinley
knox kolton korbin lainey maddox maverick oaklynn paisley paxton raelynn remington stetson
waylon zander zayden zayn kingston kyler lennox bodhi beckett cason huxley jett nash niko
rowan ryland tatum thiago titus aspen brielle gianna alaina arianna athena brynn eden
eliana genesis jade juniper kehlani kenna lyla magnolia marley miley nova oakley raelyn
remi rylee sage sloane stevie sutton teagan waverly zara ayla aubree adalyn jaelyn ashlyn
jazlyn braelyn mckenna mckinley khloe kylee kamila bobby-ray billie-jo mary-beth
jose juan luis carlos jesus miguel angel antonio francisco alejandro manuel pedro jorge
ricardo fernando roberto eduardo javier raul sergio andres diego mateo santiago sebastian
emiliano leonardo matias nicolas joaquin rafael alberto arturo armando enrique ernesto
esteban felipe gerardo guillermo hector hugo ignacio jaime julio lorenzo marcos mario
mauricio octavio omar pablo ramon rodrigo ruben salvador saul tomas adrian alonso bruno
cristian damian emilio fabian gael iker ivan jonas leandro maximiliano osvaldo reynaldo
rogelio teodoro ulises valentin xavier yahir alfonso alvaro aurelio benito camilo cesar
efrain eliseo elias ezequiel fidel gilberto gonzalo gustavo heriberto horacio humberto
isidro jacinto jairo leonel lupe marcelo moises nestor pascual porfirio ramiro refugio
rigoberto rolando silvestre tadeo tito uriel vicente wilfredo yair pancho chuy memo nacho
beto paco quique tono lalo chava chema nando juanito pepe
guadalupe juana margarita josefina veronica leticia francisca alejandra adriana luisa
lucia valentina ximena renata mariana fernanda paola dolores esperanza consuelo graciela
yolanda marisol araceli beatriz blanca carolina catalina elisa esmeralda estela
evangelina fabiola griselda irma itzel jimena karina liliana lourdes luz maricela
mercedes mireya natalia nayeli ofelia pilar raquel rocio rosario silvia socorro susana
yesenia zulema anahi aracely azucena brisa citlali dulce elvira estrella flor isela jazmin
karla lizbeth maribel marisela nohemi perla reyna rubi viridiana xochitl yadira yaretzi
abril ariadna juanita lupita chela conchita maite ines aitana marisa mayra yessenia
aiyana aponi ayasha chayton chenoa dyami elan enola hakan halona helaku hiawatha istas kai
kaya kiona kohana koda lakota leotie maka mahkah nita nodin onawa sakari shilah sequoia
tadi tahoma taima takoda tallulah tayanita winona wapi yuma ahanu akecheta ayita catori
chaska elsu etu hania kele lomasi mika nahimana namid orenda sahkyo tala tokala waya
wyanet yazhi ahiga niyol doli sani nizhoni hosteen kodi
aaliyah ayanna imani jamila kiara keisha lakeisha latoya latasha shaniqua shanice tamika
tanisha tasha ebony aisha nia zuri deja dejah kiana janiyah jayla amari mya nevaeh aniyah
ashanti tiana tierra shayla kyra keyana tyesha monique latrice lashonda shameka sharonda
kenyatta dominique deshawn dashawn jamal jamar jamari jaquan jalen jaylen jaylon jamarion
jermaine darnell darius deandre demarcus devonte dante donte kareem keshawn khalil kwame
lamar lamont malik marquis marquise rashad rasheed terrell tremaine trevon tyrell tyrone
tyquan zaire zion cornell dwayne jabari jaleel javon kendrick kenyon marcel shamar taj
kobe kylan kiyah jaliyah makai malachi amaya laniyah tyreek demetrius shaquille lashawn
keyshawn davion trayvon dajuan
wei mei lin ling jing jin yan hui xin xiao hao jun ming jia jie zhi qing yun lei bo tao
fang hong lian xiu yong zhen min-jun seo-jun ji-ho ha-eun seo-yeon ji-woo soo-ah hyun jae
sung eun hye ji-hoon jun-seo minji jiwoo seojun jiho hyejin jisoo yuna minho haruto sota
yuto hiroshi kenji takeshi akira yuki sakura hana aiko yui rin mio kaito ren riku haruki
daiki emi keiko kenta sora hiro anh bao binh duc dung hieu hoa hung huong khanh khoa lan
linh minh ngoc nhi phuong quang quynh thanh thao thu trang trinh tuan tuyet vy vinh hanh
tou kou chue pao xee yer nou chong fue neng pheng shoua txia kia mai yia youa teng nhia
zoua nkauj gaoly maiyer pachia
aarav aditya arjun ananya anika aditi amit anil arun deepak divya gaurav harpreet ishaan
jaspreet kavya krishna lakshmi manpreet meera neha nikhil pooja priya rahul raj rajesh
ravi riya rohan sanjay sapna shreya simran sunita tanvi varun vikram vivek gurpreet
navdeep sandeep rakesh suresh ramesh anjali deepa kiran arnav advik saanvi diya
mohammed muhammad mohamed mohammad ahmad yusuf yousef ibrahim hassan hussein khalid
mustafa tariq karim samir bilal hamza zayd zaid fatima ayesha khadija maryam mariam zainab
leila noor nour amira yasmin yasmine salma huda rania samira abdi abdullahi abdirahman
hodan hibaq ifrah ayaan amina fadumo hawa asha nasra mahad liban guled hamdi sagal
keanu leilani kalani malia makana noelani kainoa ikaika keoni moana sione tevita mele
losa salote viliami lani pua kekoa
aleksandr dmitri dmitry mikhail nikolai sergei sergey vladimir yuri anastasia katya olga
svetlana tatiana irina oksana yulia bogdan taras oleksandr andriy mykola danylo sofiya
widline wisler kervens mackenson guerline nadege ketly jean-baptiste jean-pierre
marie-claire fritz ludovic roseline
jaden jadon jaiden giovanni gianni dominick damien darian davian deacon desmond dorian
draven elliot elliott emanuel emmanuel enzo griffin harlan hayes jagger jameson jamison
jase jayce jaylin jaxton jedidiah johnathan jonathon jordy josue jude kade kaleb kamden
kameron kane keegan keaton kellan kian killian kolby kristopher kyson lachlan landen
landyn layton leland lukas marlon mathew matteo maximus messiah mikah misael nasir
nehemiah nikolas omari orlando quentin quincy reece rey reyansh romeo ronan rory royce
rudy salvatore santino semaj stephon sullivan talon thaddeus tobias trace trenton trey
tripp ty tyrese valentino zavier zeke ulysses rylan colter dax kash kooper nixon ozzy
boone briggs bridger hollis ledger
abby adalynn addyson adelyn adrianna ainsley alana alayna aleah alessandra alivia aliyah
allie alyson amani amara amiyah anaya angie aniya annabella annalise annika ari arielle
ashlynn aurelia averie aylin azalea bailee baylee blakely braelynn breanna bristol
brooklynn cadence caitlin camille cara carly cassie charlee charli chaya cheyanne
christiana clarissa dahlia dalilah daniella danna delaney demi edith elaina elianna
elisabeth elle ellianna elliana ember emely emersyn emmalyn emmy erika esme estelle
evangeline evelynn felicity gemma genevieve giselle gracie greta hadley hallie harlow
helena izabella jaycee jayleen jazmine jolene jolie journee julianna juliana julissa kaia
kairi kali kamryn kassidy katalina kaylani kaylin keira kenia kenley kennedi kensley
kimber kira kyla laila laney larissa lea leia leighton lennon lexie liana lilian
lilianna lilith lillie lina livia londyn lorelai luciana luna lyric macie madalyn madilyn
madisyn maeve maia makenna makenzie malaya maliyah mara maren margot mariah marina
marlee martina matilda melany mikayla mila milan milani mollie nadia nalani nayla noelle
noemi norah novalee oaklee octavia paislee paloma phoebe presley raegan raina raven rayna
rebekah rhea rosalyn rosalind ryann saige samara saniyah sariah sarai sasha saylor selah
serena shiloh siena sienna sierra skyla sloan talia tenley thea tinley tori valeria vienna
viviana wren yareli zahra zaria zariah zelda zendaya zoie kennedy
ada alta bertha bessie cleo dixie dottie effie etta fay flossie goldie ida inez iva lela
lettie lula mamie maude nell nola ola ora reba retha rosetta tressie verna viola willa
bubba buck cletus dewey ernie gus hoyt jeb jethro merle vern wiley
aldo amado anselmo baltazar bernardo brayan cristobal dario delfino elvis erick eusebio
faustino fermin florencio genaro hilario irving jacobo jeronimo jovanny juventino leobardo
lucio luciano macario marcial maximino nazario noe norberto oswaldo rene rosendo rutilio
santino severo teofilo trinidad wilber yael yandel yordi belen dayana evelin heidy
jaqueline johana lizeth nahomi nathaly roxana sayuri tania yamileth yaritza yesica yuliana
d'andre d'angelo d'asia ja'nya ja'marcus de'shawn la'tasha kevin brayden krystal brandi
brandie kristal kaylynn jaylynn
aiyanna dezba aklaq nanuq kimi ayiana yepa
menno elam reuben mose enos lydia fannie ezekiel gideon isaiah jeremiah judah moses
solomon zechariah malachi priscilla
""")

AMBIGUOUS_FIRST_NAMES = split_words("""
april may june august will bill mark pat sue ray rob rich guy art don gene frank earl dean
drew hope faith joy grace chase chance hunter summer winter spring christian justice honor
major king prince royal legend sterling sky skye river rain storm stone brooks cash ace
precious unique miracle heaven harmony patience mercy charity haven journey reign saint
sonny buddy rusty sandy junior bud bo kenya india asia china paris israel destiny rose
lily iris hazel olive pearl holly heather misty candy penny angel glen reed robin max
cliff heath forrest woody dawn ivy amber jade crystal ruby violet daisy sage willow
""")

SURNAMES = split_words("""
smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson thomas moore jackson martin lee perez thompson harris sanchez
clark ramirez lewis robinson allen wright scott torres nguyen flores adams nelson rivera
campbell mitchell carter roberts gomez phillips evans diaz parker cruz edwards collins
reyes stewart morris morales murphy rogers gutierrez ortiz morgan cooper peterson bailey
kelly howard ramos kim cox ward richardson watson chavez james bennett mendoza ruiz hughes
alvarez castillo sanders patel myers ross foster jimenez powell jenkins perry russell
sullivan coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan
patterson alexander hamilton graham reynolds griffin wallace moreno cole hayes bryant
herrera gibson ellis tran medina aguilar stevens murray castro marshall owens harrison
fernandez mcdonald washington kennedy vargas henry chen freeman webb tucker guzman burns
crawford olson simpson porter gordon mendez silva shaw snyder mason dixon munoz hunt hicks
holmes palmer wagner robertson boyd salazar warren meyer schmidt garza daniels ferguson
nichols stephens soto weaver ryan gardner payne dunn kelley spencer hawkins arnold pierce
vazquez hansen peters santos bradley elliott cunningham duncan armstrong hudson carroll
riley andrews alvarado delgado perkins hoffman johnston matthews pena richards contreras
willis lawrence sandoval guerrero george chapman rios estrada ortega watkins greene nunez
wheeler valdez harper burke larson santiago maldonado morrison franklin carlson austin
dominguez carr lawson jacobs obrien o'brien lynch singh vega montgomery oliver jensen
harvey williamson gilbert sims espinoza howell wong reid hanson mccoy garrett burton
fuller wang weber welch rojas lucas marquez padilla walsh bowman schultz luna fowler mejia
davidson acosta brewer holland juarez newman pearson curtis cortez douglas schneider
joseph barrett navarro figueroa keller avila wade molina stanley hopkins campos barnett
bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier powers neal
leonard gregory carrillo sutton fleming rhodes shelton schwartz norris jennings watts
duran walters cohen mcdaniel moran parks steele vaughn becker holt deleon barker terry
hale leon benson haynes horton lyons pham graves thornton wolfe warner cabrera mckinney
mann zimmerman dawson lara fletcher mccarthy robles cervantes solis erickson reeves chang
klein salinas fuentes baldwin simon velasquez hardy higgins aguirre lin cummings chandler
barber bowen ochoa dennis robbins liu ramsey francis griffith blair oconnor o'connor
cardenas pacheco quinn moss swanson chan rivas khan rodgers serrano fitzgerald rosales
stevenson christensen manning gill curry mclaughlin harmon mcgee doyle garner newton
burgess reese walton blake trujillo adkins brady goodman roman webster goodwin fischer
huang potter delacruz montoya todd wu hines mullins castaneda malone cannon tate mack
sherman hubbard hodges zhang guerra valencia saunders franco rowe gallagher farmer hammond
hampton townsend ingram gallegos clarke barton schroeder maxwell logan camacho strickland
colon parsons harrington glover osborne buchanan casey floyd patton ibarra tyler suarez
bowers orozco salas cobb gibbs andrade bauer conner moody escobar mcguire lloyd mueller
hartman kramer mcbride lindsey velazquez norton mccormick flynn yates hogan macias
villanueva zamora pratt stokes owen ballard lang brock villarreal charles drake barrera
cain patrick pineda burnett mercado santana shepherd bautista shaffer trevino mckenzie
hess yoder stoltzfus hershberger beiler zook lapp esh kauffman troyer schrock hochstetler
mast bontrager swartzentruber gingerich byler detweiler hostetler eicher
caudill combs slone sizemore hatfield stidham napier hensley begley couch fugate bowling
blevins sexton maggard pennington wooten gilliam hoskins noe shepard fields
hoang huynh phan vu vo dang bui duong ly truong dinh lam luong cao trinh choi jung jeong
kang cho yoon jang lim han shin seo kwon hwang ahn yoo ko bae baek nam li zhao zhou xu sun
zhu hu guo lin luo zheng liang xie tang deng feng peng zeng xiao tian dong pan yuan cai
jiang yu du cheng wei su lu ding ren shen yao cui zhong fan jin chan cheung lau ng ho chow
tsang leung yip kwan tanaka suzuki takahashi watanabe ito yamamoto nakamura kobayashi kato
yoshida yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe
ikeda hashimoto ishikawa ogawa okada sato shah kumar sharma gupta reddy rao mehta desai
joshi iyer nair chopra kapoor malhotra verma mishra agarwal bhatt pillai menon chaudhary
sandhu dhillon grewal sidhu ahmed hussain rahman chowdhury islam mohamed mohammed abdullah
hassan ali vang xiong lor thao moua vue hang kue khang cha yang
ocampo aquino domingo manalo soriano dizon tan sy dela
begay yazzie benally tsosie nez tso chee tsinajinnie etsitty manygoats attakai bitsui
yellowhair whitehorse redcloud blackbear littlewolf runningwater twobulls youngblood
whiteeagle lonehill goodblanket harjo locklear oxendine chavis lowery brayboy cornsilk
sixkiller tahe tohee keahbone lente naranjo tafoya toya pino lucero nakai tsinnie
yellowman silversmith whitehat spottedhorse lonewolf eagleheart horsechief standingbear
bearshield tsinnijinnie bigman blackhorse redhouse sandoval chino lujan romero yepa
pierre baptiste toussaint etienne desir dorvil mondesir saintil jean-louis dorsey mosley
gaines tillman holloway pettiford booker
abbott acevedo albright alford allison alston atkins atkinson banda barajas barnhart barr
barrios bartlett beasley benavides benton bernal bernard blackwell blanchard bolton booth
bowden boyer bradford bradshaw brandt brennan bridges briggs britt broussard buckner
bullock burch burnham burris burt bustamante cabral calhoun callahan cantrell cantu
cardona carey carlisle carney carrasco carson carver castellanos cavazos chaney childers
childress clayton clements cline coffey collier compton conley conrad cope corbin cordova
cornelius correa costello covington cowan crosby cuevas cummins dalton daugherty
davenport decker dejesus delarosa dickerson dickson dillard dillon dodson donaldson
dotson dougherty dudley duke dunlap durham dyer eaton eckert erwin escobedo espinosa
estes everett farley faulkner felix ferrell finch finley forbes frederick frey friedman
frye fulton galindo gamble garrison gates gentry godfrey gomes gould grady granados greer
grimes guthrie haas hahn hancock hanna hardin harding harrell hartley hatcher hays hebert
henson herrington hester hickman hinton hobbs hodge holder holley holman hooper hopper
horne howe huber huff huffman hull humphrey hurley hurst hutchinson irwin jarvis joyner
kaufman kemp kerr kidd kinney kirby kirk kline knapp knowles krueger landry leach levy
livingston lockhart lott lovell lyon madden magana mahoney maynard mayo mays mccall
mccann mcclain mcclure mcconnell mccullough mcdowell mcfarland mcgowan mcintosh mcintyre
mckay mclean mcmillan mcneil mcpherson medrano melton mercer merritt middleton millard
mims monroe montes morrow morse munson murillo navarrete nava neely odom olivares oneal
osborn padgett pate peck perdue pickett pittman pollard poole potts pruitt pryor puckett
quintero randall randolph rangel rasmussen ratliff rayburn redmond reilly rhoades
richmond riggs roach robledo rocha rollins rosario roth rowland salgado sampson sanford
schaefer sellers sheppard shields simms sinclair skinner slater sosa spears stafford
stallings stark stein stephenson stuart summers tanner tapia thomason thorne thurman
tipton tobin tovar trejo underwood upton valle vaughan velez vick villalobos vincent walls
ware whitaker whitfield whitley wiggins wilcox wilder wiley wilkerson wilkins wilkinson
witt womack woodard woodward workman wyatt york zuniga
kowalski nowak wisniewski novak horvat petrov ivanov smirnov popov kovalenko shevchenko
bondarenko melnyk kuznetsov sokolov volkov muller schmitt hoffmann koch richter neumann
braun zimmermann kruger hartmann lange werner krause meier olsen larsen nielsen andersen
johansson lindqvist lund nilsson eriksson rossi russo ferrari esposito bianchi romano
colombo ricci marino greco gallo conti deluca costa giordano mancini rizzo lombardi moretti
barbieri fontana santoro caruso leone gentile martinelli vitale lombardo coppola desantis
marchetti parisi ferraro amato caputo ruggiero sorrentino damico d'amico orlando
oneill o'neill byrne osullivan o'sullivan doherty connolly daly dunne brennan farrell
maguire nolan callaghan odonnell o'donnell duffy mahony boyle healy shea sweeney
kavanagh mcgrath fitzpatrick leary mcmahon donnelly regan donovan flanagan barry kane
kenny sheehan whelan cullen keane maher mckenna keeffe magee mcnamara mcdermott moloney
rourke buckley dwyer macdonald macleod thomson paterson fraser mackay mackintosh
macpherson munro sutherland
""")

AMBIGUOUS_SURNAMES = split_words("""
brown white green black gray grey young king long wood woods hill stone price rice bell
ford cook baker carpenter walker turner hunter cooper parker hall rose lane banks rivers
little small strong sharp gross day knight marsh church snow frost wolf fox bird swan
lamb love page may mills wells west waters sparks pope french cross wise grant hart berry
ball tiger bear crow iron cloud deer moon song bush miles foster noble chase park tan
major person hope joy rich guy mark will bill dean reed glen ray farmer barber hunt combs
couch bowling gill mast lang hardy
""")

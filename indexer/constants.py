"""Word lists the rules read, kept as data in one place (as textacy keeps REPORTING_VERBS).

Every list is lower case; the rules lower-case a word before looking it up.
"""

# Verbs that introduce or close a direct quotation ("...," Roth said / said Roth / Roth said: "...").
SPEECH_VERBS = frozenset("""
say says said saying add adds added adding tell tells told telling ask asks asked asking
explain explains explained explaining continue continues continued continuing
recall recalls recalled recalling write writes wrote writing tweet tweets tweeted tweeting
post posts posted note notes noted noting insist insists insisted argue argues argued arguing
claim claims claimed claiming warn warns warned warning declare declares declared
state states stated announce announces announced reply replies replied respond responds responded
answer answers answered acknowledge acknowledges acknowledged admit admits admitted
conclude concludes concluded report reports reported read reads recount recounts recounted
remark remarks remarked observe observes observed suggest suggests suggested contend contends contended
maintain maintains maintained predict predicts predicted promise promises promised vow vows vowed
urge urges urged complain complains complained quip quips quipped joke jokes joked shout shouts shouted
scream screamed whisper whispers whispered testify testifies testified stress stresses stressed
emphasise emphasised emphasize emphasizes emphasized confirm confirms confirmed deny denies denied
reiterate reiterates reiterated muse mused boast boasts boasted caution cautions cautioned
counter counters countered concede concedes conceded agree agrees agreed lament laments lamented
exclaim exclaimed thunder thundered chimed interject interjected proclaim proclaims proclaimed
assert asserts asserted allege alleges alleged recalls explained wonder wonders wondered
describe describes described call calls called brand brands branded dismiss dismisses dismissed
reject rejects rejected rejecting label labels labelled labeled term terms termed accuse accuses accused
found quote quotes quoted cite cites cited mock mocks mocked hail hails hailed
praise praises praised blast blasts blasted slam slams slammed criticise criticised criticize criticized
condemn condemns condemned pledge pledges pledged tout touts touted demand demands demanded
bemoan bemoans bemoaned herald heralds heralded indicated mention mentions mentioned ponder ponders pondered
assure assures assured defend defends defended propose proposes proposed thank thanks thanked
retort retorts retorted chide chides chided rebuke rebukes rebuked scold scolds scolded
commented revealed
""".split())
# Their participles ("..., calling it "dangerous""), one place for both lists.
_PARTICIPLES = {
    "calling": "call", "citing": "cite", "describing": "describe", "branding": "brand", "dismissing": "dismiss",
    "labelling": "label", "labeling": "label", "terming": "term", "accusing": "accuse", "quoting": "quote",
    "mocking": "mock", "hailing": "hail", "praising": "praise", "blasting": "blast", "slamming": "slam",
    "criticising": "criticise", "criticizing": "criticize", "condemning": "condemn", "touting": "tout",
    "bemoaning": "bemoan", "heralding": "herald", "pledging": "pledge", "demanding": "demand",
    "promising": "promise", "vowing": "vow", "urging": "urge", "complaining": "complain", "declaring": "declare",
    "announcing": "announce", "stating": "state", "replying": "reply", "responding": "respond",
    "answering": "answer", "acknowledging": "acknowledge", "admitting": "admit", "concluding": "conclude",
    "remarking": "remark", "observing": "observe", "suggesting": "suggest", "contending": "contend",
    "maintaining": "maintain", "predicting": "predict", "stressing": "stress", "confirming": "confirm",
    "denying": "deny", "reiterating": "reiterate", "boasting": "boast", "cautioning": "caution",
    "countering": "counter", "conceding": "concede", "lamenting": "lament", "proclaiming": "proclaim",
    "asserting": "assert", "alleging": "allege", "insisting": "insist", "recounting": "recount",
    "assuring": "assure", "defending": "defend", "proposing": "propose", "thanking": "thank",
    "retorting": "retort", "chiding": "chide", "rebuking": "rebuke", "scolding": "scold",
}
SPEECH_VERBS = SPEECH_VERBS | frozenset(_PARTICIPLES)

# Verbs that only take a partial quotation as their object ("called the report "preposterous"").
# They count for a quote inside the sentence, never for a whole quote standing next to them.
OBJECT_ONLY_VERBS = frozenset("""
describe describes described call calls called brand brands branded dismiss dismisses dismissed
reject rejects rejected rejecting label labels labelled labeled term terms termed
found mock mocks mocked hail hails hailed praise praises praised blast blasts blasted
slam slams slammed criticise criticised criticize criticized condemn condemns condemned tout touts touted
found bemoan bemoans bemoaned herald heralds heralded defend defends defended propose proposes proposed
thank thanks thanked
""".split())
OBJECT_ONLY_VERBS = OBJECT_ONLY_VERBS | frozenset(ing for ing, lemma in _PARTICIPLES.items() if lemma in OBJECT_ONLY_VERBS)

# Verbs that say the one speaking goes on speaking ("The Harbour boss continued:", "the minister added"):
# a description as their subject is whoever spoke just before ("went on" is two words: "on" follows "went").
CONTINUING_VERBS = frozenset("add adds added continue continues continued went".split())

# Verbs that report a retort when "back" follows ("shot back", "hit back").
BACK_VERBS = frozenset("shot shoots fired fires hit hits snapped snaps struck strikes pushed pushes".split())

# Verbs of wanting or asking before 'someone to say': the words are wished for, not yet said
# ("urged Kale to explain why ...", "would like her to say").
WISHING_VERBS = frozenset("""
want wants wanted like likes liked urge urges urged ask asks asked expect expects expected
challenge challenges challenged press presses pressed invite invites invited encourage encourages
encouraged need needs needed dare dares dared
""".split())

# Participles of a passive that reports speech ("is quoted as saying", "was heard saying").
PASSIVE_REPORTING = frozenset("quoted heard reported recorded overheard".split())

# Words of someone speaking of themselves, and of someone else, in a quotation.
FIRST_PERSON_WORDS = frozenset("i i'm i've i'd i'll me my myself mine we we're we've we'd we'll us our ours".split())
THIRD_PERSON_WORDS = frozenset("he he's he'd he'll him his himself she she's she'd she'll her hers herself".split())

# Personal pronouns a speaker can be referred to by, with what they can refer to.
PRONOUNS = {
    "he": "male", "she": "female", "it": "thing", "they": "plural", "we": "plural",
    "i": "self", "him": "male", "her": "female",
}

# Words that head a definite description of an organisation or document ("the group said").
ORGANISATION_NOUNS = frozenset("""
group organisation organization company firm agency ministry department government administration
association committee commission council body watchdog campaign party union office embassy
mission delegation network newspaper paper broadcaster channel station network bank fund
foundation institute centre center charity movement coalition alliance regime court tribunal
board bureau authority federation league army military police force service team club
museum hospital school university college library church zoo prison clinic airline airport council
forum
""".split())
# Organisation nouns for a business, which a story names by its bare name ('Oracle has announced ...
# The company said'); 'the paper' or 'the committee' may mean a body the story never named.
BUSINESS_NOUNS = frozenset("company firm group airline bank carrier retailer".split())
# Bodies the story's setting makes one of ('the government', 'the police', the trial's 'court'): unnamed,
# they stay a description a reader understands. Any other body's noun alone ('the company', 'the party')
# points back to a name the story gave; when no one name fits, who spoke is unknown.
SETTING_BODY_NOUNS = frozenset("government administration regime police army military court council".split())
# Endings of a describing word ('defiant', 'popular', 'embattled', 'outspoken' is left out: -en ends names):
# such a word capitalised before a first name and a surname opens the sentence, not the name.
ADJECTIVE_ENDINGS = ("ant", "ent", "ive", "ous", "ful", "less", "able", "ible", "ed", "ing", "ar")
# Words that make an office another one: 'the prime minister' is no 'aid minister', 'the chancellor' no
# 'shadow chancellor', 'the first minister' no 'minister'.
OFFICE_QUALIFIERS = frozenset("prime first chief deputy shadow vice assistant junior under co acting interim".split())
# A body's nouns that fit any kind of body: 'the group said' may be a union, a firm or a charity.
GENERIC_BODY_NOUNS = frozenset("group organisation organization body".split())
DOCUMENT_NOUNS = frozenset("""
report statement study survey document letter memo release readout filing complaint ruling
resolution communique communiqué transcript article editorial post tweet summary paper video ad advertisement
newsletter
""".split())
# Things a story quotes, whose words are nobody's speech: 'the Bill proposes "control orders"', 'the ID cards
# plan', 'the Terrorism Act says'. A body that wrote one is the speaker, the thing never is.
LEGISLATION_NOUNS = frozenset("bill bills act acts plan plans scheme treaty proposal proposals legislation directive "
                              "amendment".split())

# Capitalised words that make a name an organisation or a place, not a person.
ORGANISATION_WORDS = frozenset("""
watch agency department ministry office party committee commission council association institute
center centre university college school post times news network journal press reuters pentagon
house campaign foundation fund bank group organisation organization union nations court parliament
congress senate police army force forces company corp corporation inc ltd club society service services
board bureau authority federation league alliance coalition movement front tribunal embassy mission
government administration industries airlines channel radio television tv agency telegraph guardian
herald tribune daily weekly magazine review gazette chronicle observer examiner cnn bbc npr abc cbs nbc
fox msnbc ap afp politico breitbart reuters bloomberg dprk kcna un nato eu who imf
korea korean china chinese america american states kingdom republic britain japan russia iran
north south east west united street wall city county state
""".split())

# Letters written after a person's name for a seat or an honour ("Ana Ruiz MP", "Tom Kale QC"): the
# person's role, not part of their name. Compared as written (capitals), so a word is never taken.
POST_NOMINALS = frozenset("MP MEP MSP MLA AM TD QC KC OBE MBE CBE KBE DBE".split())
# Words that end a company's name and name nothing alone ("Harbour Shipping Corp"): every capitalised
# word before them belongs to the company's name, none is a role or a sentence's capital.
COMPANY_SUFFIXES = frozenset("corp corporation inc ltd plc llc co".split())

# Number words, which open a sentence ("Three said ...") but also a body's name ("Four Harbours Corp").
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve hundred thousand".split())

# Titles and honorifics that stand before a name and are not part of it (compared without full stops).
# Titles of a member for a seat, which a story writes after the seat's name ('the Harbour North MP').
SEAT_TITLES = frozenset("mp mep msp mla".split())
TITLE_WORDS = frozenset("""
president vice sen senator rep representative gov governor mayor secretary general gen minister
prime ambassador director executive chairman chairwoman chair chief judge justice dr dr mr mr
mrs mrs ms ms miss prof prof professor sir dame lord lady rev reverend father sgt capt col lt
cmdr adm speaker chancellor attorney commissioner councillor councilman councilwoman pope
sheikh rabbi imam bishop cardinal officer detective inspector constable superintendent deputy
acting former special envoy spokesman spokeswoman spokesperson leader dean coach manager captain
candidate hon honourable honorable gentleman lady member pm
""".split())

# Titles used as a form of address before a surname alone ("Sen. Ruiz", "President Kale").
ADDRESS_TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sen senator rep representative
gov governor president vice mayor judge justice sgt capt col lt gen cmdr adm pope sheikh rabbi imam
bishop archbishop cardinal chancellor premier minister secretary ambassador congressman congresswoman
""".split())

# A peer is named for a title ('Lord Archer', 'Lord Browne'), often not the surname a commoner of the
# same name goes by (speaker_merges pairs a bare name so addressed only with a full name addressed so too).
PEERAGE_TITLES = frozenset("lord lady baron baroness viscount viscountess earl countess".split())
# Forms of address taken by a first name ('Sir Alex', 'Dame Kelly'): before a lone word, no sign of a surname.
FIRST_NAME_TITLES = frozenset("sir dame".split())

# Words a role before a name never holds in lower case: the sentence's own (a question word, a
# negation, 'there', a pronoun). 'included what Mr Kale' has no role but his title; 'US envoy' has one.
NOT_ROLE_WORDS = frozenset("what who whom whose which where when why how not there he she it they we i you him her them us".split())
# Words that join a role to the sentence before it ('meanwhile', 'after', 'earlier'): never a role's
# first word, however written. Not 'then' or 'last' ('then president', 'last year's winner').
LINKING_WORDS = frozenset("""
after before when while as although though because since if during according later earlier meanwhile
however but and yet also indeed instead yesterday today furthermore moreover besides finally
""".split())

GENDER_OF_HONORIFIC = {
    "mr": "male", "mr.": "male", "sir": "male", "lord": "male", "father": "male", "king": "male",
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
    "dame": "female", "lady": "female", "queen": "female", "baroness": "female",
}
FEMALE_WORDS = frozenset("she her woman women girl mother wife daughter sister grandmother widow actress".split())
MALE_WORDS = frozenset("he his man men boy father husband son brother grandfather widower actor".split())

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col capt lt sgt cmdr adm rev st jr sr inc ltd corp co vs etc
jan feb mar apr jun jul aug sep sept oct nov dec no hon
""".split())

# Labels that open a caption, a photo credit or a teaser for another story.
CAPTION_LABELS = ("image", "pic", "picture", "photo", "photograph", "caption", "credit", "video", "watch")
TEASER_LABELS = ("related", "read more", "see also", "more on this story", "also read", "more")

# Header keys a plain-text document may open with ("Title: ...").
HEADER_KEYS = frozenset("""
title source publisher publication date published place location dateline url link author authors
byline language lang license licence rights kind type collection interviewer interviewee narrator
witness tags keywords summary description id subtitle
""".split())

# Transcript labels that stand for the questioner and for the person answering.
QUESTION_LABELS = frozenset({"q", "question", "questioner", "interviewer", "reporter"})
ANSWER_LABELS = frozenset({"a", "answer"})

# Small words that stay lower case inside a title ("Law and Order") when judging title case.
TITLE_SMALL_WORDS = frozenset("a an the and or but nor of in on at to for by with from as vs".split())

# Clause openers that push the subject of a sentence past a leading phrase ("Responding to X, Y said").
CLAUSE_OPENERS = frozenset("""
after before when while as although though because since if in on at during asked speaking
responding according later earlier meanwhile however but and yet still also then last this indeed instead yesterday today
further furthermore moreover besides overall finally shortly soon moments minutes hours days weeks months years
""".split())

PREPOSITIONS = frozenset("of with from at for to in on by about under over into".split())
DETERMINERS = frozenset("a an the another one this that these those some several many two three".split())

# Days a reporting clause dates its speech by ("the minister on Thursday said"): no part of who spoke.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Words a capitalised run can open with that are never part of a person's name: the capital is
# the sentence's ("Even Rendell", "Celebrating Clinton"), a day's or a party's ("Democrat Ana Ruiz");
# quantifiers and number words open a sentence ('"None of them ...," he added'), they name nobody.
NOT_NAME_WORDS = frozenset("""
even for wait then more most only also just both other another every each any was is are were has had
have will would did does do can could should between under among into through across within
beyond despite from by at on in of to as via per amid when while after before during since until with without about against
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
january february march april may june july august september october november december
what who whom whose which why how where here there this that these those it its his her their our
your my you we they he she i me him us them one nobody somebody someone everyone anyone
none all many few several such neither either no two three four five six seven eight nine ten
democrat democrats republican republicans tory tories labour conservative conservatives liberal liberals
libertarian independent billionaire millionaire veteran icon legend star
past current recent latest next
""".split())
# Words of that list that are also first names ('actor Will Kale'): right before a one-word surname they are
# the name's first word. Not months ('Last June Kale was banned', 'In May Kale said'): those open the sentence.
FIRST_NAME_LOOKALIKES = frozenset("will".split())

# Nationalities not ending in -ish or -ese (those are recognised by their ending).
DEMONYMS = frozenset("""
italian canadian russian syrian indian brazilian egyptian iranian australian norwegian palestinian
jordanian libyan korean european tunisian algerian ukrainian belarusian georgian armenian serbian
croatian bosnian romanian bulgarian hungarian austrian belgian estonian latvian lithuanian mongolian
indonesian malaysian colombian peruvian venezuelan argentinian bolivian nicaraguan haitian jamaican
ethiopian somali sudanese zimbabwean european asian arab irish
american german french dutch greek swiss thai iraqi israeli pakistani saudi kuwaiti afghan welsh scots
mexican african moroccan cuban chilean kenyan nigerian ghanaian tibetan filipino
spaniard briton englishman englishwoman frenchman frenchwoman dutchman irishman scotsman welshman swede czech
""".split())

# Nouns that head a description of a person ("a senior aide", "two officials", "the spokeswoman").
# Words with a person's ending (-er, -or, -ist, -ian, -man, -woman) count without being listed.
PERSON_NOUNS = frozenset("""
spokesman spokeswoman spokesperson spokespeople official officials aide aides adviser advisers advisor
advisors source sources person people man men woman women boy girl child children resident residents
supporter supporters member members voter voters delegate delegates staff staffer staffers expert
experts witness witnesses victim victims relative relatives friend friends colleague colleagues
neighbour neighbor neighbours neighbors critic critics ally allies rival rivals candidate candidates
guard guards nurse nurses doctor doctors student students parent parents mother father sister brother
wife husband son daughter worker workers employee employees police veteran veterans activist activists
protester protesters lawmaker lawmakers legislator legislators chief head boss executive executives
analyst analysts economist economists strategist strategists pollster pollsters insider insiders
participant participants attendee attendees fan fans teen teens teenager teenagers native natives
citizen citizens immigrant immigrants refugee refugees survivor survivors trader traders student
teacher teachers observer observers diplomat diplomats envoy envoys minister ministers senator senators
president presidents resident student agent agents correspondent opponent opponents proponent proponents
respondent respondents constituent constituents patient patients parent client clients assistant
assistants consultant consultants participant immigrant applicant applicants migrant migrants
lieutenant sergeant tenant tenants merchant merchants defendant defendants attendant contestant informant
fly-half scrum-half full-back half-back stand-off centre-back centre-half centre-forward wing-back goalkeeper
midfielder striker defender winger goalkeeper keeper
model models
""".split())
# Words with a person's ending that name no person.
# Nouns of a work or a product, whose name follows them ('the album Exodus', 'its drug Harbourex'): a title, no
# speaker.
WORK_NOUNS = frozenset("album film movie book novel song single track play show series programme program game "
                       "opera musical poem painting product drug brand".split())
# Prepositions whose object is never who speaks ('in England', 'from MPs', 'in Place of Strife'); 'by' (an
# agent), 'for' ('For Ana Ruiz, this is progress') and 'with' ('with Ana Ruiz claiming') may introduce one.
NOT_SPEAKING_PREPOSITIONS = frozenset("in at on into under over from of about to".split())
# A publisher's or a broadcaster's noun, written after its name ('Reuters news agency', 'the Harbour Times
# newspaper'): the body speaks by its name.
MEDIA_NOUNS = frozenset("agency newspaper paper magazine channel broadcaster network station website".split())
# Person nouns for a group, which describe speakers without a determiner ('police said', 'staff say');
# any other singular needs one ('a member said', not 'member said').
GROUP_NOUNS = frozenset("police staff people men women children spokespeople".split())
NOT_PERSON_WORDS = frozenset("""
later after never ever other another over under either neither rather whether together however order
number paper letter matter water corner border power center centre error major minor floor door color
colour labor labour favor favour honor honour factor sector mirror terror monitor quarter chapter
register member's answer human german roman list cancer summer winter weather computer character manner dinner offer
longer bigger smaller higher lower greater better faster stronger weaker wider larger fewer older younger newer
further farther deeper closer harder easier cheaper safer
poster banner sticker trailer folder header footer career disaster
""".split())
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "ers", "ors", "ists", "ians",
                   "men", "women", "people", "ee", "ees")

# Words before a role that make it another role ('deputy minister', 'lieutenant governor'): 'the
# minister' does not mean a deputy minister. Those of time ('former minister') name the same office
# at another time: a description may leave them out ('Florida governor Jeb Bush' ... 'the former
# Florida governor').
ROLE_RANKS = frozenset("""
shadow deputy vice assistant acting junior associate under co interim lieutenant
former ex outgoing incoming late then onetime one-time
""".split())
TIME_RANKS = frozenset("former ex outgoing incoming late then onetime one-time".split())

# Offices and callings a description can end on that have no person's ending ('the Vermont secretary
# of state', 'the Texas attorney general', 'the real-estate mogul').
OFFICE_NOUNS = frozenset("""
secretary judge justice chair coach captain general attorney sheriff mogul tycoon magnate
""".split())

# US states with their postal code and the abbreviation newspapers write (AP style, and older forms
# such as "Tex."), as a party-state tag gives them ("Sen. Ana Ruiz (D-Vt.)", "Rep. Tom Kale, R-Fla.,"):
# 'the Vermont senator' is matched to the person the story tagged with the state.
US_STATES = {
    "alabama": "al ala", "alaska": "ak", "arizona": "az ariz", "arkansas": "ar ark", "california": "ca calif cal",
    "colorado": "co colo", "connecticut": "ct conn", "delaware": "de del", "florida": "fl fla",
    "georgia": "ga", "hawaii": "hi", "idaho": "id", "illinois": "il ill", "indiana": "in ind", "iowa": "ia",
    "kansas": "ks kan kans", "kentucky": "ky", "louisiana": "la", "maine": "me", "maryland": "md",
    "massachusetts": "ma mass", "michigan": "mi mich", "minnesota": "mn minn", "mississippi": "ms miss",
    "missouri": "mo", "montana": "mt mont", "nebraska": "ne neb nebr", "nevada": "nv nev",
    "new hampshire": "nh", "new jersey": "nj", "new mexico": "nm", "new york": "ny", "north carolina": "nc",
    "north dakota": "nd", "ohio": "oh", "oklahoma": "ok okla", "oregon": "or ore", "pennsylvania": "pa penn",
    "rhode island": "ri", "south carolina": "sc", "south dakota": "sd", "tennessee": "tn tenn",
    "texas": "tx tex", "utah": "ut", "vermont": "vt", "virginia": "va", "washington": "wa wash",
    "west virginia": "wv wva", "wisconsin": "wi wis wisc", "wyoming": "wy wyo",
}
# The letter of a party-state tag and the words a description calls the party by ("the Vermont
# independent", "the Kentucky Republican", "a GOP senator").
PARTY_LETTERS = {"r": "republican", "d": "democrat", "i": "independent"}
PARTY_WORDS = {
    "republican": "republican", "gop": "republican", "democrat": "democrat", "democratic": "democrat",
    "independent": "independent",
}
# Titles written short before a name, and the nouns a later description uses for the same office
# ("Sen. Ana Ruiz" ... "the senator"; "Rep. Tom Kale" ... "the congressman").
TITLE_ROLES = {
    "sen": ("senator",), "senator": ("senator",), "rep": ("representative", "congressman", "congresswoman"),
    "gov": ("governor",), "lt": ("lieutenant",), "gen": ("general",), "atty": ("attorney",),
    "sec": ("secretary",), "secy": ("secretary",), "amb": ("ambassador",), "adm": ("admiral",),
    "col": ("colonel",), "capt": ("captain",), "sgt": ("sergeant",), "cmdr": ("commander",),
    "supt": ("superintendent",), "prof": ("professor",), "pres": ("president",), "rev": ("reverend",),
    "congressman": ("congressman", "representative"), "congresswoman": ("congresswoman", "representative"),
}

# The lexicons by language: English is the only one filled in. Rules read them through the language
# key (LEXICONS["en"]["speech_verbs"]); the flat names above are the English lists themselves.
LEXICONS = {
    "en": {name.lower(): value for name, value in dict(globals()).items()
           if name.isupper() and not name.startswith("_") and name != "LEXICONS"},
}

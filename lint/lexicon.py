"""Word classes the linguistic models read: lemmas, lower case.

Our own lists, written from AP's and Wikipedia's (Words to watch)
guidance on attribution; no third-party lexicon is copied.
"""

from __future__ import annotations

import re

# Verbs that attribute with a subject alone ("he said so", "she told reporters").
BARE_SPEECH_VERBS = frozenset("say tell speak talk".split())
# Verbs that report speech or writing; with a clause or a quotation they
# attribute ("insisted that ...", '"We lost," he added').
SPEECH_VERBS = frozenset(
    """say tell speak talk add write tweet post explain insist claim assert admit concede
    emphasize emphasise stress reveal warn argue contend maintain acknowledge
    confirm deny reply respond retort recall declare announce state remark
    comment observe testify allege boast complain urge caution predict
    promise vow pledge quip joke counter concur agree disagree repeat
    continue conclude ask answer affirm reiterate lament muse mention
    propose recommend advise demand inform brief disclose describe quote""".split()
)
# Reporting verbs, mostly of documents and data ("the study found that ...").
REPORTING_VERBS = frozenset(
    """note report find show suggest indicate estimate calculate forecast
    project reckon point signal cite""".split()
)
# Cognition, perception and volition: whose mind holds the claim.
COGNITION_VERBS = frozenset(
    """believe think expect fear feel sense hope want know consider see view
    regard suspect doubt assume worry wonder understand realize realise
    recognize recognise accept judge deem perceive imagine anticipate
    envision watch predict reckon guess suppose presume""".split()
)
# Verbs whose object is the subject's estimate of what will be ("analysts
# are forecasting a weakening"), not the writer's.
ESTIMATE_VERBS = frozenset("forecast predict project estimate expect anticipate reckon calculate".split())
# Verbs that need a mind: with a thing as subject they garble the sentence
# and attribute its claim to nobody ("Recent events have sensed ...").
MIND_VERBS = frozenset(
    """sense feel believe think hope fear wish realize realise suspect doubt
    wonder assume imagine agree insist claim argue""".split()
)
# Stances taken toward something or someone; attributions in the broad
# sense (PolNeAR's): "Critics slammed the plan", "the union endorsed Ruiz".
STANCE_VERBS = frozenset(
    """call accuse criticize criticise endorse support back oppose favor favour
    praise thank blame condemn denounce welcome applaud attack slam blast mock
    defend dismiss reject decline refuse urge demand vow pledge threaten
    propose question challenge dispute like love hate prefer intend plan seek
    aim theorize theorise speculate cite""".split()
)
CUE_VERBS = SPEECH_VERBS | REPORTING_VERBS | COGNITION_VERBS | STANCE_VERBS
# Passives of these with no agent hide who holds the view ("is considered").
OPINION_PASSIVES = frozenset(
    """consider believe think say regard view see know accept expect report
    rumor rumour estimate deem understand hold feel suppose presume assume
    fear acknowledge recognize recognise tout hail criticize criticise
    praise blame credit describe claim allege suggest argue agree question
    dispute debate doubt""".split()
)

# Subjects that name nobody in particular when bare ("experts say").
VAGUE_GROUPS = frozenset(
    """expert analyst observer critic commentator insider pundit watcher source
    people many some others few most several everyone everybody scientist
    economist researcher historian scholar academic specialist supporter
    opponent skeptic sceptic proponent advocate activist""".split()
)
# Pronouns and determiners that leave a group unnamed ("many experts").
VAGUE_QUANTIFIERS = frozenset("some many most few several numerous various other others certain all".split())
# Determiners that point back to a group already introduced ("the analysts").
SPECIFIC_DETERMINERS = frozenset("the this that these those both its their his her our whose my your".split())
# Documents as sources: vague unless the publisher is named or pointed to.
DOCUMENT_NOUNS = frozenset(
    """report study survey poll research analysis estimate document paper
    review audit inquiry investigation census evidence finding science""".split()
)
# Where a statement or a finding appeared: "In a statement, ...".
UTTERANCE_NOUNS = frozenset(
    """statement interview tweet post letter speech memo email filing op-ed
    column essay podcast broadcast briefing""".split()
)
MEDIUM_NOUNS = UTTERANCE_NOUNS | frozenset("poll survey report study".split())
# Offices and roles: a source when a holder is not named with them.
ROLE_NOUNS = frozenset(
    """secretary minister president spokesman spokeswoman spokesperson
    official officer director chief executive chairman chairwoman chair
    governor mayor senator representative lawmaker legislator congressman
    congresswoman prosecutor attorney lawyer judge manager head leader
    commissioner superintendent ambassador diplomat adviser advisor aide
    chancellor premier king queen prince general commander coach captain
    inspector sheriff detective police""".split()
)
ORGANIZATION_NOUNS = frozenset(
    """government ministry department company firm board committee council
    agency court party union bank group campaign administration office
    commission authority regulator parliament congress senate house cabinet
    embassy military army navy police club team school university hospital
    organization organisation charity association federation institute
    network newspaper broadcaster station website family league""".split()
)
# Things that cannot say, think or perceive: a cue whose subject is one of
# these attributes the claim to nobody ("Recent events have sensed ...").
INANIMATE_NOUNS = frozenset(
    """event development situation storm weather change move decision policy
    measure meeting talk deal plan law bill economy year month week day time
    war crisis trend factor result outcome process system market price rate
    cost number amount level growth tariff trade relation relationship
    dynamic pattern sign signal wall building bridge road city area region
    fate future history past moment step effort issue problem question
    matter case idea concept theory approach strategy initiative program
    programme project scheme proposal budget fund money sale profit loss""".split()
)

# Verbs of a forecast rather than a plan: "will require", "will prove".
FORECAST_VERBS = frozenset(
    """determine shape transform reshape define dominate struggle fail succeed
    suffer hurt thrive prove remain think revolutionize revolutionise
    collapse""".split()
)
# Superlatives of time order a series; they claim nothing ("the latest in a series").
ORDER_SUPERLATIVES = frozenset("latest earliest last first next newest oldest least most".split())
# Verbs of change in an amount: a forecast with "can", "could", "may", "might".
QUANTITY_CHANGE_VERBS = frozenset(
    """rise fall climb double triple quadruple halve top reach exceed surpass
    increase decrease grow shrink drop soar surge plunge slump jump tumble
    decline rebound recover""".split()
)
# Days, months and relative dates: "will meet on Friday" is a schedule.
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec tomorrow
    tonight today yesterday week weekend month year spring summer autumn
    fall winter morning afternoon evening night""".split()
)

# -- people and titles ------------------------------------------------------

# Words of a title or rank set before a name ("Treasury Secretary Scott
# Bessent", "Gen. Mark Milley"); lower case, abbreviations without the
# period, one word each (the tokenizer splits "secretary-general").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary chancellor governor gov mayor
    senator sen representative rep congressman congresswoman ambassador
    commissioner director chairman chairwoman chair chief executive officer
    ceo cfo coo coach manager captain capt judge justice general gen admiral
    adm colonel col major maj lieutenant lt sergeant sgt corporal cpl private
    detective det inspector sheriff superintendent supt professor prof doctor
    reverend rev father bishop archbishop cardinal pope rabbi imam pastor king
    queen prince princess duke duchess lord lady sir dame emperor sultan sheikh
    speaker leader premier deputy spokesman spokeswoman spokesperson attorney
    solicitor treasurer comptroller councillor councilman councilwoman
    alderman assemblyman assemblywoman delegate trustee dean provost
    principal constable commander founder chairperson dr mp mep msp""".split()
)
# Letters set after a name that say what the person is ("Paul Flynn MP",
# "Michael Mansfield QC"): those that follow two-word names in BBC and
# PolNeAR (MP 19 times, QC 14, MEP 6, MSP 3; the other capitals there are
# bodies and regnal numbers: GOP, PAC, II).
POSTNOMINALS = frozenset("mp msp mep qc".split())
# Courtesy titles; house style decides whether later references carry them.
HONORIFICS = frozenset("mr mrs ms miss mx".split())
# Words that point, as a pronoun ("add to this") or a determiner ("this law").
DEMONSTRATIVES = frozenset("this that these those".split())
# Family names that come first in Chinese, Korean and Vietnamese names
# ("Wang Yiwei", "Kim Jong-un", "Nguyen Xuan Phuc"). A name opening with
# one may be in either order, so either end can be its surname.
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he
    lin gao luo zheng liang xie song tang xi han feng deng cao peng zeng xiao
    tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
    cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu
    hou yin xue yan duan lei long shao kong mao wen qian hao kang bo mo
    kim lee park choi jung kang cho yoon jang lim shin moon ahn
    nguyen tran le pham hoang phan vu dang bui do ngo""".split()
)

# -- Word classes for pattern rules (rules/*/*.yml, kind `pattern`) -----------
#
# A pattern rule names one as "$name" (see lint/checks/pattern.py). Animacy
# is decided from the parse (a common noun as subject, not a name or a
# pronoun) and these curated classes, not from a list of sentences.

# Perception, cognition and volition: verbs whose subject must have a mind
# ("The storm has believed ..."). Not speech verbs: a report "argues" or
# "claims" as a matter of course, and a storm "claims" lives.
MENTAL_VERBS = frozenset(
    """sense feel believe think hope fear wish want realize realise suspect
    doubt wonder imagine desire crave yearn long regret dread""".split()
)
# Forces of nature and man-made objects: they act but hold no views.
NATURAL_FORCES = frozenset(
    """storm hurricane typhoon cyclone tornado flood earthquake quake wind
    rain snow fire wildfire blaze drought heatwave wave tide river sea ocean
    sun weather climate virus disease""".split()
)
ARTIFACTS = frozenset(
    """wall building bridge road car vehicle machine engine computer device
    phone ship plane train tower dam pipe pipeline product tool equipment""".split()
)
# Things that cannot perceive, think or want: INANIMATE_NOUNS and documents,
# less what news copy uses for the people behind it ("the city hopes",
# "the fund believes", "markets fear", "the campaign wants").
_METONYMS = frozenset("city area region market fund project program programme campaign".split())
MINDLESS_NOUNS = (INANIMATE_NOUNS | DOCUMENT_NOUNS | NATURAL_FORCES | ARTIFACTS) - _METONYMS

# Common nouns that edited news lets think, hope or want: counted over the
# training articles of BBC and PolNeAR by benchmarks/count_minded_nouns.py,
# in two articles or more (function words its pattern also caught never
# match a noun).
MINDED_NOUNS = frozenset(
    """adviser advisers agent agents aide aides allie allies also alsos
    american americans analyst analysts and ands but buts campaign campaigns
    can candidate candidates cans commentator commentators commission
    commissions committee committees companie companies company companys
    conservative conservatives could coulds country countrys dem democrat
    democrats dems executive executives expert experts fed feds friend
    friends government governments industry industrys investor investors
    just justs live lives lock locks longer longers minister ministers now
    nows obama obamas observer observers official officials one ones parent
    parents people peoples player players president presidents public
    publics really reallys republican republicans she shes should shoulds
    side sides state states still stills strategist strategists supporter
    supporters team teams that thats them thems they theys torie tories user
    users voter voters watchdog watchdogs which whichs who whos will wills
    world worlds would woulds you yous""".split()
)
# Nouns for people, animals and the bodies and places that stand for people;
# "pair", "duo", "trio", "airline" and "wing" from the subjects of verbs in
# the training articles of BBC and PolNeAR ("the pair" acts or speaks in 44
# articles, "the duo" in 12, "the trio" in 9, "the airline" in 13; "the
# wing" before a verb 5 times, a player or a party's faction each time).
PEOPLE_NOUNS = frozenset(
    """person people man men woman women child children boy girl baby kid
    family fan friend parent mother father son daughter wife husband brother
    sister citizen public crowd audience nation country state city town
    world community population staff crew side squad band couple pupil
    victim guest host star champion hero ally critic rival expert colleague
    animal dog cat horse bird market sector camp west everyone everybody
    nobody somebody someone majority minority electorate jury panel
    household nurse surgeon chef priest monk athlete pilot cop guard clerk
    graduate veteran adult teen youth elder peer mp cleric imam bishop pope
    vicar rabbi rebel troop marine detective sheriff recruit client landlord
    workforce judge witness suspect accused plaintiff hostage captive
    casualty delegate candidate boss chief head democrat republican tory
    liberal conservative labour muslim jew hindu sikh catholic local native
    enemy foe gang mob militia tribe clan regime junta leadership management
    opposition establishment elite monarchy church congregation faithful
    class generation academic scholar neighbour neighbor pair duo trio airline
    wing""".split()
)
# A quantity whose "of" names who thinks ("a lot of people were wondering").
QUANTITY_NOUNS = frozenset(
    """lot lots number majority minority half third quarter group handful dozen
    dozens hundred hundreds thousand thousands million millions rest none
    couple host range variety percent proportion share section part""".split()
)
# Endings of nouns naming people by what they do (-er, -or, -ist, -ian,
# -ant, -ent, -ee, -ess; -man: the 42 subjects in -man before a verb in the
# training articles of BBC and PolNeAR are all people, "spokesman" 27 and
# "businessman" 6 of them); newsroom.mindless-subject spells them as its REGEX.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ess", "man")
_LETTERS = re.compile("[a-z]+")
_MINDED_CLASSES = MINDED_NOUNS | PEOPLE_NOUNS | QUANTITY_NOUNS | ROLE_NOUNS | ORGANIZATION_NOUNS


def may_have_mind(lemma: str) -> bool:
    """Broad animacy of a common noun: a person, a body or a place that
    stands for people (the classes above, roles, organizations, or a
    person's ending), as newsroom.mindless-subject decides it; "slide",
    "clip" and "storm" have none. A word of more than letters ("ex-wife")
    is not judged."""
    return lemma in _MINDED_CLASSES or lemma.endswith(PERSON_ENDINGS) or not _LETTERS.fullmatch(lemma)


PATTERN_CLASSES = {
    "mental-verbs": MENTAL_VERBS,
    "mindless-nouns": MINDLESS_NOUNS,
    "inanimate-nouns": INANIMATE_NOUNS,
    "document-nouns": DOCUMENT_NOUNS,
    "organization-nouns": ORGANIZATION_NOUNS,
    "role-nouns": ROLE_NOUNS,
    "speech-verbs": SPEECH_VERBS,
    "minded-nouns": MINDED_NOUNS,
    "people-nouns": PEOPLE_NOUNS,
    "quantity-nouns": QUANTITY_NOUNS,
}

"""``person``: how a story refers to the people in it, read off the people
model (:mod:`lint.people`): a first reference with no title or role, a
surname two people share, a later reference that repeats the full name or
uses the given name, and courtesy titles per house style."""

from __future__ import annotations

import bisect

import regex as re

from lint.checks.loaded import copy_type
from lint import lexicon as lx
from lint.people import Mention, display_zone, fold_name, opens_like_a_name, model, role_noun, well_known, owns_an_office_or_work
from lint.people import Person as PersonModel
from lint.rule import Check, Field, Hit

PROBLEMS = ("first-reference", "ambiguous-reference", "later-reference", "honorific")
REFERENCES = ("full-name", "first-name")
# AP uses no courtesy titles; the BBC and The New York Times give one on
# every later reference ("Mr Blair").
HONORIFIC_STYLES = ("none", "courtesy")
# first-reference: whether a name the desk's readers know without a title
# (lint/data/well-known-names.txt) is left alone or, as AP does and by
# default, flagged as any other
WELL_KNOWN = ("skip", "flag")
_OPTION_PROBLEMS = {"references": "later-reference", "honorifics": "honorific", "well-known": "first-reference"}


class Person(Check):
    FIELDS = {
        "problem": Field("str", required=True, choices=PROBLEMS),
        # later-reference: which later references to flag
        "references": Field("strlist", None, choices=REFERENCES),
        # honorific: the house style
        "honorifics": Field("str", None, choices=HONORIFIC_STYLES),
        # first-reference: a house choice (AP flags them; a desk whose readers know them need not)
        "well-known": Field("str", None, choices=WELL_KNOWN),
    }
    NEEDS_NLP = True
    NEEDS_NAMES = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        problem = options["problem"]
        for key, owner in _OPTION_PROBLEMS.items():
            if options[key] is not None and problem != owner:
                raise self.error(f"rule {rule.id}: option '{key}' applies only to problem {owner}, not {problem}", key)
        self.references = frozenset(options["references"] if options["references"] is not None else REFERENCES)
        if not self.references:
            raise self.error(f"rule {rule.id}: 'references' is empty, so the rule would flag nothing", "references")
        self.honorifics = options["honorifics"] or "none"
        self.skip_well_known = options["well-known"] == "skip"
        self.find = {
            "first-reference": self._first_reference,
            "ambiguous-reference": self._ambiguous_reference,
            "later-reference": self._later_reference,
            "honorific": self._honorific,
        }[problem]

    def gives_fixes(self):
        problem = self.options["problem"]
        # honorific: whatever house style a config picks, the rule's
        # applicability stands (the courtesy style has no fix to give: the
        # right title is the person's own)
        return problem in ("later-reference", "honorific")

    def run(self, doc):
        in_scope = self.in_scope(doc)
        people = model(doc)
        for hit in self.find(doc, people):
            if in_scope(hit.start, hit.end):
                yield hit

    def _first_reference(self, doc, people):
        if _sports(doc, people) or people.arts:
            return  # a sports story names its players bare, an arts story by their work: that is their role
        for person in people.people:
            first = person.first_reference
            if first is None or not first.full or first.described or first.listed or first.honorific:
                continue  # "Mrs Parker Bowles": a courtesy title is a later reference's
            if self.skip_well_known and well_known(person.words):
                continue  # a name the desk's readers know without a title: a house choice
            # the person the headline names is the one the story is about ("Blair rejects
            # Tory terror offer"): the reader met them there
            if person.surnames & people.display_words or person.given in people.display_words:
                continue
            # a name in passing ("performed with Eric Clapton", "Frank Capra's 1946
            # movie", read on BBC and PolNeAR) is left alone unless the story comes
            # back to the person
            if len(person.mentions) == 1 and not first.subject:
                continue
            # a name the story never shortens that opens with a common word: a band, a company
            # or a work the recognizer took for a person ("Iron Maiden", "Finding Neverland")
            if all(m.full for m in person.mentions) and not opens_like_a_name(person.words):
                continue
            # "Jane Roe, Christian Aid's head of trade policy": a name the story never shortens
            # whose staff it quotes is a body's, not a person's
            if all(m.full for m in person.mentions) and any(_owns_a_role(doc.prose, m.end) for m in person.mentions):
                continue
            if _owned(doc.prose, first.end, owns_an_office_or_work):
                continue  # "Barack Obama's presidency", "Mitt Romney's 2012 campaign", "Franz Ferdinand's
                # self-titled album": what the person is
            # "Priya Raman founded ... Raman, a marine biologist, ..." is fine, and so is a title or
            # an appositive the story gives further on ("... Christie, the New Jersey governor,"):
            # the reader learns from the story who this is
            if any(m.described for m in person.mentions if m.sentence <= first.sentence + 1) \
                    or any(m.introduces and not m.quoted for m in person.mentions):
                continue
            # "... Kostas Kenteris ... The Greek sprinter ..."
            if any(
                not introducing and (s == first.sentence + 1 or s == first.sentence and at > first.end)
                for s, at, introducing in people.role_subjects
            ):
                continue
            if any(first.sentence <= s <= first.sentence + _POINTED_ROLE_AFTER for s in people.pointed_roles):
                continue  # "Ana Ruiz's support, which has the Texas senator second": the copy points to
                # a role near the name (one in the sentence before is someone else's: "The chief
                # negotiator said little. Jane Roe joined them.")
            if _first_person(doc, first):
                continue  # a column, a reader's comment, an answer in an interview: the writer's own voice
            if _GROUP_NEXT.match(doc.prose, _sentence_span(doc, first.start)[1]) and any(
                p is not person and any(m.sentence == first.sentence for m in p.mentions) for p in people.people
            ):
                continue  # "... said Jonathan Wolpaw and Dennis McFarlane. The research team, from ...": the
                # group the names make, said what it is in the next sentence
            if _age_given(doc.prose, first) or _AGE_NEXT.match(doc.prose, _sentence_span(doc, first.start)[1]):
                continue  # "Quina Jones, 25, said", "17-year-old Jared Potts", "... The 45-year-old, a lawyer,
                # said": a private person, whom AP identifies by age (read on PolNeAR)
            sentence_start, sentence_end = _sentence_span(doc, first.start)
            if _shares_surname(person, people.people) and _KIN.search(
                doc.prose, _sentence_span(doc, sentence_start - 1)[0], sentence_end
            ):
                continue  # "employed the wife of Disney director John Bryson. Louise Bryson remains ...",
                # "Graham and Sherry Edwards fly out ... their son's description": a relative of someone in
                # the story, whom the kin word identifies
            if _in_the_past(doc, first):
                continue  # "Labour lost in 1970, when Ted Heath ...": a figure of an event long past, which
                # says who they were then
            if first.subject and first.sentence == people.lede and _headline_role(doc):
                continue  # "Boris opposes mayor apology. Ken Livingstone should ...": the headline gives the
                # role of the person the lede opens with
            if first.subject and first.sentence - 1 in people.owned_roles:
                continue  # "... an email from the president of the AFL-CIO. In his email, Richard Trumka told ..."
            if first.sentence + 1 in people.role_objects or first.subject and first.sentence - 1 in people.introducing_objects:
                continue  # "an offer from Malcolm Glazer. ... the latest proposal from the US tycoon";
                # "AstraZeneca has appointed a new executive director. John Patterson will ..."
            # "A senior barrister ... says ... Ian MacDonald QC quit ...": introduced, then named
            # "An EU spokesman dismissed the complaint. "We think ...", said Anthony Gooch": a quotation
            # between the role and the name that credits it runs on from the role
            reach = 2 if first.speaks else 1
            if any(first.sentence - reach <= s < first.sentence and introducing for s, _, introducing in people.role_subjects):
                continue
            yield Hit(first.start, first.end, (doc.prose[first.start : first.end],))

    def _ambiguous_reference(self, doc, people):
        """Once per set of people a short name could mean, where it could
        mean either: not when only one of them was in the story's last
        few sentences (the one the reader has in mind)."""
        if _sports(doc, people):
            return  # a match report's line-ups and scorers are lists of surnames, the team saying which
        flagged: set[frozenset[int]] = set()
        unclear = {id(mention) for mention, _ in people.ambiguous}
        for mention, sharing in people.ambiguous:
            if mention.quoted or mention.display:
                continue
            pair = frozenset(id(p) for p in sharing)
            if pair in flagged or _in_play(sharing, mention, unclear) == 1 or _nearer(sharing, mention, unclear):
                continue
            flagged.add(pair)
            names = " or ".join(" ".join(p.words) for p in sharing)
            yield Hit(mention.start, mention.end, (doc.prose[mention.start : mention.end], f"could be {names}"))

    def _later_reference(self, doc, people):
        hits = []
        if "full-name" in self.references:
            for person in people.people:
                if _shares_surname(person, people.people):
                    continue  # two Smiths need their full names (and see _family_named below)
                if not _referred_by_surname(person):
                    continue  # never "Raman" alone: no sign of a person the story follows ("Sale Sharks", "Opus Dei")
                if not opens_like_a_name(person.words):
                    continue  # "Celebrity Big Brother", "Hotel Rwanda", "De Marigny": a work, or a surname alone
                given_in_full = False  # "Professor Nega ... Berhanu Nega" gives the full name once
                for m in person.mentions:
                    if m.quoted or not m.full or m.display or _photo_caption(doc, m) or _photo_credit(doc, m):
                        continue  # a headline's name introduces nobody; a caption gives the full name
                    if _first_person(doc, m) or _asks_the_reader(doc, m.start):
                        continue  # a column, a letter, a reader's comment: its own conventions; the
                        # site's call to its readers ("Do you support Donald Trump? Like the page:")
                    if given_in_full and [fold_name(w) for w in m.words] != [fold_name(w) for w in person.words]:
                        continue  # "Iron Mike Tyson" after "Mike Tyson": another form, not a repeat to cut
                    if given_in_full and (_inside_longer_name(doc.prose, m.start) or _ARTICLE_BEFORE.search(
                        doc.prose[max(0, m.start - 12) : m.start]
                    )):
                        continue  # "Iron Mike Tyson", "a new Gordon Brown": no later reference
                    if given_in_full and _qualifies_a_role(doc.prose, m.end):
                        continue  # "James Hardie chairwoman": a company's name, or a modifier, not a reference
                    if given_in_full and (
                        _new_entry(doc.prose, person, m) or _CAPTION.match(doc.prose, m.end) or _list_entry(doc, m)
                    ):
                        continue  # a live blog's new entry, a photo caption, a list's item: each introduces afresh
                    if m.listed or given_in_full and m.described:
                        continue  # a cast, a squad, a ballot; "her husband, Syed Rizwan Farook": introduced again
                    # a title with it re-introduces the person ("Sen. Ted Cruz"), as after a headline
                    if given_in_full and not m.title:
                        if _family_named(doc.prose, person):
                            break  # two Smiths need their full names ("Clinton's husband, Bill, ..."); asked
                            # only of a repeat to flag, as its pattern, compiled per surname, costs most
                        text = doc.prose[m.start : m.end]
                        # "Donald Trump will insist on being Trump": the surname alone in the same
                        # sentence plays on the full name, which a fix would flatten
                        fix = None if _surname_alone_beside(doc.prose, m, person.surname) or _maybe_a_body(doc.prose, person) \
                            else person.surname
                        hits.append(Hit(m.start, m.end, (text, _FULL_NAME_AGAIN), fix))
                        break  # once a person: the editor sees the habit, not every instance
                    given_in_full = True
        if "first-name" in self.references:
            told: set[int] = set()
            for m, person in people.given_names:
                if id(person) in told:
                    continue  # once a person
                if m.quoted or m.display or _shares_surname(person, people.people):
                    continue  # family members go by their given names
                if doc.prose[m.start - 1 : m.start] == "-" or doc.prose[m.end : m.end + 1] == "-":
                    continue  # part of a joined name ("Glass-Steagall"), no given name: "Glass-Act" would garble it
                if all(_photo_credit(doc, full) for full in person.mentions if full.full):
                    continue  # named in full only in a photo's credit ("Orlando Sentinel via Getty Images."): no person
                if person.surname is None or not m.subject or not opens_like_a_name(person.words):
                    continue  # no certain surname to put in; not a subject ("the movie Ray", "MSN's Blake Irving");
                    # a body's name ("River" of "River Networks")
                if _first_person(doc, m) or _asks_the_reader(doc, m.start) or _KIN.search(_paragraph(doc, m)) or _QUOTE_MARK.search(_paragraph(doc, m)) or _ARTICLE_BEFORE.search(
                    doc.prose[max(0, m.start - 12) : m.start]
                ):
                    continue  # a column or a reader's voice; brothers, a wife ("his brother Mukesh"); quotation
                    # marks, which may be lost or nested ("'Oh no Bill don't'"); "the Donald"
                if not _referred_by_surname(person) and sum(g is person for _, g in people.given_names) > 1:
                    continue  # the given name throughout is the story's convention for them ("Meles")
                told.add(id(person))
                advice = _GIVEN_NAME_ALONE.format(surname=person.surname)
                # the surname as the fix only where the story itself uses it alone: else the last word may
                # be no surname ("Italy's Illva Saronno has agreed to buy ... Illva will pay")
                fix = person.surname if _referred_by_surname(person) else None
                hits.append(Hit(m.start, m.end, (doc.prose[m.start : m.end], advice), fix))
        return sorted(hits, key=lambda h: h.start)

    def _honorific(self, doc, people):
        """Every reference against the house style, each with the style the
        story itself follows (the engine makes them one alert per story).
        Removing "Mr. " is safe unless two people share the surname, when
        the title is what tells "Mr. Clinton" from "Mrs. Clinton": no fix."""
        titled, bare = [], []
        seen: set[int] = set()
        for person in people.people:
            first = person.first_reference
            for m in person.mentions:
                if m.quoted or m.display or m.start in seen:
                    continue
                seen.add(m.start)
                if m.honorific:
                    titled.append((m, person))
                elif _bare_later_surname(m, first, person):
                    bare.append(m)
        if self.honorifics == "none":
            advice = _NO_COURTESY_TITLES.format(found=_story_style(len(titled), len(bare), "courtesy"))
            # "Mr Howard" and "Mrs Howard": the titles are what tell them apart
            genders: dict[str, set[str]] = {}
            for m, _ in titled:
                title = fold_name(doc.prose[m.honorific[0] : m.honorific[1]].strip())
                genders.setdefault(fold_name(m.words[-1]), set()).add(_GENDER.get(title, title))
            for m, person in sorted(titled, key=lambda pair: pair[0].start):
                start, end = m.honorific
                shared = _shares_surname(person, people.people) or len(genders[fold_name(m.words[-1])]) > 1
                # a title on a surname the story never gives in full may be part of a name
                # ("Mr Benn", "Mrs Brown's Boys"), as one on a name the story never gives
                # without it may be ("He produced Mr Tambourine Man for the Byrds", read on BBC);
                # one glued on ("Mr.Benn") is no title to cut
                unnamed = len(person.words) == 1 or all(mention.honorific for mention in person.mentions)
                glued = end == m.start and not doc.prose[start:end][-1:].isspace()
                yield Hit(start, end, (doc.prose[start:end].strip(), advice), None if shared or unnamed or glued else "")
        else:
            advice = _COURTESY_TITLES.format(found=_story_style(len(titled), len(bare), "none"))
            for m in sorted(bare, key=lambda m: m.start):
                yield Hit(m.start, m.end, (doc.prose[m.start : m.end], advice))


_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
_FULL_NAME_AGAIN = "the full name again; after the first reference use the surname alone"
_GIVEN_NAME_ALONE = "a given name alone; after the first reference use the surname ({surname})"
_NO_COURTESY_TITLES = "house style gives no courtesy titles; write the surname alone{found}"
_COURTESY_TITLES = "house style gives a courtesy title (Mr, Mrs, Ms) on later references{found}"
# Sentences after a first reference within which a role pointed to with "the" may be
# the person's ("... is endorsing Jane Roe. ... He announced his support for the Ohio governor").
_POINTED_ROLE_AFTER = 2
# Sentences back within which the people a short name could mean are still in play.
_IN_PLAY = 5


def _story_style(titled: int, bare: int, other: str) -> str:
    """What the story does, when it follows the other style throughout:
    a house-style choice, not a slip (the config names the house style)."""
    if other == "courtesy" and titled >= 2 and bare == 0:
        return (f" (this story gives courtesy titles throughout, {titled} times, as the BBC and The New York Times "
                "do; if that is the house style, set honorifics: courtesy)")
    if other == "none" and bare >= 2 and titled == 0:
        return f" (this story gives none throughout, {bare} times, as AP does; if that is the house style, set honorifics: none)"
    return ""


_HEADLINE_WORDS = re.compile(r"[\p{L}'’.-]+")


def _headline_role(doc) -> bool:
    """Whether the headline names an office or a role with no name after
    it ("Boris opposes mayor apology", "Trump's Firing Of Campaign
    Manager"): the holder the lede names."""
    zone = display_zone(doc)
    if not zone:
        return False
    words = _HEADLINE_WORDS.findall(doc.prose, *zone[0])
    # a capital after the title may open a name ("Mayor Jones backs plan"), or a title-case headline's next word
    return any(word.lower().rstrip(".") in lx.TITLE_WORDS and not after[:1].isupper()
               for word, after in zip(words, [*words[1:], ""]))


def _sports(doc, people) -> bool:
    """Whether the story is sports copy by the people model's words of
    sports copy or by the copy type's (a front matter's, or the mined words
    of sports reports): on dev the second finds 3 more match reports with
    people alerts ("levelling after Steven Gerrard put Liverpool ahead"), and
    no other story with any."""
    return people.sports or copy_type(doc) == "sports"


def _in_play(sharing: list[PersonModel], mention: Mention, unclear: set[int]) -> int:
    """How many of the people a short name could mean were referred to
    clearly in the last few sentences before it."""
    return sum(
        any(
            id(m) not in unclear and m.start < mention.start and mention.sentence - m.sentence <= _IN_PLAY
            for m in person.mentions
        )
        for person in sharing
    )


# a short name means the person named this many sentences nearer before it than the others: on
# dev this settles 5 of 14 ambiguous-reference alerts, 4 of them wrong ("Starr said Clinton's
# situation ..." four sentences after "Bill Clinton", seven after "Hillary Clinton"); 2 settles one more
_NEARER_BY = 3


def _nearer(sharing: list[PersonModel], mention: Mention, unclear: set[int]) -> bool:
    """Whether one of the people a short name could mean was named clearly
    (in a quotation too: the reader reads it) at least a few sentences
    nearer before it than any of the others: the one the reader has in mind."""
    def theirs_alone(m: Mention, person: PersonModel) -> bool:
        return id(m) not in unclear and not any(m is x for other in sharing if other is not person for x in other.mentions)

    last_named = sorted(
        max((m.sentence for m in person.mentions if m.start < mention.start and theirs_alone(m, person)),
            default=-_NEARER_BY - 1)
        for person in sharing
    )
    return last_named[-1] - last_named[-2] >= _NEARER_BY


_CAPITALIZED_BEFORE = re.compile(r"(?<![.!?:;\"“‘(]\s)(?<!^)\b\p{Lu}[\p{L}'’-]*\s+$")


_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:\p{Ll}+\s+)?$")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*[,)]")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
_GROUP_NEXT = re.compile(
    r"[\s\p{P}]*The\s+(?:[\p{L}-]+\s+){0,2}(?:team|pair|couple|duo|trio|researchers|scientists|authors|men|women)\b"
)  # opening the next sentence
_AGE_NEXT = re.compile(r"[\s\p{P}]*The\s+\d{1,3}-year-old\b")  # opening the next sentence


_NEXT_WORDS = re.compile(r"[ \t]+(\p{Ll}+)(?:[ \t]+(\p{Ll}+))?")


_OWNED_WORDS = re.compile(r"['’]s?[ \t]+([\p{L}-]+)(?:[ \t]+([\p{L}-]+))?(?:[ \t]+([\p{L}-]+))?")


def _owns_a_role(prose: str, end: int) -> bool:
    """ "Christian Aid's head of ...", "Oxfam's chief economist": the name
    owns a role that one of the next three words names."""
    m = _OWNED_WORDS.match(prose, end)
    return m is not None and any(w is not None and role_noun(w) for w in m.groups())


# The words after a possessive, years among them ("Mitt Romney's 2012 campaign").
_OWNED_TERMS = re.compile(r"['’]s?[ \t]+([\p{L}\d-]+)(?:[ \t]+([\p{L}\d-]+))?(?:[ \t]+([\p{L}\d-]+))?")


def _owned(prose: str, end: int, test) -> bool:
    """Whether the next three words after a name's possessive pass ``test``."""
    m = _OWNED_TERMS.match(prose, end)
    return m is not None and test([w for w in m.groups() if w is not None])


def _maybe_a_body(prose: str, person: PersonModel) -> bool:
    """A name that owns a body's noun ("Def Jam's parent company"): maybe a
    company or a label the recognizer took for a person, whose "surname"
    ("Jam") names nothing. A person's campaign or family costs the fix too
    (2 of 67 surname fixes on the dev split), which is no damage."""
    return any(
        m.full and (match := _OWNED_WORDS.match(prose, m.end)) is not None
        and any(w is not None and w.lower() in lx.ORGANIZATION_NOUNS for w in match.groups())
        for m in person.mentions
    )


def _qualifies_a_role(prose: str, end: int) -> bool:
    """ "James Hardie chairwoman", "Donald Trump campaign manager": the
    name qualifies a role that follows it."""
    m = _NEXT_WORDS.match(prose, end)
    return m is not None and any(w is not None and role_noun(w) for w in m.groups())


# A live blog's entry opens with its time ("9:45 p.m.", "February 6, 2016 9:12PM") or
# follows a rule ("___"); a photo caption places its people ("(left)").
_ENTRY_MARK = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.m\.|[AaPp]M(?![a-z]))|_{3,}")
# A list item's mark at a line's start: a bullet or a dash, or a number with a full stop or a bracket.
_LIST_MARK = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)][ \t])")
_CAPTION = re.compile(r"\s*\((?:left|right|centre|center|pictured|above|top|bottom)\b", re.IGNORECASE)


# A photo's credit, a line of its own ("Jane Doe via Getty Images.", "John Roe / Reuters.",
# "Getty.", "Facebook/Jane Doe.") or closing its caption ("(JANE DOE/AFP/Getty Images.)"),
# as BBC and PolNeAR pages keep them.
_AGENCY = r"(?i:Getty(?:\s+Images)?|Reuters|AP(?:\s+Photo)?|Associated\s+Press|AFP|EPA|PA|Bloomberg|HuffPost|Instagram|Twitter|Facebook|LinkedIn)"
_CREDITED = r"\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}"
_CREDIT = rf"(?:{_CREDITED}(?:\s*/\s*|\s+via\s+))*{_AGENCY}|(?:Instagram|Twitter|Facebook|LinkedIn)\s*/\s*{_CREDITED}"
_PHOTO_CREDIT = re.compile(rf"\s*\(?(?:{_CREDIT})\.?\)?\.?\s*")
_CAPTION_CREDIT = re.compile(rf"\((?:{_CREDIT})\.?\)\.?\s*$")


def _photo_caption(doc, mention: Mention) -> bool:
    """Whether the mention's paragraph may caption a photo: it follows a
    photo credit or closes with one. A caption names its people in full
    whatever the story did before; so may the item of a slideshow there."""
    i = doc.block_index(mention.start)
    if i < 0:
        return False
    block = doc.blocks[i]
    if _CAPTION_CREDIT.search(doc.prose, block.start, block.end):
        return True
    if i == 0:
        return False
    before = doc.blocks[i - 1]
    return _PHOTO_CREDIT.fullmatch(doc.prose, before.start, before.end) is not None


def _photo_credit(doc, mention: Mention) -> bool:
    """Whether the mention stands in a photo's credit line."""
    start, end = _block(doc, mention)
    return _PHOTO_CREDIT.fullmatch(doc.prose, start, end) is not None


def _list_entry(doc, mention: Mention) -> bool:
    """Whether the mention stands in an item of a list ("-Trump leads Cruz
    in Indiana.", "2. Donald Trump."), which stands alone as a line of a
    digest or a ranking does: a Markdown list's item, or a line of plain
    text opening with a list's mark."""
    block = doc.block_index(mention.start)
    if block >= 0 and doc.blocks[block].kind == "list":
        return True
    return _LIST_MARK.match(doc.prose, doc.prose.rfind("\n", 0, mention.start) + 1) is not None


def _new_entry(prose: str, person: PersonModel, mention: Mention) -> bool:
    """Whether a live blog's entry opened since the person's last mention."""
    previous = max((m.end for m in person.mentions if m.end <= mention.start), default=0)
    return _ENTRY_MARK.search(prose, previous, mention.start) is not None


def _surname_alone_beside(prose: str, mention: Mention, surname: str | None) -> bool:
    """Whether the mention's sentence also names the person by surname alone."""
    if surname is None:
        return False
    start = max(prose.rfind(". ", 0, mention.start), prose.rfind("\n", 0, mention.start)) + 1
    ends = [i for i in (prose.find(". ", mention.end), prose.find("\n", mention.end)) if i >= 0]
    end = min(ends) if ends else len(prose)
    alone = re.compile(rf"\b{re.escape(surname)}\b")
    return bool(alone.search(prose, start, mention.start) or alone.search(prose, mention.end, end))


def _age_given(prose: str, mention: Mention) -> bool:
    """ "Quina Jones, 25,", "17-year-old Jared Potts": the person's age beside the name."""
    return bool(_AGE_AFTER.match(prose, mention.end) or _AGE_BEFORE.search(prose, max(0, mention.start - 16), mention.start))


# A year or a decade ("1970", "the 1920s"), and the words that make one a target
# ("by 2020", "until 2030"), not a time the story has reached.
_YEAR = re.compile(r"(?<![\d,.$£€-])\b((?:1[6-9]|20)\d\d)(?:s|['’]s)?\b(?![,.]\d|-)")
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|through|before|to)\s+$", re.IGNORECASE)
# Years between an event and the story's own time that make it history.
_PAST = 10
_LATEST_YEAR = "latest year"  # a mark in Document.models: the latest year the story reaches


def _years(text: str, base: int = 0, prose: str = "") -> list[int]:
    return [
        int(m.group(1)) for m in _YEAR.finditer(text)
        if not _TARGET_BEFORE.search((prose or text)[max(0, base + m.start() - 10) : base + m.start()])
    ]


def _in_the_past(doc, mention: Mention) -> bool:
    """Whether the mention's sentence places the person only in years long
    before the latest the story reaches ("Labour lost in 1970, when Ted
    Heath ...", "Stalin's policies of the 1920s" in a story of 2016): a
    figure of history, whom the event places."""
    if _LATEST_YEAR not in doc.models:
        doc.models[_LATEST_YEAR] = max(_years(doc.prose), default=None)
    now = doc.models[_LATEST_YEAR]
    if now is None:
        return False
    start, end = _sentence_span(doc, mention.start)
    years = _years(doc.prose[start:end], start, doc.prose)
    # every year the sentence names: "Bush won in 1988, and Barack Obama in 2008 and 2012" is no history of Obama
    return bool(years) and all(year <= now - _PAST for year in years)


def _sentence_span(doc, offset: int) -> tuple[int, int]:
    """The prose span of the parsed sentence holding ``offset`` (or the
    nearest one before it)."""
    starts, spans = _parsed_sentences(doc)
    i = bisect.bisect_right(starts, offset)
    return spans[i - 1] if i else (offset, offset)


def _parsed_sentences(doc) -> tuple[list[int], list[tuple[int, int]]]:
    """The parsed sentences' starts and prose spans, worked out once per
    document: the first-reference rule asks of several mentions."""
    if _PARSED_SENTENCES not in doc.models:
        spans = [
            (parsed.start + sentence.start_char, parsed.start + sentence.end_char)
            for parsed in doc.parses or [] for sentence in parsed.doc.sents
        ]
        doc.models[_PARSED_SENTENCES] = ([start for start, _ in spans], spans)
    return doc.models[_PARSED_SENTENCES]


_PARSED_SENTENCES = "parsed sentence spans"  # a mark in Document.models


def _inside_longer_name(prose: str, start: int) -> bool:
    """A capitalized word right before, not opening a sentence: the name
    is part of a longer one ("Iron Mike Tyson")."""
    return _CAPITALIZED_BEFORE.search(prose[max(0, start - 40) : start]) is not None


def _referred_by_surname(person: PersonModel) -> bool:
    """Whether the story calls the person by surname alone somewhere: a
    person it follows, and the convention a repeated full name or a given
    name breaks."""
    return any(not m.full and fold_name(m.words[0]) in person.surnames for m in person.mentions)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|[Mm]e|[Mm]y|[Ww]e|[Oo]ur|[Uu]s)\b")  # not "US"
_QUOTE_MARK = re.compile(r"[\"“”‘]")
_KIN = re.compile(r"\b(?:brother|sister|wife|husband|son|daughter|father|mother|cousin|uncle|aunt|widow)s?\b", re.I)


def _block(doc, mention: Mention) -> tuple[int, int]:
    """The prose span of the mention's paragraph."""
    i = doc.block_index(mention.start)
    block = doc.blocks[i] if i >= 0 else None
    return (block.start, block.end) if block is not None and mention.start < block.end else (mention.start, mention.end)


def _paragraph(doc, mention: Mention) -> str:
    start, end = _block(doc, mention)
    return doc.prose[start:end]


def _first_person(doc, mention: Mention) -> bool:
    """Whether the mention's paragraph speaks in the first person outside
    quotations: a column, a letter, a reader's comment, or a quotation whose
    marks were lost ("Freddie is an option but we need ..."); or the story
    does in most of its paragraphs, a page of readers' comments or a column
    whose other paragraphs are in its writer's voice too."""
    start, end = _block(doc, mention)
    return _speaks_in_first_person(doc, start, end) or _first_person_story(doc)


_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our)\b")


def _asks_the_reader(doc, offset: int) -> bool:
    """Whether the sentence at a prose offset is a question to the reader
    outside quotations ("Do you support Donald Trump?"): a site's call,
    not the story."""
    start, end = _sentence_span(doc, offset)
    return doc.prose[start:end].rstrip().endswith("?") and any(
        not doc.in_quote(w.start()) for w in _SECOND_PERSON.finditer(doc.prose, start, end)
    )


def _speaks_in_first_person(doc, start: int, end: int) -> bool:
    return any(not doc.in_quote(w.start()) for w in _FIRST_PERSON.finditer(doc.prose, start, end))


# On dev, the stories where at least half the paragraphs of 8 words or more (and 4 or more of them) speak
# in the first person are readers' comments, columns and personal essays: their 9 people alerts (a
# reader's "All credit to Robbie Williams", a columnist's own credit) read the writer's voice
_FIRST_PERSON_SHARE = 0.5
_FIRST_PERSON_PARAGRAPHS = 4
_PARAGRAPH_WORDS = 8
_FIRST_PERSON_STORY = "first-person story"  # a mark in Document.models


def _first_person_story(doc) -> bool:
    if _FIRST_PERSON_STORY not in doc.models:
        paragraphs = [b for b in doc.blocks if b.kind == "paragraph" and len(doc.prose[b.start : b.end].split()) >= _PARAGRAPH_WORDS]
        speaking = sum(_speaks_in_first_person(doc, b.start, b.end) for b in paragraphs)
        doc.models[_FIRST_PERSON_STORY] = speaking >= _FIRST_PERSON_PARAGRAPHS and speaking >= _FIRST_PERSON_SHARE * len(paragraphs)
    return doc.models[_FIRST_PERSON_STORY]


def _family_named(prose: str, person: PersonModel) -> bool:
    """Whether the story brings in a relative who shares the surname, by
    kin rather than by full name: "Clinton's husband, Bill", "the Clinton
    family", "the Clintons"."""
    surname = person.words[-1]
    return any(
        _FAMILY_AFTER.match(prose, m.end())
        for m in re.finditer(rf"\b{re.escape(surname)}", prose, re.IGNORECASE, overlapped=True)
    )


# What follows the surname there; compiled once (compiling it with each
# surname in front cost more than the people rules' matching on BBC).
_FAMILY_AFTER = re.compile(rf"(?:['’]s\s+{_KIN.pattern}|\s+family\b|s\b)", re.IGNORECASE)


def _shares_surname(person: PersonModel, people: list[PersonModel]) -> bool:
    return any(p is not person and p.surnames & person.surnames for p in people)


def _bare_later_surname(mention: Mention, first: Mention | None, person: PersonModel) -> bool:
    """ "Blair said" after "Tony Blair"; not "Tony said" (a given name is the later-reference rule's)."""
    return (
        first is not None and mention.start > first.start and not mention.full and not mention.title
        and mention.honorific is None and fold_name(mention.words[0]) in person.surnames
    )

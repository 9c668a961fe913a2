"""``office``: an office or titled role used as a source or an actor whose
holder the story never names ("U.S. Treasury Secretary reports suggest",
"The Energy Secretary warned"), read off the people model.

An office is left alone when someone named near it, with no office the
story tells of, may hold it; the first-reference rule asks for that
person's title when they have none."""

from __future__ import annotations

from lint.lexicon import TITLE_WORDS
from lint.people import model
from lint.rule import Check, Field, Hit


# Sentences before and after an office within which someone named may hold it
# (a holder named after the office: 2 of 7 alerts on the dev split, read).
_NEAR = 3


class Office(Check):
    FIELDS = {
        # Office words, lower case: "secretary", "minister", "mayor".
        "offices": Field("strlist", required=True),
    }
    NEEDS_NLP = True
    NEEDS_NAMES = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.offices = frozenset(o.lower() for o in options["offices"])
        unknown = sorted(self.offices - TITLE_WORDS)
        if unknown:
            raise self.error(
                f"rule {rule.id}: unknown office {unknown[0]!r} in 'offices' (one title word, as in "
                "lint/lexicon.py TITLE_WORDS: secretary, minister, mayor ...)", "offices",
            )

    def run(self, doc):
        in_scope = self.in_scope(doc)
        people = model(doc)
        flagged = set()
        for office in people.offices:
            if office.head not in self.offices or not office.acts or office.quoted:
                continue
            if office.holder or self._may_hold(people, office):
                continue
            key = (office.head, office.portfolio)
            if key in flagged or not office.portfolio and any(head == office.head for head, _ in flagged):
                continue  # one alert an office ("the commissioner" after "the information commissioner")
            if in_scope(office.start, office.end):
                flagged.add(key)
                yield Hit(office.start, office.end, (doc.prose[office.start : office.end],))

    def _may_hold(self, people, office) -> bool:
        """Whether someone named near the office, with no office the story
        tells of, may hold it: in the three sentences before it or the next
        ("Charles Clarke said ... The home secretary said"); when it points
        back, anywhere before it ("Neil Kinnock, a former Labour leader, ...
        the outgoing European commissioner said") or in the three sentences
        after ("France's finance minister has said ... Herve Gaymard said he
        would"); also a lone name ("Obama said ... the president")."""
        earliest = 0 if office.anaphoric else office.sentence - _NEAR
        # one that points back may have its holder named after it too ("France's finance minister has
        # said ... Herve Gaymard said"); "U.S. Treasury Secretary reports suggest ..." points to nobody
        latest = office.sentence + (_NEAR if office.anaphoric else 1)
        if any(earliest <= sentence <= latest for sentence in people.lone_names):
            return True
        return any(
            not person.roles & self.offices and any(earliest <= m.sentence <= latest for m in person.mentions)
            for person in people.people
        )

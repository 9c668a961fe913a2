"""``office``: an office or titled role used as a source or an actor whose
holder the story never names ("U.S. Treasury Secretary reports suggest",
"The Energy Secretary warned"), read off the people model.

A definite office ("the mayor") points back to someone already in the
story, so it is left alone when someone named before it holds no office
the story tells of: they may well be its holder ("Ken Livingstone ...
the mayor said"), and the first-reference rule asks for their title."""

from __future__ import annotations

from lint.people import model
from lint.rule import Check, Field, Hit


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

    def run(self, doc):
        in_scope = self.in_scope(doc)
        people = model(doc)
        flagged = set()
        for office in people.offices:
            if office.head not in self.offices or not office.acts or office.holder or office.quoted:
                continue
            if office.untitled_near or office.anaphoric and self._unplaced_before(people, office):
                continue
            key = (office.head, office.portfolio)
            if key in flagged or not office.portfolio and any(head == office.head for head, _ in flagged):
                continue  # one alert an office ("the commissioner" after "the information commissioner")
            if in_scope(office.start, office.end):
                flagged.add(key)
                yield Hit(office.start, office.end, (doc.prose[office.start : office.end],))

    def _unplaced_before(self, people, office) -> bool:
        """Whether someone named before the office (or in the next
        sentence) holds no office the story tells of: "the mayor said" after
        "Ken Livingstone" points back to him, as a definite office does; so
        may "the president" after "Obama said"."""
        if any(sentence <= office.sentence + 1 for sentence in people.lone_names):
            return True  # "Obama said ... the president"
        return any(
            p.mentions[0].sentence <= office.sentence + 1 and not p.roles & self.offices for p in people.people
        )

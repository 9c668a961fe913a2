"""``office``: an office or titled role used as a source or an actor whose
holder the story never names ("U.S. Treasury Secretary reports suggest",
"The Energy Secretary warned"), read off the people model."""

from __future__ import annotations

from lint.people import model
from lint.rule import Check, Field, Hit


class Office(Check):
    FIELDS = {
        # Office words, lower case: "secretary", "minister", "mayor".
        "offices": Field("strlist", required=True),
        # Offices of the one person at the top ("president", "prime
        # minister"): in a story that names someone with no title, that
        # person is probably the holder, so these are left alone there.
        # Any office is left alone just after such a name.
        "top-offices": Field("strlist", []),
    }
    NEEDS_NLP = True

    def __init__(self, rule, options):
        super().__init__(rule, options)
        self.offices = frozenset(o.lower() for o in options["offices"])
        self.top = frozenset(o.lower() for o in options["top-offices"])

    def run(self, doc):
        in_scope = self.in_scope(doc)
        people = model(doc)
        untitled = any(p.untitled for p in people.people)
        for office in people.offices:
            if office.head not in self.offices or not office.acts or office.holder or office.quoted:
                continue
            if office.untitled_near or untitled and office.phrase in self.top:
                continue
            if in_scope(office.start, office.end):
                yield Hit(office.start, office.end, (doc.prose[office.start : office.end],))

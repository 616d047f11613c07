"""How an office is written on a card: as the sentence writes it, or with its owner after it in a language that
names an office's owner after its title ("Malaysian Prime Minister" -> "Prime Minister of Malaysia")."""

from __future__ import annotations

import re

from question_bank.extract.offices import BRACKETED, Office, Qualifier, possessive_pattern
from question_bank.lang import LanguagePack


def office_text(office: Office, text: str, pack: LanguagePack) -> str:
    """Return an office as the sentence writes it, without a leading article or the title's own abbreviation; in a
    language that names an office's owner after it, an owner written before the title is moved there
    ("Malaysian Prime Minister" -> "Prime Minister of Malaysia", "Russia's Foreign Minister" -> "… of Russia")."""
    template = pack.templates.get("office_of")
    before = [q for q in office.qualifiers if text.find(q.text, office.start, office.title_span[0]) >= 0]
    possessive = possessive_pattern(pack)
    owned = bool(possessive and possessive.search(text, office.start, office.title_span[0]))
    owners = before if owned else [q for q in before if q.kind != "field"]  # "the bank's governor": the bank's
    if template and owners and (owned or len({q.kind for q in owners}) == 1):
        fields = [q.text for q in before if q.kind == "field" and q not in owners]
        head = " ".join([*fields, _capitalised(office.title)])
        tail = _without_abbreviation(text[office.title_span[1]:office.end], office.title)
        owner = owner_name(owners, pack)
        article = pack.patterns.get("definite")
        if article and not owner.startswith(f"{article} ") and re.search(
                rf"(?<![\w-])(?i:{article})\s+$", text[max(0, office.start - 10):office.start]):
            owner = f"{article} {owner}"  # "the Bank's governor" -> "Governor of the Bank"
        return template.format(office=f"{head} {tail}".strip(), owner=owner)
    phrase = _without_abbreviation(text[office.start:office.end].strip(" ,"), office.title)
    return _capitalised(" ".join(phrase.split()))


def owner_name(owners: list[Qualifier], pack: LanguagePack) -> str:
    """Name the country or organisation an office belongs to, with the article the language gives it ("the
    United Kingdom", "the European Commission", "NATO")."""
    if owners[0].kind == "place":
        name = " ".join(dict.fromkeys(q.canonical for q in owners))
    else:
        name = " ".join(q.text for q in owners)
    article = pack.patterns.get("definite")
    definite = pack.patterns.get("definite_name")
    if article and (len(name.split()) > 1 and owners[0].kind != "place" or definite and re.fullmatch(definite, name)):
        return f"{article} {name}"
    return name


def _without_abbreviation(phrase: str, title: str) -> str:
    """Drop the title's own abbreviation from a phrase ("Perdana Menteri (PM) Malaysia")."""
    m = BRACKETED.search(phrase)
    if m and _is_abbreviation_of(m.group(1), title):
        phrase = phrase[:m.start()].rstrip() + " " + phrase[m.end():].lstrip()
    return " ".join(phrase.split()) if phrase.strip() else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_abbreviation_of(abbreviation: str, title: str) -> bool:
    """Say whether an acronym abbreviates a title ("PM" for "Perdana Menteri")."""
    initials = "".join(w[0] for w in re.split(r"[\s-]+", title) if w).upper()
    return abbreviation.upper() == initials

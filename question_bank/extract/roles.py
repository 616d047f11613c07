"""Who holds which office: "Perdana Menteri Armenia, Nikol Pashinyan", "X selaku Direktur …", "Jane Doe, the bank's
governor,", "Erick Thohir was elected chairman of …", "A dan B sebagai Presiden dan Wakil Presiden"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from question_bank.entities import NAME_WORD, is_person_name, list_separator, name_pattern, person_key
from question_bank.extract.context import ArticleContext
from question_bank.extract.office_names import office_text, owner_name
from question_bank.extract.offices import Office, Qualifier, office_at, offices_in
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.text import fold


@extractor("role")
def extract_roles(context: ArticleContext) -> Iterator[Fact]:
    """Yield a role fact for each office a sentence gives a named person (never a former one)."""
    for sentence in context.article.sentences:
        seen: set[tuple[str, str]] = set()
        for fact in _facts_of(sentence, context):
            if (fact.subject_key, fact.value_key) not in seen:
                seen.add((fact.subject_key, fact.value_key))
                yield fact


def _facts_of(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    yield from _title_first(sentence, context)
    yield from _appositions(sentence, context)
    yield from _name_first(sentence, context)


def _title_first(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """'Perdana Menteri Armenia, Nikol Pashinyan', 'Malaysian Prime Minister Anwar Ibrahim', 'Presiden Tokayev'."""
    for office in offices_in(sentence.text, context.pack):
        if office.person is None or office.former:
            continue
        office = _without_sentence_opener(office, sentence.text, context)
        start, person, lead = _known_tail(office.person.start, office.person.text, context)
        shown = office_text(office, sentence.text, context.pack)
        if lead:  # "Sekjen Asean Kao Kim Hourn": the article names Kao Kim Hourn alone, so "Asean" qualifies
            office = _with(office, (Qualifier(lead, lead, "org"),))
            shown = f"{shown} {lead}"
        owner = "" if office.qualified else (_represented(sentence.text, office.start, context)
                                             or _nationality(person, context) or _organisation_of(office, context))
        if owner:
            shown = owned_office(shown, owner, context.pack)
        yield _fact(sentence, context, shown, office, start, person, owner)


def _represented(text: str, start: int, context: ArticleContext) -> str:
    """Return the country a sentence says an office holder represents ("China was represented by Premier Li
    Qiang", "India diwakili Menteri Luar Negeri …", "Rusia, melalui Wakil Perdana Menteri …"), or ''."""
    m = _represented_pattern(context.pack).search(text, 0, start) if context.pack.patterns.get("represented_by") \
        else None
    if m is None or m.end() != start:
        return ""
    return context.pack.countries.get(fold(m.group("country")), "")


@lru_cache(maxsize=8)
def _represented_pattern(pack: LanguagePack) -> re.Pattern[str]:
    return re.compile(rf"(?P<country>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})(?:{pack.patterns['represented_by']})")


#: How often an article must name its organisation before a bare "Sekjen" is taken to be that organisation's.
_MAIN_ORG_MENTIONS = 3


def _organisation_of(office: Office, context: ArticleContext) -> str:
    """Return the organisation a bare title that only organisations have belongs to ("Secretary-General" in an
    article about NATO), or ''."""
    pattern = context.pack.patterns.get("organisation_title")
    org = context.main_org
    if not pattern or not org or not re.fullmatch(pattern, fold(office.title)):
        return ""
    mentions = sum(len(re.findall(rf"\b{re.escape(org)}\b", s.text)) for s in context.article.sentences)
    return org if mentions >= _MAIN_ORG_MENTIONS else ""


def owned_office(office: str, owner: str, pack: LanguagePack) -> str:
    """Write an office with its owner as the language does ("Presiden Kazakhstan", "Secretary-General of NATO")."""
    template = pack.templates.get("office_of")
    return template.format(office=office, owner=owner) if template else f"{office} {owner}"


def _without_sentence_opener(office: Office, text: str, context: ArticleContext) -> Office:
    """Drop a sentence's first word from before an office when it is no name the article uses elsewhere: a first
    word is capitalised anyway ("Meanwhile President …", but "Asean Secretary-General …")."""
    first = office.qualifiers[0] if office.qualifiers and office.start == 0 else None
    if first is None or first.kind != "org" or first.text.isupper() or first.text.lower() in context.pack.demonyms \
            or first.text.lower() in context.pack.organisation_words or " " in first.text:
        return office
    if any(re.search(rf"(?<=[\w,] ){re.escape(first.text)}\b", s.text) for s in context.article.sentences):
        return office
    start = office.start + len(first.text)
    start += len(text[start:]) - len(text[start:].lstrip())
    return Office(start, office.end, office.title, office.title_span, office.qualifiers[1:], office.former,
                  office.person)


def _known_tail(start: int, person: str, context: ArticleContext) -> tuple[int, str, str]:
    """Split off the words before a full name the article gives elsewhere: (start, name, the words before it)."""
    words = person.split()
    for i in range(1, len(words) - 1):
        tail = " ".join(words[i:])
        if context.full_name(tail) == tail and not any(w in context.pack.name_particles for w in words[:i]):
            lead = " ".join(words[:i])
            return start + len(lead) + 1, tail, lead
    return start, person, ""


def _appositions(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """'Anwar Ibrahim, Perdana Menteri Malaysia,', 'Andrew Bailey, the Bank's governor,', 'X, kepala komite …,'."""
    text = sentence.text
    pack = context.pack
    if not offices_in(text, pack):
        return  # no title in the sentence
    for comma in _comma_pattern(pack).finditer(text):
        office = office_at(text, comma.end(), pack)
        if office is None or office.former or not _closed(text, office.end) \
                or any(o.start == office.start and o.person for o in offices_in(text, pack)):
            continue  # "X, a former president of …", "X, Presiden Rusia Vladimir Putin": no apposition
        before = text[:comma.start()]
        run = _last_name_run(before, pack)
        person = _trailing_name(run.group(0), pack) if run else None
        if person is not None:
            yield _fact(sentence, context, office_text(office, text, pack), office, run.end() - len(person), person)


@lru_cache(maxsize=8)
def _comma_pattern(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a comma after a capitalised word, and what may bring in an office after it: an
    article, or a relative clause in the present ("yang juga", "who is also the")."""
    article = pack.patterns.get("definite")
    lead = rf"(?:(?i:{article})\s+)?" if article else ""
    relative = pack.patterns.get("relative_office")
    if relative:
        lead = rf"(?:{relative})?{lead}"
    return re.compile(rf"(?<=\w),\s+{lead}(?=\S)")


def _last_name_run(text: str, pack: LanguagePack) -> re.Match[str] | None:
    """Return the run of capitalised words that ends the text, if one does."""
    runs = [m for m in name_pattern(pack).finditer(text, max(0, len(text) - 120)) if m.end() == len(text)]
    return runs[-1] if runs else None


def _closed(text: str, end: int) -> bool:
    """Say whether an office ends where a comma, stop or the sentence's end closes it (an apposition)."""
    return re.match(r"\s*(?:[,.;]|$)", text[end:]) is not None


def _name_first(sentence: Sentence, context: ArticleContext) -> Iterator[Fact]:
    """'Zhu Yongbiao selaku Direktur …', 'A dan B sebagai Presiden dan Wakil Presiden', 'X was elected chairman of …'
    (several people and offices paired in order)."""
    text = sentence.text
    if not offices_in(text, context.pack) or not _joiner(context.pack).search(text):
        return  # most sentences name no office after a name; the long pattern below is slow to fail
    for m in _name_first_pattern(context.pack).finditer(text):
        people = _names_listed(m.group("names"), m.start("names"), context.pack)
        offices = _offices_listed(text, m.end(), context.pack)
        if len(offices) == 1:
            offices *= len(people)  # "A dan B terpilih sebagai wakil ketua umum PSSI": each holds it
        if not people or len(people) != len(offices):
            continue  # counts that do not pair
        # "sebagai Presiden dan Wakil Presiden Indonesia": what qualifies the last office qualifies them all
        owners = [q for q in offices[-1].qualifiers if q.kind != "field"]
        shared = owner_name(owners, context.pack) if owners else ""
        for (start, person), office in zip(people, offices, strict=True):
            shown = office_text(office, text, context.pack)
            if office.qualified or not shared:
                yield _fact(sentence, context, shown, office, start, person)
            else:
                yield _fact(sentence, context, owned_office(shown, shared, context.pack), office, start, person,
                            " ".join(q.canonical for q in owners))


@lru_cache(maxsize=8)
def _joiner(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of the words that bring in an office after a name ("selaku", "as", "was elected")."""
    joiners = "|".join(sorted(pack.role_after_name))
    elected = pack.patterns.get("elected")
    return re.compile(rf"\s(?:{joiners}|{elected})\s" if elected else rf"\s(?:{joiners})\s")


@lru_cache(maxsize=8)
def _name_first_pattern(pack: LanguagePack) -> re.Pattern[str]:
    joiners = "|".join(sorted(pack.role_after_name))
    elected = pack.patterns.get("elected")
    if elected:
        joiners = f"{joiners}|{elected}"
    name = name_pattern(pack).pattern
    conjunctions = "|".join(sorted(pack.list_conjunctions))
    names = rf"{name}(?:(?:\s*,\s*(?:(?:{conjunctions})\s+)?|\s+(?:{conjunctions})\s+){name}){{0,4}}"
    article = pack.patterns.get("definite")
    lead = rf"(?:(?i:{article})\s+)?" if article else ""
    respectively = pack.patterns.get("respectively")
    each = rf"(?:,?\s+(?:{respectively}))?,?" if respectively else ""  # "A dan B, masing-masing sebagai …"
    return re.compile(rf"(?P<names>{names}){each}\s+(?:{joiners})\s+{lead}(?=\S)")


def _names_listed(text: str, offset: int, pack: LanguagePack) -> list[tuple[int, str]]:
    """Split "A, B dan C" into the people it lists, each with where it stands; [] if one is not a person."""
    out = []
    runs = list(name_pattern(pack).finditer(text))
    for m in runs:
        person = _trailing_name(m.group(0), pack)
        if person is None or not is_person_name(person, pack):
            return []
        out.append((offset + m.end() - len(person), person))
    gaps = [text[a.end():b.start()] for a, b in zip(runs, runs[1:], strict=False)]
    return out if all(list_separator(pack).match(g) for g in gaps) else []


def _offices_listed(text: str, pos: int, pack: LanguagePack) -> list[Office]:
    """Read "Presiden dan Wakil Presiden Indonesia" as two offices; a qualifier at the end is both offices'."""
    offices: list[Office] = []
    while (office := office_at(text, pos, pack)) is not None and not office.former:
        offices.append(office)
        joined = list_separator_at(text, office.end, pack)
        if joined is None:
            break
        pos = joined
    return offices


def list_separator_at(text: str, pos: int, pack: LanguagePack) -> int | None:
    """Return where the next item of a list begins, if a list separator (", ", " dan ") stands at pos."""
    joiners = "|".join(sorted(pack.list_conjunctions))
    m = re.match(rf"\s*(?:,\s*(?:(?:{joiners})\s+)?|\s(?:{joiners})\s+)", text[pos:])
    return pos + m.end() if m else None


def _with(office: Office, qualifiers: tuple[Qualifier, ...]) -> Office:
    return Office(office.start, office.end, office.title, office.title_span, office.qualifiers + qualifiers,
                  office.former, office.person)


def _trailing_name(run: str, pack: LanguagePack) -> str | None:
    """Return the person's name a run of capitalised words ends with (its titles and places left out), if any."""
    offices = [o for o in offices_in(run, pack) if o.person is not None and o.person.end == len(run)]
    if offices:
        return offices[-1].person.text
    return run if is_person_name(run, pack) else None


def _fact(sentence: Sentence, context: ArticleContext, office: str, parsed: Office, start: int, person: str,
          nationality: str = "") -> Fact:
    """Build the fact that a person holds an office (qualified by `nationality` when the office itself is not); the
    person is the full name the article gives, the span where the sentence names them."""
    qualified = parsed.qualified or bool(nationality)
    key = parsed.key(context.pack)
    if nationality:
        key = f"{key} {fold(nationality)}"
    full = context.full_name(person, sentence.index) or person
    return Fact(
        kind="role",
        subject=office,
        value=full,  # "Presiden Prabowo": the office is Prabowo Subianto's, as the article names him in full
        subject_key=key if qualified else "bare:" + key,
        value_key=person_key(full),
        sentence=sentence,
        span=(start, start + len(person)),
        detail={"title": parsed.title, "qualified": qualified},
    )


def _nationality(person: str, context: ArticleContext) -> str:
    """Find the country an article ties a person to ("Tokayev dari Kazakhstan"), or ''."""
    return context.nationalities.get(fold(person.split()[-1]), "")

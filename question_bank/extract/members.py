"""Members and former members of an organisation, from lists and membership phrases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from question_bank.entities import Mention, OrgMention, find_countries, list_separator
from question_bank.extract.context import ArticleContext
from question_bank.extract.referents import org_mentions, organisation_before, referent
from question_bank.extract.registry import extractor
from question_bank.lang import LanguagePack
from question_bank.model import Fact, Sentence
from question_bank.sentences import LIST_ITEM

# Phrases are matched on the sentence with each organisation's name masked by these marks (same length, so every
# offset still holds): one pattern then reads "CSTO", "Uni Eropa" and "the Gulf Cooperation Council (GCC)" alike.
_MARK, _MARK_TAIL = "\ue000", "\ue001"
#: an organisation's name in a masked sentence
ORG = f"{_MARK}{_MARK_TAIL}*(?!{_MARK_TAIL})"
#: how far past a country a phrase about it may begin, skipping a clause set off by commas
_APPOSITIVE = re.compile(r"^,[^,.;]{1,100},")
#: how far before a list's lead a word may still qualify it ("candidates but not yet members, including …")
_LEAD_REACH = 25
#: The longest a list's lead or "ORG, yaitu" runs before the list: the patterns end where the list starts, so
#: searching further back only tries starts that cannot match (each part of them is bounded; a lead is ~200 chars).
_LEAD_WINDOW = 400


@dataclass(frozen=True)
class _Phrases:
    #: what may stand before a list of members ("beranggotakan", "terdiri dari enam negara:", "members include")
    lead: re.Pattern[str]
    #: what in a list's lead makes its countries something else (partners, observers, candidates)
    not_member: re.Pattern[str]
    #: what after a list says its countries are not members ("… are not members")
    not_member_after: re.Pattern[str]
    #: an organisation's name and what introduces its members ("negara ASEAN seperti", "OPEC, including")
    org_list: re.Pattern[str]
    #: after a country (or a list), what makes it a member of the organisation that follows ("joined", "resmi menjadi
    #: anggota"), or of the one meant when none follows ("bergabung pada 1984")
    joined: re.Pattern[str]
    #: after a country (or a list), what makes it a former member of the organisation that follows ("withdrew from")
    left: re.Pattern[str]
    #: after a country, a membership ended that need not name the organisation ("suspended its membership")
    ended: re.Pattern[str]
    #: after a country, what makes it a member of the organisation that must follow ("as non-permanent members of")
    member_as: re.Pattern[str]
    #: "… and is also part of": a second phrase about the same country
    and_then: re.Pattern[str]
    #: "Brunei joined in 1984, Vietnam in 1995": what stands between a phrase and a later country that shares it
    gapped: re.Pattern[str]
    #: what follows a country that shares an earlier phrase: its own date ("Vietnam in 1995")
    gapped_date: re.Pattern[str]
    #: what may follow a joining phrase that names no organisation: a date, a comma, the end
    no_object: re.Pattern[str]
    #: the organisation a phrase goes on to: its name (possibly after "the", "aliansi"), or its kind ("the bloc")
    slot: re.Pattern[str]
    #: one member named next to its organisation ("anggota CSTO Kazakhstan", "NATO member Turkey")
    member_of: re.Pattern[str]
    #: a membership that ended ("Uzbekistan menjadi anggota aliansi CSTO hingga tahun 2012")
    member_until: re.Pattern[str]
    #: a membership set off by commas after the country ("Turkey, a NATO member since 1952, …")
    member_aside: re.Pattern[str]
    #: a former membership set off by commas after the country ("Qatar, a former OPEC member, …")
    former_aside: re.Pattern[str]
    #: "Rusia … dengan lima negara anggota lainnya": the country before the list's lead is a member too
    with_others: re.Pattern[str]
    #: what stands between two items of a list (", ", ", and the ", " dan ")
    separator: re.Pattern[str]
    #: what stands between a numbered item's mark and its country ("8. the Netherlands")
    item_article: re.Pattern[str]


@lru_cache(maxsize=8)
def _phrases(pack: LanguagePack) -> _Phrases:
    """Compile the pack's membership phrases (see the pack's `patterns`: member_lead, joined_after, …)."""
    p = pack.patterns
    article = p["list_article"]
    return _Phrases(
        # the lead's own list follows it: a short noun phrase, at most a comma and a word that introduces the list
        lead=re.compile(rf"(?:{p['member_lead'].replace('{org}', ORG)})[^.;,]{{0,50}}"
                        rf"(?:,\s*(?:{p['list_intro']})\b[^.;,]{{0,20}})?$", re.IGNORECASE),
        not_member=re.compile(rf"(?<![\w-])(?:{p['not_member']})(?![\w-])", re.IGNORECASE),
        not_member_after=re.compile(p["not_member_after"], re.IGNORECASE),
        org_list=re.compile(rf"(?P<org>{ORG})(?:{p['org_list']})$", re.IGNORECASE),
        joined=re.compile(p["joined_after"]),
        left=re.compile(p["left_after"]),
        ended=re.compile(p["ended_after"]),
        member_as=re.compile(p["member_as_after"]),
        and_then=re.compile(p["and_then"]),
        gapped=re.compile(p["gapped"]),
        gapped_date=re.compile(p["gapped_date"]),
        no_object=re.compile(p["no_object"]),
        # the organisation itself, not a thing of it: "withdrew from NATO's command", "left the EU single market"
        slot=re.compile(rf"\s+(?:(?:{p['org_lead_words']})\s+)?(?P<org>{ORG})"
                        rf"(?=\s*$|\s*[^\w\s’']|\s+(?:(?:{p['after_org']})\b|[A-Z\d]))"
                        rf"|\s+(?P<anaphor>{p['org_anaphor']})"),
        member_of=re.compile(p["member_of"].replace("{org}", f"(?:{ORG})")),
        member_until=re.compile(p["member_until"].replace("{org}", f"(?:{ORG})")),
        member_aside=re.compile(p["member_aside"].replace("{org}", f"(?:{ORG})")),
        former_aside=re.compile(p["former_aside"].replace("{org}", f"(?:{ORG})")),
        with_others=re.compile(rf"^[^,.;:]{{0,50}}?(?<!\w)(?:{p['with_others']})", re.IGNORECASE),
        separator=list_separator(pack),
        item_article=re.compile(rf"(?:(?:{article})\s+)?$"),
    )


@dataclass(frozen=True)
class _Reading:
    """One sentence as the membership phrases read it: its text masked, its organisations and countries."""

    sentence: Sentence
    masked: str
    orgs: dict[int, OrgMention]
    countries: list[Mention]


@extractor("member")
def extract_members(context: ArticleContext) -> Iterator[Fact]:
    """Yield member and former_member facts stated in each sentence."""
    list_org: str | None = None  # the organisation whose members the list being read names
    for sentence in context.article.sentences:
        reading = _read(sentence, context)
        item = LIST_ITEM.match(sentence.text)
        if list_org and item:
            # "Anggota ASEAN adalah sebagai berikut:" then "1. Indonesia", "2. Malaysia": one member per item
            first = reading.countries[:1]
            if first and _phrases(context.pack).item_article.fullmatch(sentence.text, item.end(), first[0].start):
                yield _fact("member", list_org, first[0], sentence)
            continue
        list_org = _list_lead(reading, context)
        if not reading.countries:
            continue
        facts = [f for group in _lists(reading, context) for f in _list_facts(reading, group, context)]
        facts += [f for mention in reading.countries for f in _single_facts(reading, mention, context)]
        yield from _settled(facts + list(_gapped(reading, facts, context)))


def _read(sentence: Sentence, context: ArticleContext) -> _Reading:
    """Mask the organisations a sentence names and find its countries outside them ("Bank Indonesia" is none)."""
    text = sentence.text
    orgs = org_mentions(text, context)
    masked = text
    for org in orgs:
        masked = masked[:org.start] + _MARK + _MARK_TAIL * (org.end - org.start - 1) + masked[org.end:]
    countries = [c for c in find_countries(text, context.pack)
                 if not any(o.start <= c.start < o.end for o in orgs)]
    return _Reading(sentence, masked, {o.start: o for o in orgs}, countries)


def _settled(facts: Iterable[Fact]) -> Iterator[Fact]:
    """Yield each fact once; a country a sentence says joined and then left is a former member only."""
    unique = {(f.kind, f.subject_key, f.value_key): f for f in facts}
    for (kind, org, country), fact in unique.items():
        if kind == "member" and ("former_member", org, country) in unique:
            continue  # "joined in 2012, but its membership was suspended in 2016"
        yield replace(fact, detail={"display": fact.detail["display"]})  # where its phrase ended is no one's business


def _list_lead(reading: _Reading, context: ArticleContext) -> str | None:
    """Return the organisation whose members a colon-ended lead names in the list below it, else None."""
    text = reading.sentence.text
    if not text.endswith(":"):
        return None
    phrases = _phrases(context.pack)
    before = reading.masked[:-1]
    lead = phrases.lead.search(before, max(0, len(before) - _LEAD_WINDOW))
    if not lead or phrases.not_member.search(before, max(0, lead.start() - _LEAD_REACH)):
        return None
    return organisation_before(context, reading.sentence, len(before))


def _lists(reading: _Reading, context: ArticleContext) -> list[list[Mention]]:
    """Group country mentions into lists joined by commas and a final conjunction."""
    groups: list[list[Mention]] = []
    current: list[Mention] = []
    separator = _phrases(context.pack).separator
    text = reading.sentence.text
    for mention in reading.countries:
        if current and separator.match(text[current[-1].end:mention.start]):
            current.append(mention)
            continue
        if len(current) >= 2:
            groups.append(current)
        current = [mention]
    if len(current) >= 2:
        groups.append(current)
    return groups


def _list_facts(reading: _Reading, group: list[Mention], context: ArticleContext) -> Iterator[Fact]:
    """Yield the membership a list states: by what follows it ("… joined BRICS", "… left the council") and by its
    own lead ("beranggotakan", "founded by", "OPEC, including"), unless the lead makes them partners or observers."""
    start, end = group[0].start, group[-1].end
    following = [c.start for c in reading.countries if c.start >= end]
    for kind, org, phrase_end in _tail(reading, end, following[0] if following else len(reading.masked), context):
        yield from (_fact(kind, org, mention, reading.sentence, phrase_end) for mention in group)
    phrases = _phrases(context.pack)
    if phrases.not_member_after.match(reading.masked[end:]):
        return
    named = phrases.member_of.search(reading.masked, max(0, start - 40), start)
    # "NATO members Turkey and Hungary": the organisation before the list's first item, else the list's lead
    org = reading.orgs[named.start("org")].canonical if named else _led_org(reading, start, context)
    if org is None:
        return
    for mention in group:
        yield _fact("member", org, mention, reading.sentence)
    yield from _with_others(reading, group[0], org, context)


def _led_org(reading: _Reading, start: int, context: ArticleContext) -> str | None:
    """Return the organisation a list's lead gives its members to, or None if its lead names no members."""
    phrases = _phrases(context.pack)
    before = reading.masked[:start]
    lead = phrases.lead.search(before, max(0, len(before) - _LEAD_WINDOW))
    if lead and not phrases.not_member.search(before, max(0, lead.start() - _LEAD_REACH)):
        return organisation_before(context, reading.sentence, start)
    named = phrases.org_list.search(before, max(0, len(before) - _LEAD_WINDOW))
    if named and not phrases.not_member.search(before, max(0, named.start() - 40)):
        return reading.orgs[named.start("org")].canonical
    return None


def _with_others(reading: _Reading, first: Mention, org: str, context: ArticleContext) -> Iterator[Fact]:
    """Yield the country that leads "with five other members, namely …": it is a member too."""
    earlier = [c for c in reading.countries if c.end <= first.start]
    if not earlier:
        return
    subject = earlier[-1]
    others = _phrases(context.pack).with_others.match(reading.masked[subject.end:first.start])
    if others:
        yield _fact("member", org, subject, reading.sentence)


def _slot(reading: _Reading, pos: int, context: ArticleContext, optional: bool) -> tuple[str | None, int]:
    """Return the organisation a phrase ending at `pos` goes on to name, and where its name ends; if `optional`, the
    one meant when it names none and a date or the clause's end follows ("joined in 1984")."""
    phrases = _phrases(context.pack)
    m = phrases.slot.match(reading.masked, pos)
    if m and m.group("org"):
        return reading.orgs[m.start("org")].canonical, m.end()
    if m:
        return referent(context, reading.sentence, m.start("anaphor"), m.group("kind")), m.end()
    if optional and phrases.no_object.match(reading.masked, pos):
        return referent(context, reading.sentence, pos), pos
    return None, pos


def _tail(reading: _Reading, pos: int, limit: int, context: ArticleContext) -> list[tuple[str, str, int]]:
    """Read the membership phrases that begin at `pos` ("joined BRICS", "… and is also part of the AFC"): each as
    its kind, organisation and where it ends."""
    phrases = _phrases(context.pack)
    readings = ((phrases.left, "former_member", False), (phrases.ended, "former_member", True),
                (phrases.joined, "member", True), (phrases.member_as, "member", False))
    found: list[tuple[str, str, int]] = []
    while True:
        hit = None
        rest = reading.masked[pos:limit]
        for pattern, kind, optional in readings:
            m = pattern.match(rest)
            org, end = _slot(reading, pos + m.end(), context, optional) if m else (None, pos)
            if org:
                hit = (kind, org, end)
                break
        if hit is None:
            return found
        found.append(hit)
        more = phrases.and_then.match(reading.masked[hit[2]:limit])
        if more is None:
            return found
        pos = hit[2] + more.end()


def _single_facts(reading: _Reading, mention: Mention, context: ArticleContext) -> Iterator[Fact]:
    """Yield what a phrase right after (or just before) one country says of its membership."""
    masked = reading.masked
    phrases = _phrases(context.pack)
    sentence = reading.sentence
    # the phrase is short: look only just before the country, so a long sentence costs no more
    named = phrases.member_of.search(masked, max(0, mention.start - 40), mention.start)
    if named:
        yield _fact("member", reading.orgs[named.start("org")].canonical, mention, sentence)
    following = [c.start for c in reading.countries if c.start > mention.start]
    limit = following[0] if following else len(masked)
    starts = [mention.end]
    aside = _APPOSITIVE.match(masked[mention.end:limit])
    if aside:
        # "Russia, which was suspended from the G8 in 2014, remains a member of the G20"
        starts.append(mention.end + aside.end())
    for pos in starts:
        for kind, org, end in _tail(reading, pos, limit, context):
            yield _fact(kind, org, mention, sentence, end)
    window = masked[mention.end:min(limit, mention.end + 120)]
    for pattern, kind in ((phrases.member_until, "former_member"), (phrases.member_aside, "member"),
                          (phrases.former_aside, "former_member")):
        found = pattern.match(window)
        if found:
            yield _fact(kind, reading.orgs[mention.end + found.start("org")].canonical, mention, sentence)


def _gapped(reading: _Reading, facts: list[Fact], context: ArticleContext) -> Iterator[Fact]:
    """Yield the countries that share an earlier country's phrase with only a date of their own: "Brunei joined in
    1984, Vietnam in 1995, Laos and Myanmar in 1997"."""
    phrases = _phrases(context.pack)
    masked, text = reading.masked, reading.sentence.text
    for fact in facts:
        end = fact.detail.get("phrase_end")
        if end is None:
            continue
        run: list[Mention] = []
        for country in (c for c in reading.countries if c.start >= end):
            if run and phrases.separator.match(text[run[-1].end:country.start]):
                run.append(country)
            elif not run and phrases.gapped.match(masked[end:country.start]):
                run = [country]
            else:
                break  # a run with no date of its own shares nothing
            if phrases.gapped_date.match(masked[country.end:]):
                yield from (_fact(fact.kind, fact.subject_key, c, reading.sentence, c.end) for c in run)
                end, run = country.end, []


def _fact(kind: str, org: str, mention: Mention, sentence: Sentence, phrase_end: int | None = None) -> Fact:
    """Build a membership fact; `phrase_end` is where the phrase that states it ends, for countries that share it."""
    detail = {"display": mention.canonical}
    if phrase_end is not None:
        detail["phrase_end"] = phrase_end
    return Fact(
        kind=kind,
        subject=org,
        value=mention.text,
        subject_key=org,
        value_key=mention.canonical,
        sentence=sentence,
        span=(mention.start, mention.end),
        detail=detail,
    )

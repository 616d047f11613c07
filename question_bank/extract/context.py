"""What every extractor knows about the article it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from question_bank.entities import NAME_WORD, main_organisation, organisation_index, person_names
from question_bank.extract.article_date import ArticleDate, article_date
from question_bank.extract.offices import offices_in
from question_bank.lang import LanguagePack
from question_bank.model import Article
from question_bank.organisations import OrganisationIndex
from question_bank.text import fold

# "Joko Widodo (Jokowi)": the name the article goes on to use, in brackets after the full one.
_NICKNAME = re.compile(rf"\s*\(({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\)")


@dataclass(frozen=True)
class ArticleContext:
    """An article with its language pack and what the whole article says about its subject."""

    article: Article
    pack: LanguagePack

    @classmethod
    def of(cls, article: Article, pack: LanguagePack) -> ArticleContext:
        """Build the context of one article; what it knows of the whole article is read when first asked."""
        return cls(article, pack)

    @cached_property
    def own_date(self) -> ArticleDate:
        """When the article was written, as far as its dateline, publication line or dates tell."""
        return article_date(self.article, self.pack)

    @cached_property
    def main_org(self) -> str | None:
        """The organisation the article is about: the one it names most often."""
        return main_organisation(self.article, self.pack, self.organisations)

    @cached_property
    def organisations(self) -> OrganisationIndex:
        """What the article calls its organisations: names it gives an acronym, acronyms it writes."""
        texts = [self.article.headline or "", *(s.text for s in self.article.sentences)]
        return organisation_index(texts, self.pack)

    @cached_property
    def people(self) -> dict[str, str]:
        """Every name (folded) by which the article may call a person it names in full -> that full name: the full
        name, each of its words ("Anwar", "Ibrahim"), its tails ("von der Leyen") and a nickname in brackets
        ("Jokowi"); a short name that two people share is left out."""
        return {short: names[0][1] for short, names in self._short_names.items() if len(names) == 1}

    @cached_property
    def nationalities(self) -> dict[str, str]:
        """Each word (folded) the article ties to a country right after it ("Tokayev dari Kazakhstan") -> that
        country; a word tied to two countries is left out."""
        found: dict[str, set[str]] = {}
        pattern = _origin(self.pack)
        for sentence in self.article.sentences:
            for m in pattern.finditer(sentence.text):
                country = self.pack.countries.get(fold(m.group(2)))
                if country:
                    found.setdefault(fold(m.group(1)), set()).add(country)
        return {word: countries.pop() for word, countries in found.items() if len(countries) == 1}

    def full_name(self, name: str, index: int | None = None) -> str | None:
        """Return the full name of the person a (short) name stands for in the sentence at `index`, or None.

        A short name two people share ("Kumar") stands for the one named before that sentence, if only one was.
        """
        key = (name, index)
        if key not in self._resolved:
            names = self._short_names.get(fold(name), ()) or self._blended(name)
            if len(names) > 1 and index is not None:
                names = tuple(n for n in names if n[0] <= index)
            self._resolved[key] = names[0][1] if len(names) == 1 else None
        return self._resolved[key]

    @cached_property
    def _resolved(self) -> dict[tuple[str, int | None], str | None]:
        """The names already resolved, each with the sentence it was read in."""
        return {}

    def _blended(self, name: str) -> tuple[tuple[int, str], ...]:
        """Return the people a one-word name is made of the names of: "Jokowi" (Joko Widodo), "SBY" (Susilo
        Bambang Yudhoyono)."""
        if " " in name or len(name) < 3:
            return ()
        people = {full: index for names in self._short_names.values() for index, full in names}
        return tuple(sorted((index, full) for full, index in people.items()
                            if _blend_of(name, [w for w in full.split() if w not in self.pack.name_particles])))

    @cached_property
    def _short_names(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Map each short name (folded) to the people it may stand for: (first sentence naming them, full name)."""
        people = _people(self.article, self.pack)
        out: dict[str, list[tuple[int, str]]] = {}
        for index, full, nicknames in people:
            for short in set(_short_forms(full, self.pack)) | {fold(n) for n in nicknames}:
                out.setdefault(short, []).append((index, full))
        return {short: tuple(sorted(names)) for short, names in out.items()}


@lru_cache(maxsize=8)
def _origin(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a name tied to where it is from ("Tokayev dari Kazakhstan")."""
    return re.compile(rf"({NAME_WORD})\s+(?:{pack.patterns['origin']})\s+(\w+)")


@lru_cache(maxsize=8)
def _called(pack: LanguagePack) -> re.Pattern[str]:
    """Return the pattern of a nickname given after a name ("…, yang akrab disapa Roy", "…, known as Lula")."""
    nickname = pack.patterns.get("nickname", r"(?!)")
    return re.compile(rf"(?:{nickname})({NAME_WORD}(?:\s+{NAME_WORD})?)")


def _people(article: Article, pack: LanguagePack) -> list[tuple[int, str, set[str]]]:
    """Collect the people an article names in full, once each: (first sentence, fullest name, nicknames).

    A full name is two or more words, or one word an office names ("Menteri Luar Negeri Sugiono").
    """
    mentions: list[tuple[int, str, str]] = []  # (sentence, name, nickname or "")
    for sentence in article.sentences:
        text = sentence.text
        offices = [o for o in offices_in(text, pack) if o.person is not None]
        # an office reads its holder's name better than a run of capitals does ("Chancellor of the Exchequer …")
        named = [o.person for o in offices] + [
            m for m in person_names(text, pack, full=True) if len(_named_words(m.text, pack)) >= 2
            and not any(m.start < o.person.end and o.start < m.end for o in offices)]
        for mention in named:
            nickname = _NICKNAME.match(text, mention.end) or _called(pack).match(text, mention.end)
            mentions.append((sentence.index, mention.text, nickname.group(1) if nickname else ""))
    people: list[tuple[int, str, set[str]]] = []
    for index, name, nickname in sorted(mentions, key=lambda m: (-len(m[1]), m[0])):
        key = fold(name)
        same = next((p for p in people if key in _short_forms(p[1], pack)), None)
        if same is None:
            people.append((index, name, {nickname} - {""}))
            continue
        if nickname:
            same[2].add(nickname)
        if index < same[0]:
            people[people.index(same)] = (index, same[1], same[2])
    return people


def _blend_of(word: str, names: list[str]) -> bool:
    """Say whether a word is the initials of three or more names ("SBY"), or two names' heads joined ("Jokowi")."""
    if len(names) >= 3 and word.isupper():
        return word == "".join(n[0] for n in names).upper()
    if len(names) < 2 or word.isupper():
        return False
    low, first, second = fold(word), fold(names[0]), fold(names[-1])
    return any(low[:i] == first[:i] and len(low) - i >= 2 and second.startswith(low[i:])
               for i in range(2, min(len(first), len(low) - 1) + 1)) and low != first and low != second


def _named_words(name: str, pack: LanguagePack) -> list[str]:
    return [w for w in name.split() if w not in pack.name_particles]


@lru_cache(maxsize=16384)
def _short_forms(full: str, pack: LanguagePack) -> tuple[str, ...]:
    """Return the folded names a person named in full may be called by: the full name, each word, and each run of
    words ("Lula da Silva", "von der Leyen", "bin Salman"), none of them a particle alone."""
    # asked of every person each time a name is compared with those already met: worked out once per name
    words = full.split()
    forms = []
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if words[j - 1] in pack.name_particles:
                continue  # a run ends on a name, not on "da"
            run = words[i:j]
            if all(w in pack.name_particles for w in run):
                continue
            if run[0] in pack.name_particles and i > 0 and words[i - 1] in pack.name_particles:
                continue  # "der Leyen" is no name of its own; "von der Leyen" is
            forms.append(fold(" ".join(run)))
    return tuple(forms)

"""The shape of a language pack."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, eq=False)
class LanguagePack:
    """Everything language-specific the stages need; no stage hard-codes a word of any language."""

    code: str
    #: month name (folded) -> month number
    months: Mapping[str, int]
    #: weekday name -> its number, Monday 0 (as datetime counts), which may precede a date ("Minggu (27/11/2022)")
    weekdays: Mapping[str, int]
    #: number words -> value
    number_words: Mapping[str, int]
    #: variant (folded) -> canonical display name of a country
    countries: Mapping[str, str]
    #: variant (folded) -> canonical display name of a place that is not a country (city, region, body)
    places: Mapping[str, str]
    #: words that join the last item of a list ("dan")
    list_conjunctions: frozenset[str]
    #: speech verbs that follow a quotation ("kata", "ujar", ... and their -nya forms)
    after_quote_verbs: frozenset[str]
    #: speech verbs that introduce reported speech ("mengatakan", ...)
    before_quote_verbs: frozenset[str]
    #: words that mark a quotation's source as a publication, not a person ("laporan", "pernyataan")
    source_nouns: frozenset[str]
    #: words that cite a source ("menurut", "dikutip") and so mark a clause as attribution, not event
    citation_words: frozenset[str]
    #: office titles, longest first when matched ("Perdana Menteri", "Juru bicara")
    titles: tuple[str, ...]
    #: the word that introduces an office after a name ("selaku")
    role_after_name: frozenset[str]
    #: nouns that a count may qualify, mapped to their unit ("negara" -> "negara")
    counted_nouns: frozenset[str]
    #: words that scale a figure ("juta" -> 1e6); the card keeps the word as the text states it
    scale_words: Mapping[str, float]
    #: words and signs that make a figure a percentage ("persen", "%")
    percent_words: frozenset[str]
    #: a written ordinal, its number in group n ("ke-(?P<n>\\d{1,3})" for "KTT ke-32", "(?P<n>\\d{1,3})th")
    ordinal_pattern: str
    #: how an ordinal is written back ("ke-32", "32nd")
    ordinal_format: Callable[[int], str]
    #: ordinal words -> their number ("kesembilan" -> 9)
    ordinal_words: Mapping[str, int]
    #: fraction words -> their value ("sepertiga" -> 1/3), asked only before `fraction_link`
    fraction_words: Mapping[str, float]
    #: the word that ties a fraction to its whole ("dari" in "sepertiga dari")
    fraction_link: str
    #: currency names and signs: an amount of money is not a count ("Rp", "dolar")
    currency_words: frozenset[str]
    #: words that are never the noun a number counts (prepositions, conjunctions, adverbs of time)
    function_words: frozenset[str]
    #: words after which a figure names a thing, not a count ("Pasal 5", "pukul 10", "halaman 3")
    identifier_words: frozenset[str]
    #: phrases whose paragraph is page furniture (menus, share buttons, bylines)
    furniture_prefixes: tuple[str, ...]
    #: whole-line furniture (case-insensitive exact lines)
    furniture_lines: frozenset[str]
    #: pronouns that refer back to the last named speaker ("-nya" forms are handled by the verb list)
    pronouns: frozenset[str]
    #: aliases that name a country by epithet ("Negeri Beruang Merah") -> canonical country
    epithets: Mapping[str, str]
    #: card templates by name
    templates: Mapping[str, str]
    #: what a person of a country is called (lower-case) -> canonical country ("malaysian" -> "Malaysia")
    demonyms: Mapping[str, str] = field(default_factory=dict)
    #: a short or spoken form of a title (lower-case) -> its full form ("sekjen" -> "sekretaris jenderal")
    title_aliases: Mapping[str, str] = field(default_factory=dict)
    #: the lower-case words inside a person's name ("bin", "van", "der", "da")
    name_particles: frozenset[str] = frozenset()
    #: words of courtesy before a name that are not the name ("Prince", "Pangeran", "Sheikh")
    honorifics: frozenset[str] = frozenset()
    #: words that make a capitalised phrase an organisation or a building, never a person ("Bank", "Partai")
    organisation_words: frozenset[str] = frozenset()
    #: the fields an office is over ("Energi", "Foreign", "Affairs"): "Menteri Energi", "Minister for Trade"
    office_fields: frozenset[str] = frozenset()
    #: the mark between thousands and the decimal mark ("3.380,5" in Indonesian, "3,380.5" in English)
    group_mark: str = "."
    decimal_mark: str = ","
    #: words written with a stop that ends no sentence, lower-case, without the stop ("dr", "jl", "u.s", "nov")
    abbreviations: frozenset[str] = frozenset()
    #: frequent function words, by which an article's language is told ("yang", "the")
    common_words: frozenset[str] = frozenset()
    #: how a date is written on a card: "{day} {month} {year}" or "{month} {day}, {year}"
    date_format: str = "{day} {month} {year}"
    #: named regular expressions the stages apply (member leads, event verbs, …): see each stage for its names
    patterns: Mapping[str, str] = field(default_factory=dict)
    #: organisations the news names often, by every name and acronym (folded) -> the acronym the cards use
    organisations: Mapping[str, str] = field(default_factory=dict)
    #: words written in capitals that name no organisation (a summit, a time zone, an office)
    not_organisations: frozenset[str] = frozenset()
    #: phrases that, opening a sentence, point back to what came before ("hal ini", "langkah tersebut", "ia"):
    #: a cloze made of such a sentence does not stand alone
    context_dependent_openers: tuple[str, ...] = ()
    #: words that point back when they close a sentence's opening noun phrase ("survei tersebut", "keputusan
    #: itu"); empty for a language whose demonstratives come first (they belong in the openers)
    trailing_demonstratives: frozenset[str] = field(default_factory=frozenset)
    #: words that speak of membership, matched inside longer words too ("anggota" in "keanggotaan"): a country a
    #: sentence names with one, in an article listing an organisation's members, may be a member no extractor
    #: read, so it is never a wrong option
    membership_words: frozenset[str] = field(default_factory=frozenset)

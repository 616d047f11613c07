"""The English language pack."""

from __future__ import annotations

from question_bank.lang.cldr import city_names, country_names
from question_bank.lang.pack import LanguagePack

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "a hundred": 100, "a thousand": 1000,
}

_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12,
}

# CLDR's English names, under the canonical names below where news writes another form, with the variants
# CLDR lacks ("Bosnia & Herzegovina" has a sign the gazetteer cannot match).
_COUNTRY_VARIANTS = {
    "United States": ["us", "u.s", "u.s.", "usa", "america", "united states of america"],
    "United Kingdom": ["uk", "britain", "great britain"],
    "Russia": ["russian federation"],
    "China": ["people’s republic of china", "prc"],
    "South Korea": ["republic of korea"],
    "North Korea": ["dprk"],
    "Czech Republic": ["czechia"],
    "Turkey": ["türkiye", "turkiye"],
    "Palestine": ["palestinian territories", "state of palestine"],
    "Ivory Coast": ["côte d’ivoire", "cote divoire", "côte d'ivoire"],
    "Democratic Republic of the Congo": ["dr congo", "drc", "congo-kinshasa"],
    "Republic of the Congo": ["congo", "congo-brazzaville"],
    "Bosnia and Herzegovina": ["bosnia", "bosnia-herzegovina"],
    "Trinidad and Tobago": [],
    "Antigua and Barbuda": [],
    "Saint Kitts and Nevis": [],
    "Saint Lucia": [],
    "Saint Vincent and the Grenadines": [],
    "Sao Tome and Principe": [],
    "Hong Kong": ["hong kong sar china"],
    "Macau": ["macao", "macao sar china"],
    "Myanmar": ["burma"],
    "Timor-Leste": ["east timor", "timor leste"],
    "Netherlands": ["holland", "the netherlands"],
    "United Arab Emirates": ["uae"],
    "Vatican City": ["holy see", "vatican"],
    "Eswatini": ["swaziland"],
    "Kyrgyzstan": ["kyrgyz republic"],
}

_PLACES = {
    "Kremlin": [], "Europe": [], "Asia": [], "Africa": [], "Eurasia": [], "Central Asia": [],
    "Southeast Asia": [], "South Asia": [], "East Asia": [], "Middle East": [], "Latin America": [],
    "South America": [], "North America": [], "Soviet Union": [], "Gulf": [], "Pacific": [], "Caribbean": [],
    "Washington": [], "Brussels": [], "Geneva": [], "Beijing": [], "New Delhi": [], "Delhi": [],
    "Rio de Janeiro": [], "Kazan": [], "Hiroshima": [], "Vienna": [], "Kyiv": ["kiev"], "The Hague": [],
    "Strasbourg": [], "Davos": [], "Nagorno-Karabakh": [], "Crimea": [], "Gaza": [], "West Bank": [],
}

# City names that are also given names or common words in English news.
_NOT_PLACE_NAMES = frozenset({"victoria", "regina", "adelaide", "darwin", "dawson", "denver", "phoenix",
                              "santiago", "chita", "kirov", "hope", "nelson", "eucla", "marengo", "lima"})


def _variants(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, others in table.items():
        out[canonical.lower()] = canonical
        for other in others:
            out[other] = canonical
    return out


def _countries() -> dict[str, str]:
    """Map every English name of a country (lower-case) to its canonical name: CLDR's, then the variants."""
    table = _variants(_COUNTRY_VARIANTS)
    out = {name.lower(): table.get(name.lower(), name) for name in country_names("en").values()}
    return {**out, **table}


def _places() -> dict[str, str]:
    cities = {name.lower(): name for name in city_names("en").values() if name.lower() not in _NOT_PLACE_NAMES}
    return {**cities, **_variants(_PLACES)}


def _ordinal(n: int) -> str:
    """Write 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 46th."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


PACK = LanguagePack(
    code="en",
    months=_MONTHS,
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
    number_words=_NUMBER_WORDS,
    countries=_countries(),
    places=_places(),
    list_conjunctions=frozenset({"and", "or", "as well as"}),
    after_quote_verbs=frozenset({
        "said", "says", "added", "told", "stated", "asked", "explained", "noted", "wrote", "continued",
        "insisted", "argued", "warned", "stressed", "declared", "remarked", "replied", "recalled", "concluded",
        "announced", "urged", "acknowledged", "admitted", "emphasised", "emphasized",
    }),
    before_quote_verbs=frozenset({
        "said", "says", "told", "stated", "declared", "announced", "added", "stressed", "warned", "wrote",
        "explained", "insisted", "emphasised", "emphasized",
    }),
    source_nouns=frozenset({
        "statement", "report", "office", "media", "website", "letter", "document", "article", "release",
        "communique", "communiqué", "declaration", "newspaper", "agency",
    }),
    citation_words=frozenset({"according to", "quoted by", "cited by", "reported by", "quoting", "citing"}),
    titles=(
        "Deputy Prime Minister", "Prime Minister", "Vice-President", "Vice President", "President",
        "Foreign Minister", "Foreign Secretary", "Defence Minister", "Defense Minister", "Finance Minister",
        "Energy Minister", "Oil Minister", "Trade Minister", "Interior Minister", "Sports Minister", "Minister",
        "Secretary of State", "Deputy Secretary-General", "Secretary-General", "Secretary General",
        "Press Secretary", "Spokesperson", "Spokesman", "Spokeswoman", "Chancellor", "Crown Prince", "King",
        "Queen", "Emir", "Sultan", "Governor", "Deputy Governor", "Mayor", "Ambassador", "Director-General",
        "Director General", "Director", "Chairman", "Chairwoman", "Chairperson", "Chair", "Chief Executive",
        "Commissioner", "General", "Commander", "Chief of Staff", "Speaker", "Senator", "Premier",
    ),
    role_after_name=frozenset({"as"}),
    counted_nouns=frozenset({
        "countries", "nations", "people", "victims", "soldiers", "troops", "personnel", "residents", "refugees",
        "weeks", "months", "days", "years", "members", "cities", "villages", "homes", "units", "states",
        "delegates", "delegations", "leaders", "seats", "votes",
    }),
    scale_words={"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12},
    percent_words=frozenset({"percent", "per cent", "%"}),
    ordinal_pattern=r"(?P<n>\d{1,3})(?:st|nd|rd|th)",
    ordinal_format=_ordinal,
    ordinal_words=_ORDINAL_WORDS,
    fraction_words={
        "half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "a quarter": 1 / 4,
        "one quarter": 1 / 4, "a fifth": 1 / 5, "two-thirds": 2 / 3, "two thirds": 2 / 3,
        "three-quarters": 3 / 4, "three quarters": 3 / 4, "a tenth": 1 / 10,
    },
    fraction_link="of",
    currency_words=frozenset({
        "us$", "usd", "$", "€", "£", "rp", "idr", "dollars", "dollar", "euros", "euro", "pounds", "rupiah", "yen",
        "yuan", "ringgit", "roubles", "rubles", "won", "pesos", "riyals", "rupees",
    }),
    function_words=frozenset({
        "the", "a", "an", "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or", "but", "than",
        "more", "less", "about", "around", "nearly", "almost", "over", "under", "up", "down", "per", "last",
        "next", "this", "that", "these", "those", "since", "until", "after", "before", "as", "is", "are", "was",
        "were", "be", "been", "has", "have", "had", "will", "would", "also", "into", "out", "its", "their",
        "said", "ago", "earlier", "later", "times", "between", "among", "each", "other", "others", "new",
    }),
    identifier_words=frozenset({
        "article", "section", "chapter", "page", "no", "number", "room", "floor", "route", "highway", "phase",
        "stage", "round", "game", "flight", "resolution", "year", "tier", "level", "group", "item", "point",
    }),
    furniture_prefixes=(
        "read more", "read also", "related:", "editor:", "reporting by", "editing by", "writing by",
        "additional reporting", "share this", "follow us", "advertisement", "sign up", "subscribe", "copyright",
        "©", "photo:", "image:", "tags:", "related posts", "you may also like", "more from author",
    ),
    furniture_lines=frozenset({"menu", "home", "advertisement", "video", "share", "world", "news"}),
    pronouns=frozenset({"he", "she"}),
    epithets={},
    templates={
        "member": "Which of these countries is a member of {subject}?",
        "member_negated": "Which of these countries is NOT a member of {subject}?",
        "former_member": "Which of these countries was a member of {subject} but has left?",
        "role": "Who holds the office of {subject}?",
        "speaker": "Who said: “{subject}”?",
        "cloze": "Complete the sentence: “{cloze}”",
        "cloze_attributed": "According to {source}, complete the sentence: “{cloze}”",
        "member_count": "How many member countries does {subject} have?",
        "explain_member": "{value} is a member of {subject}.",
        "explain_member_negated": "{value} is not a member of {subject}; its members include {others}.",
        "explain_former_member": "{value} has left {subject}.",
        "explain_role": "{value} holds the office of {subject}.",
        "explain_speaker": "{value} said this.",
        "explain_cloze": "The answer is {value}, as the article states.",
        "explain_disputed": "Other sources say {others}; this article says {value}.",
        "member_count_subject": "number of member countries of {org}",
    },
    group_mark=",",
    decimal_mark=".",
    common_words=frozenset({
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at", "from", "it",
        "are", "has", "have", "said", "will", "its", "their", "which", "were", "this", "after",
    }),
    date_format="{month} {day}, {year}",
    patterns={
        "member_lead": r"members?\b[^.;]{0,60}?\b(?:include|includes|including|are|is|comprise|comprises|namely)"
                       r"|compris(?:es|ing|ed of)|consists? of|made up of|(?:which|that|it) groups"
                       r"|groups together|brings together|bringing together|whose members are",
        "left_after": r"(?:have|has|had)\s+(?:since\s+)?(?:left|quit|withdrawn from|exited)\s+"
                      r"(?:the\s+)?(?:\w+\s+){0,2}?",
        "member_of": r"\b(?P<org>{org})\s+members?\s+$",
        "member_until": r"^\s+(?:was|had been|remained)\s+a\s+member\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}?(?P<org>{org})"
                        r"\s+until\s+\d{4}",
        "year_lead": r"in|since|until|by|early|late|mid|from|(?:end|start|beginning|middle|half|quarter) of",
        "year_word": r"the year",
        "event_verb": r"founded|established|formed|created|dissolved|set up",
        "range_joiner": r"to|until|through|-|–",
        "period_word": r"early|late|mid",
        "weekday_word": r"",
        "day_lead": r"on|since|until|till|from|to|through|by|before|after|and|or|between",
        "day_suffix": r"st|nd|rd|th",
        "future_marker": r"will|would|shall|due to|is to|are to|expects?|expected|set to|plans?|planned|aims?"
                         r"|hopes? to|intends? to|targets?|targeted|goal|forecasts?|projected|scheduled|next|upcoming"
                         r"|forthcoming",
        "deadline_lead": r"by|until|till|through|before|to|towards?",
        "last_year": r"last year|a year (?:ago|earlier)|the previous year|the year before",
        "next_year": r"next year|a year later|the following year",
        "this_year": r"this year",
        "empty_context": r"it|its|this|that|these|those|they|he|she|we|there|happened|occurred|took place|takes place"
                         r"|take place|event|events|incident|all|so",
        "deictic_opener": r"(?:this|that|these|those)\s+[^\W\d_]+|it|this|that|these|those|they|he|she|we",
        "range_open": r"between|from",
        "range_and": r"and|to|until|through",
        "published": r"(?:published|posted|updated|last updated|first published)(?:\s+on)?",
        "role_connector": r"for|and|of|in",
        "origin": r"from|of",
        "cited_speaker": r"quoting|citing",
        "country_noun": r"countries|nations|member states",
        "member_noun": r"members?",
        "others": r"other",
        "members_counted_lead": r"compris(?:es|ing)|consists? of|made up of|groups|brings together",
        "year_noun": r"years?",
        "caption_credit": r" (?:photo|image|picture):",
    },
)

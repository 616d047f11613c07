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
    "White House": [], "Downing Street": [], "Yugoslavia": [], "Czechoslovakia": [],
}

# City names that are also given names or common words in English news.
_NOT_PLACE_NAMES = frozenset({"victoria", "regina", "adelaide", "darwin", "dawson", "denver", "phoenix",
                              "santiago", "chita", "kirov", "hope", "nelson", "eucla", "marengo", "lima"})


# Organisations English news names often, by their names and acronyms, under the form news writes most: the key a
# card uses for each.
_ORGANISATIONS = {
    "ASEAN": ["association of southeast asian nations", "association of south east asian nations"],
    "NATO": ["north atlantic treaty organization", "north atlantic treaty organisation", "atlantic alliance"],
    "EU": ["european union"],
    "UN": ["united nations"],
    "UN Security Council": ["unsc", "united nations security council", "security council"],
    "African Union": ["au"],
    "OPEC": ["organization of the petroleum exporting countries", "organisation of the petroleum exporting countries"],
    "OPEC+": [],
    "BRICS": [],
    "Mercosur": [],
    "G20": ["group of 20", "group of twenty"],
    "G7": ["group of seven", "group of 7"],
    "G8": ["group of eight", "group of 8"],
    "SCO": ["shanghai cooperation organisation", "shanghai cooperation organization"],
    "CSTO": ["collective security treaty organization", "collective security treaty organisation"],
    "Non-Aligned Movement": ["nam"],
    "GCC": ["gulf cooperation council"],
    "OIC": ["organisation of islamic cooperation", "organization of islamic cooperation"],
    "APEC": ["asia-pacific economic cooperation", "asia pacific economic cooperation"],
    "IMF": ["international monetary fund"],
    "WTO": ["world trade organization", "world trade organisation"],
    "FIFA": [],
}

# Adverbs that may stand between a country and its membership verb ("Sweden formally became a member").
_ADVERBS = (r"(?:(?:has|have|had|also|since|formally|officially|finally|eventually|later|then|itself|now|still|first"
            r"|subsequently)\s+)*")
# What may qualify "member" ("a full member", "the tenth member", "non-permanent members").
_RANK = (r"(?:(?:a|an|the)\s+(?:(?:alliance|bloc|group|organi[sz]ation|union|council)['’]s\s+)?)?"
         r"(?:(?:full|formal|permanent|non-permanent|founding|new|only|[a-z]+th|\d+(?:st|nd|rd|th))\s+)?")
_MEMBERSHIP = {
    # members.py: what stands before a list of members ("members include", "founded by", "the bloc, which groups")
    "member_lead": r"members?\b[^.;]{0,60}?\b(?:include|includes|including|are|were|is|comprise|comprises|namely)"
                   r"|compris(?:es|ing|ed of)|consists? of|made up of|(?:which|that|it) (?:now )?groups"
                   r"|groups together|brings together|bringing together|whose members are|members?\s*:"
                   r"|(?:founded|established|formed|created|set up)\b[^.;:]{0,60}?\b(?:by|when)"
                   r"|founders?\b[^.;]{0,40}?\b(?:were|are|include|included|namely)"
                   r"|(?:has|have|had)\s+(?:\S+\s+){0,3}?members?\b"
                   r"|(?:joined|to join)\b[^.;]{0,40}?\b(?:were|are|was|is|namely)"
                   r"|seats?\b[^.;]{0,40}?\b(?:held|occupied)\s+by"
                   r"|{org}\s+(?:now\s+)?(?:groups|brings together|comprises|includes)",
    # members.py: words in a list's lead that make its countries something other than members
    "not_member": r"partners?|partnership|observers?|candidates?|candidacy|applicants?|applied|aspirants?|guests?"
                  r"|invit\w+|outside|non-members?|not (?:yet )?(?:a )?(?:full )?members?|associated?|neighbou?rs"
                  r"|rivals?|critics|opponents|dialogue|prospective|would-be|hopefuls?|want(?:s|ed)?|hop(?:e|es|ing)"
                  r"|seek(?:s|ing)?|plan(?:s|ning)?|bids?",
    # members.py: what after a list denies that its countries are members ("… are not members")
    "not_member_after": r"^[^.;]{0,30}?\b(?:(?:are|is|were|was)\s+not|none of which|neither|not yet)\b",
    # members.py: a word between a list's comma and its next country ("…, the Philippines")
    "list_article": r"the",
    # members.py: an organisation's name right before a list of its members ("OPEC members such as …")
    # members.py: words that introduce a list after its lead ("…, including")
    "list_intro": r"namely|including|such as|like|notably|among them",
    "org_list": r"\s*(?:countries|nations|members|member states|member countries)?\s*,?\s*"
                r"(?:such as|including|namely|like)\s*:?\s*",
    # members.py: after a country, what makes it a member of the organisation that follows, or of the one meant
    # when a date or the clause's end follows ("joined in 1984")
    "joined_after": rf"^(?:,\s*(?:which\s+)?)?\s*{_ADVERBS}"
                    rf"(?:joined|rejoined|re-joined|became\s+{_RANK}members?(?:\s+of)?"
                    rf"|(?:is|are|remains|remained|has\s+been|have\s+been)\s+(?:also\s+)?(?:still\s+)?"
                    rf"(?:one\s+of\s+(?:the\s+)?(?:\S+\s+)?)?{_RANK}members?(?:\s+of)?"
                    rf"|(?:was|were)\s+(?:re-?admitted|admitted|accepted)\s+(?:as\s+{_RANK}member|into|to)"
                    rf"|(?:is|are)\s+(?:also\s+)?(?:a\s+)?part\s+of"
                    rf"|(?:is|are|was|were)\s+among\s+the\s+(?:\S+\s+)?(?:founding\s+members|founders|members)\s+of)"
                    rf"(?![\w-])",
    # members.py: after a country, what makes it a member of the organisation that must follow
    "member_as_after": rf"^\s+as\s+{_RANK}members?\s+of(?=\s)"
                       r"|^,\s*[^,.;]{0,40}?\b(?:in|within)(?=\s+the\s+(?:group|bloc|alliance|organi[sz]ation)\b)",
    # members.py: after a country, what makes it a former member of the organisation that follows
    "left_after": rf"^(?:,\s*which\s+)?\s*{_ADVERBS}"
                  r"(?:left|quit|withdrew\s+from|withdrawn\s+from|exited|pulled\s+out\s+of"
                  r"|(?:was|were|has\s+been|have\s+been)\s+(?:suspended|expelled)\s+from"
                  r"|last\s+(?:served|sat)\s+on|was\s+last\s+a\s+(?:[\w-]+\s+)?member\s+of)(?=\s)",
    # members.py: a membership ended that names no organisation ("… suspended its membership")
    "ended_after": rf"^(?:,\s*which\s+)?\s*{_ADVERBS}"
                   r"(?:suspended\s+(?:its|their)\s+membership|quit(?=\s+(?:in|at|on)\s))"
                   r"|^[^.;]{0,50}?\b(?:but|and)\s+its\s+membership\s+(?:was|has\s+been)\s+suspended"
                   r"|^['’]s\s+membership\s+(?:was|has\s+been)\s+(?:suspended|revoked|terminated)",
    # members.py: "… joined FIFA in 1952 and is also part of the AFC": a second membership phrase of the same country
    "and_then": r"^[^,.;]{0,40}?\s(?:and)(?=\s)",
    # members.py: words that may follow an organisation's name in a membership phrase, where another noun would make
    # it a thing of the organisation ("left the EU single market")
    "after_org": r"in|on|at|since|during|after|before|as|and|but|or|to|for|over|amid|following|because|when|while"
                 r"|which|who|last|this|earlier|later|until|with|by|from|despite|although|though|itself|altogether"
                 r"|completely|formally|officially|entirely",
    # members.py: what may follow a joining phrase that names no organisation ("joined in 1984")
    "no_object": r"\s*(?:(?:in|on|at|since|during|after|despite|although|though|because|but|and)\b|,|\.|;|$)",
    # members.py: "Brunei joined in 1984, Vietnam in 1995": a later country that shares the verb
    "gapped": r"^\s+(?:in|on)\s+[^,.;]{1,30}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+)$",
    "gapped_date": r"^\s+(?:in|on)\s+\S",
    # members.py: words before an organisation's name that still point at it ("the military alliance NATO")
    "org_lead_words": r"(?:(?:of|in)\s+)?the(?:\s+(?:military\s+alliance|alliance|bloc|group|organi[sz]ation"
                      r"|grouping))?|of|in",
    # members.py: an organisation named by its kind ("the bloc", "the 15-member council"), read as the one meant
    "org_anaphor": r"the\s+(?:[\w-]+\s+)?(?:(?P<kind>council|union|assembly|commission|community|association"
                   r"|federation|forum)|bloc|group|alliance|organi[sz]ation|grouping|club|body)\b(?!['’]s)",
    # members.py: "Russia and five other members, namely …": the country before is a member too
    "with_others": r"(?:and|with|along with|together with|alongside)\s+(?:the\s+)?\S+\s+other\s+"
                   r"(?:members?|member states|member countries)\b",
}


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


# People and their offices (extract/offices.py): demonyms, short titles, name particles, courtesy words, the
# words of organisations' names and the fields an office is over ("Energy Minister", "Minister for Trade").
_DEMONYMS = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "angolan": "Angola", "argentine": "Argentina", "argentinian": "Argentina", "armenian": "Armenia",
    "australian": "Australia", "austrian": "Austria", "azerbaijani": "Azerbaijan", "azeri": "Azerbaijan",
    "bahraini": "Bahrain", "bangladeshi": "Bangladesh", "belarusian": "Belarus", "belgian": "Belgium",
    "bolivian": "Bolivia", "bosnian": "Bosnia and Herzegovina", "brazilian": "Brazil", "british": "United Kingdom",
    "bruneian": "Brunei", "bulgarian": "Bulgaria", "burmese": "Myanmar", "cambodian": "Cambodia",
    "cameroonian": "Cameroon", "canadian": "Canada", "chilean": "Chile", "chinese": "China",
    "colombian": "Colombia", "congolese": "Democratic Republic of the Congo", "croatian": "Croatia",
    "cuban": "Cuba", "cypriot": "Cyprus", "czech": "Czech Republic", "danish": "Denmark", "dutch": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates", "estonian": "Estonia",
    "ethiopian": "Ethiopia", "filipino": "Philippines", "finnish": "Finland", "french": "France",
    "georgian": "Georgia", "german": "Germany", "ghanaian": "Ghana", "greek": "Greece", "hungarian": "Hungary",
    "icelandic": "Iceland", "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq",
    "irish": "Ireland", "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "jordanian": "Jordan",
    "kazakh": "Kazakhstan", "kenyan": "Kenya", "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "lao": "Laos",
    "laotian": "Laos", "latvian": "Latvia", "lebanese": "Lebanon", "libyan": "Libya", "lithuanian": "Lithuania",
    "malaysian": "Malaysia", "maltese": "Malta", "mexican": "Mexico", "moldovan": "Moldova",
    "mongolian": "Mongolia", "montenegrin": "Montenegro", "moroccan": "Morocco", "nepalese": "Nepal",
    "nigerian": "Nigeria", "north korean": "North Korea", "norwegian": "Norway", "new zealand": "New Zealand",
    "omani": "Oman", "pakistani": "Pakistan", "palestinian": "Palestine", "paraguayan": "Paraguay",
    "peruvian": "Peru", "philippine": "Philippines", "polish": "Poland", "portuguese": "Portugal",
    "qatari": "Qatar", "romanian": "Romania", "russian": "Russia", "rwandan": "Rwanda", "saudi": "Saudi Arabia",
    "senegalese": "Senegal", "serbian": "Serbia", "singaporean": "Singapore", "slovak": "Slovakia",
    "slovenian": "Slovenia", "somali": "Somalia", "south african": "South Africa", "south korean": "South Korea",
    "spanish": "Spain", "sri lankan": "Sri Lanka", "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland",
    "syrian": "Syria", "taiwanese": "Taiwan", "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand",
    "tunisian": "Tunisia", "turkish": "Turkey", "turkmen": "Turkmenistan", "ugandan": "Uganda",
    "ukrainian": "Ukraine", "uruguayan": "Uruguay", "uzbek": "Uzbekistan", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "yemeni": "Yemen", "zimbabwean": "Zimbabwe",
}
_TITLE_ALIASES = {
    "secretary general": "secretary-general", "vice president": "vice-president", "director general":
    "director-general", "attorney-general": "attorney general", "ceo": "chief executive officer",
    "chief executive": "chief executive officer", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "defense minister": "defence minister", "defense secretary": "defence secretary", "chairman": "chair",
    "chairwoman": "chair", "chairperson": "chair", "vice chairman": "vice-chair", "vice-chairman": "vice-chair",
    "deputy chairman": "deputy chair",
}
_NAME_PARTICLES = frozenset({
    "bin", "binti", "bint", "ibn", "van", "von", "der", "den", "de", "da", "dos", "del", "della", "di", "du", "al",
    "el", "la", "le", "ter", "zu",
})
_HONORIFICS = frozenset({
    "prince", "princess", "sheikh", "sheikha", "sir", "dame", "lord", "lady", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "prof", "prof.", "gen", "gen.", "general", "lt", "lt.", "col", "col.", "colonel", "admiral",
    "marshal", "rev", "rev.", "father", "cardinal", "archbishop", "bishop", "rabbi", "imam",
})
_ORGANISATION_WORDS = frozenset({
    "bank", "party", "commission", "council", "association", "federation", "organization", "organisation", "union",
    "committee", "court", "ministry", "department", "agency", "assembly", "parliament", "alliance", "group", "fund",
    "office", "company", "corporation", "corp", "inc", "ltd", "institute", "university", "college", "school",
    "centre", "center", "conference", "summit", "treaty", "declaration", "community", "congress", "senate",
    "cabinet", "government", "forces", "army", "navy", "police", "stadium", "house", "museum", "hotel", "airport",
    "port", "street", "square", "palace", "hall", "church", "mosque", "hospital", "club", "league", "cup", "games",
    "championship", "exchange", "market", "bureau", "authority", "board", "service", "services", "foundation",
    "network", "times", "post", "news", "agreement", "accord", "pact", "forum", "secretariat", "coalition",
    "front", "movement", "initiative", "programme", "program", "project", "region", "province", "republic",
    "kingdom", "islands", "island", "river", "sea", "ocean", "bay", "mountain", "valley", "airlines", "airways",
    "holdings", "nations", "states", "emirates", "order", "system",
})
_OFFICE_FIELDS = frozenset({
    "foreign", "affairs", "home", "interior", "defence", "defense", "finance", "treasury", "economy", "economic",
    "energy", "oil", "petroleum", "mineral", "resources", "trade", "industry", "commerce", "agriculture",
    "health", "education", "justice", "labour", "labor", "transport", "tourism", "environment", "climate",
    "culture", "sports", "sport", "youth", "religious", "social", "communications", "information", "digital",
    "technology", "science", "research", "security", "national", "public", "works", "housing", "planning",
    "development", "state-owned", "enterprises", "investment", "fisheries", "maritime", "forestry", "water",
    "infrastructure", "immigration", "women", "children", "family", "human", "rights", "law", "legal",
    "political", "coordinating", "election", "elections", "monetary", "fiscal",
    "budget", "veterans", "homeland", "intelligence", "military", "food", "rural", "urban", "regional", "local",
    "cooperation", "international", "small", "business", "medium", "policy", "equality", "welfare", "pensions",
    "communities", "media", "arts", "heritage", "innovation", "space", "aviation", "railways",
    "consumer", "competition", "europe", "asia", "pacific", "operations", "state", "external", "internal",
})


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
        "adds", "tells", "observed", "conceded", "cautioned", "predicted", "promised", "vowed", "complained",
        "joked", "quipped", "tweeted", "posted", "pledged", "claimed", "suggested", "responded",
    }),
    before_quote_verbs=frozenset({
        "said", "says", "told", "stated", "declared", "announced", "added", "stressed", "warned", "wrote",
        "explained", "insisted", "emphasised", "emphasized",
        "noted", "argued", "asked", "replied", "tweeted", "posted", "urged", "acknowledged", "admitted",
        "cautioned", "vowed", "pledged", "claimed",
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
        "Commissioner", "Commander", "Chief of Staff", "Speaker", "Senator", "Premier",
        # more offices of states, parties, firms and teams
        "Deputy Minister", "Home Secretary", "Defence Secretary", "Defense Secretary", "Treasury Secretary",
        "Secretary", "Attorney General", "Attorney-General", "Vice-Chairman", "Vice Chairman", "Deputy Chairman",
        "Vice-Chair", "Deputy Chair", "Chief Economist", "Chief Executive Officer", "CEO", "Managing Director",
        "Executive Director", "Head", "Leader", "Supreme Leader", "President-elect", "High Representative",
        "Special Envoy", "Envoy", "Coach", "Deputy Mayor", "Chief Justice", "Rector", "Senior Deputy Governor",
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
        "our", "his", "her", "my", "your", "we", "they", "it", "i",
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
    pronouns=frozenset({"he", "she", "him", "her"}),
    epithets={},
    templates={
        "member": "Which of these countries is a member of {subject}?",
        "member_negated": "Which of these countries is NOT a member of {subject}?",
        "former_member": "Which of these countries was a member of {subject} but has left?",
        "role": "Who holds the office of {subject}?",
        "speaker": "Who said: “{subject}”?",
        "cloze": "Complete the sentence: “{cloze}”",
        "cloze_attributed": "According to {source}, complete the sentence: “{cloze}”",
        "when": "When {clause}?",
        "member_count": "How many member countries does {subject} have?",
        "explain_member": "{value} is a member of {subject}.",
        "explain_member_negated": "{value} is not a member of {subject}; its members include {others}.",
        "explain_former_member": "{value} has left {subject}.",
        "explain_role": "{value} holds the office of {subject}.",
        "explain_speaker": "{value} said this.",
        "explain_cloze": "The answer is {value}, as the article states.",
        "explain_disputed": "Other sources say {others}; this article says {value}.",
        "member_count_subject": "number of member countries of {org}",
        "office_of": "{office} of {owner}",
        "explain_member_with": "{value} is a member of {subject}, along with {others}.",
        "explain_former_member_with": "{value} has left {subject}, whose members now include {others}.",
        "explain_member_count": "{subject} has {value} member countries: {others}.",
        "explain_role_source": "{value} holds the office of {subject}, according to {source}.",
        "explain_speaker_office": "{value}, {office}, said this.",
        "explain_speaker_source": "{value} said this, as quoted by {source}.",
        "explain_cloze_source": "The answer is {value}, as {source} reports.",
        "list_joined": "{items} and {last}",
    },
    demonyms=_DEMONYMS,
    title_aliases=_TITLE_ALIASES,
    name_particles=_NAME_PARTICLES,
    honorifics=_HONORIFICS,
    organisation_words=_ORGANISATION_WORDS,
    office_fields=_OFFICE_FIELDS,
    group_mark=",",
    decimal_mark=".",
    abbreviations=frozenset({
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "u.s", "u.k", "u.n", "jr", "sr", "inc", "co", "corp",
        # months before a day ("Nov. 30"), and titles before a name ("Gen. Smith")
        "jan", "feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "lt", "col",
        "capt", "sgt", "maj", "adm",
    }),
    common_words=frozenset({
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "at", "from", "it",
        "are", "has", "have", "said", "will", "its", "their", "which", "were", "this", "after",
    }),
    date_format="{month} {day}, {year}",
    organisations=_variants(_ORGANISATIONS),
    not_organisations=frozenset({
        "gdp", "ceo", "bpd", "gmt", "utc", "pm", "am", "tv", "ai", "mp", "mps", "vat", "ipo", "covid", "ok", "dna",
        "hiv", "ad", "bc", "cfo", "lng", "ev", "evs",
    }),
    patterns={
        **_MEMBERSHIP,
        "organisation_head": r"Union|Organi[sz]ation|Council|Community|Association|Alliance|Federation|Confederation"
                             r"|Group|Movement|Bank|Fund|Forum|Assembly|Commission|Parliament|Court|Nations|League"
                             r"|Pact|Committee|Agency|Bloc|Cooperation|Co-operation|Partnership|Secretariat",
        "organisation_name": r"(?:(?!(?:{head})\s+and\s){word}\s+(?:and\s+)?)+{head}"
                             r"(?:\s+(?:of the|of|for)\s+{word}(?:\s+{word})*)?"
                             r"|{head}\s+(?:of the|of|for)\s+{word}(?:\s+{word})*",
        "organisation_joiner": r"and",
        "organisation_article": r"[Tt]he",
        "member_of": r"(?P<org>{org})\s+(?:members?|member\s+(?:states?|countries|nations?))\s+$",
        "member_aside": r"^,\s+(?:a|an)\s+(?:fellow\s+|founding\s+|full\s+)?(?P<org>{org})\s+member\b",
        "former_aside": r"^,\s+(?:a|an)\s+former\s+(?P<org>{org})\s+member\b",
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
        # the word that puts an event at a date, dropped when the card asks "When …?" instead
        "date_preposition": r"in|on",
        # "NATO was founded" asks "When was NATO founded?": the auxiliary goes first
        # a clause with one of these may date something else than its event ("… the summit that met in …")
        "when_blockers": r"which|that|who|whose|where|since|after|before|until|following",
        "when_inversion": r"(?P<subject>[^,]{1,60}?) (?P<aux>was|were|is|are|will) (?P<rest>[^,]+)",
        "anaphora": r"(?:this|that) (?:move|decision|step|matter|issue)",
        "deictic_opener": r"(?:this|that|these|those)\s+[^\W\d_]+|it|its|their|this|that|these|those|they|he|she|we",
        "range_open": r"between|from",
        "range_and": r"and|to|until|through",
        "published": r"(?:published|posted|updated|last updated|first published)(?:\s+on)?",
        "role_connector": r"for|and|of|in",
        "origin": r"from|of",
        "cited_speaker": r"quoting|citing",
        # offices.py: a former office, an election to one, the Arabic article glued to a name ("al-Ghais"), a word
        # formed as a field of government ("Enlargement"), the article of an apposition, and a possessive ("Russia's")
        "former": r"former|late|ex-|then-|one-time|erstwhile",
        "elected": r"(?:was|were|has been|had been|is|will be)\s+(?:re-?)?(?:elected|appointed|named|chosen|sworn in|"
                   r"installed)(?:\s+as)?",
        "name_prefix": r"al|el|ash|as|ad|ar|at|az|an|abu|abd|ibn|bin",
        "office_field": r"[a-z]{3,}(?:tion|ment|ity|ics)",
        "indefinite": r"a|an|one",
        "definite": r"the",
        "plural_lead": r"both|all|several|many|two|three",
        # offices.py: the names of countries and bodies that take "the" ("President of the United States")
        "definite_name": r"United .+|.+ Republic(?: of .+)?|Republic of .+|Netherlands|Philippines|Bahamas|Gambia|"
                         r"Maldives|Comoros|Seychelles|.+ Islands|Vatican City|Holy See|UN|EU|UAE|US|UK|White House|"
                         r"Kremlin|Pentagon|Vatican|Hague",
        # speakers.py, roles.py: "respectively" pairs people with offices in order; a nickname after a name
        "respectively": r"respectively",
        # roles.py: titles that head an organisation, never a state: alone, they are the article's organisation's
        "organisation_title": r"(?:deputy )?secretary[- ]general",
        # roles.py: a country an office holder stands for ("China was represented by Premier Li Qiang"), and a
        # relative clause that gives a name its office now ("X, who is also the party's leader,")
        "represented_by": r"\s+(?:was|is|were|will be)\s+represented\s+by\s+",
        "relative_office": r"who\s+is\s+(?:also\s+|now\s+|currently\s+)?",
        "nickname": r",?\s+(?:(?:also|better|widely)\s+)?(?:known as|nicknamed|dubbed)\s+",
        "possessive": r"[’']s\b|[’'](?=\s)",
        # offices.py: a party or side before a title says nothing of whose office it is ("Republican Senator")
        "affiliation": r"democratic|democrat|republican|conservative|labour|labor|liberal|socialist|communist|"
                       r"opposition|ruling|independent|green|nationalist|centrist|progressive",
        "country_noun": r"countries|nations|member states",
        "member_noun": r"members?",
        "others": r"other",
        "members_counted_lead": r"compris(?:es|ing)|consists? of|made up of|groups|brings together",
        # numbers.py: before a count, what makes it the count of all members ("Its ten members", "one of 12 members")
        "all_members_count": r"(?:\b(?:its|their|has|have|had|now|currently|all)|['’]s|\bone of(?: the)?)\s*$",
        # numbers.py: a count of all members when the organisation follows ("the six members of the GCC")
        "definite_count": r"\b(?:the|all(?: the)?)\s*$",
        # numbers.py: between an organisation and its count ("the EU's 27 member states"), and between a count and
        # its organisation ("six members of the GCC")
        "count_owner_gap": r"\)?(?:['’]s)?\s*",
        "count_of_org": r"\s+(?:of\s+(?:the\s+)?)",
        # numbers.py: what introduces the list of the members a sentence counts ("… members are: A, B")
        "count_list_intro": r"\s*(?:(?:current|founding|permanent|full)\s+)?(?:(?:are|were|include|namely|:|,)\s*)+",
        "year_noun": r"years?",
        "caption_credit": r" (?:photo|image|picture):",
    },
)

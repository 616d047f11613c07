"""Hypothesis strategies for the article tests: arbitrary bytes and text, and text laid out as a news page."""

from __future__ import annotations

from hypothesis import strategies as st

from question_bank.lang import get_pack

# --- arbitrary text and bytes -------------------------------------------------------------------------------

# Every character, lone surrogates included (they reach parse_article only from Python callers, never from
# decoded bytes), weighted towards the ones that upset text handling.
AWKWARD = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200f", "\u202e", "\ufffd",
    "\ud800", "\udfff", "Â", "â€", "â€™", "Ã©", "ﬁ", "e\u0301", "İ", "ß", "ǅ", "مرحبا", "שלום", "🇮🇩", "😀", "👩‍👩‍👧",
    "\t", "\r", "\r\n", "\n", "\n\n", "\x0b", "\x0c", "\x1c", "“", "”", '"', "‘", "’", "«", "»", "(", ")", ":",
]
any_text = st.lists(
    st.one_of(st.sampled_from(AWKWARD), st.text(alphabet=st.characters(), max_size=30)), max_size=40
).map("".join)


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """Bytes an upload may hold: text in UTF-8 and other encodings, mojibake, binary, a BOM, lone surrogates."""
    text = draw(st.one_of(any_text, article_texts()))
    how = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "mojibake", "binary"]))
    if how == "binary":
        return draw(st.binary(max_size=300))
    if how == "mojibake":  # UTF-8 read as Windows-1252 and saved again as UTF-8: "â€œ" for "“"
        return text.encode("utf-8", "surrogatepass").decode("cp1252", "replace").encode("utf-8", "surrogatepass")
    if how == "latin-1":
        return text.encode("latin-1", "replace")
    return text.encode(how, "surrogatepass")  # a lone surrogate as the three bytes no UTF-8 decoder accepts


# --- article-like text ----------------------------------------------------------------------------------------

ID, EN = get_pack("id"), get_pack("en")
COUNTRIES = sorted({*ID.countries.values(), *EN.countries.values(), "Rusia", "Kirgizstan", "the United States"})
ORGANISATIONS = [
    "CSTO", "NATO", "ASEAN", "BRICS", "BRICS+", "PBB", "UN", "EU", "Uni Eropa", "the European Union", "SCO", "G20",
    "OPEC+", "Organisasi Perjanjian Keamanan Kolektif (CSTO)", "the Collective Security Treaty Organization (CSTO)",
    "Kementerian Luar Negeri", "Bank Dunia", "Partai Demokrat", "Mercosur", "KTT ke-43 ASEAN",
]
PEOPLE = [
    "Vladimir Putin", "Nikol Pashinyan", "Joko Widodo (Jokowi)", "Jokowi", "Prabowo Subianto", "Anwar Ibrahim",
    "Antonio Guterres", "Xi Jinping", "Sergei Lavrov", "Retno Marsudi", "Ursula von der Leyen", "Putin",
    "Pashinyan", "Mark Rutte", "Kassym-Jomart Tokayev", "Sheikh Mohammed bin Salman", "Lula da Silva", "Mr. Smith",
]
DATES = [
    "26 Mei 2025", "Senin (27/11/2022)", "pada tahun 2020", "1992", "Minggu, 27 November 2022", "Jumat lalu",
    "sejak 2002", "pada 31 Desember", "May 26, 2025", "26 May 2025", "on Monday", "in 1992", "Nov. 27", "last week",
    "27/11/2022", "2022-11-27", "31 Februari 2023", "30 February 2023", "13/13/2013", "0 Jan 0000", "the 1990s",
]
NUMBERS = [
    "3.380 orang", "1,5 juta", "45 persen", "10%", "$5 billion", "Rp 2 triliun", "ke-32", "32nd", "enam negara",
    "six countries", "sepertiga dari", "two-thirds of", "12 members", "1,000", "0", "99999999999999999999",
    "1.000.000.000.000.000.000.000 dolar", "-5", "3,5%", "7 hari", "kesembilan", "ninth", "2.5 million people",
]
WORDS = [
    "kata", "ujarnya", "mengatakan", "beranggotakan", "telah meninggalkan", "bergabung dengan", "adalah anggota",
    "selaku", "dan", "di", "pada", "yang", "menurut", "dikutip dari", "anggota", "negara", "terdiri dari", "yaitu",
    "said", "says", "told reporters", "members include", "withdrew from", "joined", "is a member of", "as", "and",
    "in", "on", "according to", "which", "the", "its", "he", "she", "dia", "ia", "mereka", "not", "tidak",
    "Baca Juga:", "Editor:", "Kredit Foto:", "Read more:", "berikut", "as follows", "former", "mantan",
]
MARKS = [
    ",", ".", "?", "!", ":", ";", "(", ")", "–", "-", "—", "...", "“", "”", '"', "‘", "’", "''", "‘’", "’’", "«",
    "»", "/", "&", "%", "\t", "(bp)", "[ft/dw]", "***", "(*)",
]
TITLES = [*ID.titles, *EN.titles]
fragment = st.one_of(
    st.sampled_from(COUNTRIES), st.sampled_from(ORGANISATIONS), st.sampled_from(PEOPLE), st.sampled_from(DATES),
    st.sampled_from(NUMBERS), st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS),
    st.sampled_from(TITLES), st.sampled_from(AWKWARD[3:]),
)
loose_sentence = st.builds(
    lambda words, glue, end: glue.join(words) + end,
    st.lists(fragment, min_size=1, max_size=20),
    st.sampled_from([" ", " ", " ", "", ", "]),
    st.sampled_from([".", ".", ".", "?", "!", "", "”.", '."', ":", " (bp)", "’’"]),
)
# Sentences as the news writes them, each slot filled from the lists above, quotes opened and closed with any
# mark (matching or not), so that every extractor finds something to read.
TEMPLATES = [
    "{open}{quote},{close} kata {title} {person}.",
    "{open}{quote}{close} ujar {person} selaku {title} {country}.",
    "{title} {person} mengatakan {org} beranggotakan {number}, yaitu {country}, {country} dan {country}.",
    "{country} telah meninggalkan {org} pada {date}, kata {person}.",
    "{org} didirikan pada {date} dan kini memiliki {number}.",
    "Menurut {person}, {country} bergabung dengan {org} sejak {date}.",
    "{person}, {title} {country}, mengatakan bahwa {open}{quote}{close}",
    "{open}{quote},{close} {person} said on {date}.",
    "{title} {person} said {org} has {number}: {country}, {country} and {country}.",
    "{country} withdrew from {org} in {date}, {person} told reporters.",
    "{person}, the {title} of {country}, said {open}{quote}.{close}",
    "According to {person}, {country} joined {org} in {date} as its {number} member.",
    "{org} was founded in {date} by {country} and {country}.",
    "{open}{quote}{close} he said. {open}{quote}{close} she added.",
]
SLOTS = {"title": TITLES, "person": PEOPLE, "country": COUNTRIES, "org": ORGANISATIONS, "date": DATES,
         "number": NUMBERS}
QUOTE_MARKS = ["“", "”", '"', "‘", "’", "''", "‘’", "’’", "«", "»", ""]


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """One sentence from a template, its slots filled; a slot named twice may get two different values."""
    template = draw(st.sampled_from(TEMPLATES))
    parts = template.replace("{", "\0{").replace("}", "}\0").split("\0")
    out = []
    for part in parts:
        if part in ("{open}", "{close}"):
            out.append(draw(st.sampled_from(QUOTE_MARKS)))
        elif part == "{quote}":
            out.append(draw(loose_sentence).rstrip(".!?"))
        elif part.startswith("{"):
            out.append(draw(st.sampled_from(SLOTS[part[1:-1]])))
        else:
            out.append(part)
    return "".join(out)


sentence = st.one_of(news_sentence(), news_sentence(), loose_sentence)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
LEADS = ["JAKARTA, May 26 (Reuters) - ", "BagusNews.com – ", "Warta Ekonomi, Moskow - ", "YEREVAN – ", "Jakarta, CNN "
         "Indonesia -- ", "PERSPEKTIF.CO.ID - ", ""]
LIST_LEADS = ["Anggota ASEAN adalah sebagai berikut:", "The members of BRICS are as follows:", "Berikut daftarnya:"]
list_item = st.builds(lambda mark, name: f"{mark} {name}", st.sampled_from(["1.", "2.", "-", "•", "a)", "*"]),
                      st.sampled_from(COUNTRIES + ORGANISATIONS))


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """Text laid out as a news page: a headline, a dateline, paragraphs, a list, furniture between them."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.lists(fragment, min_size=1, max_size=12).map(" ".join)))  # a headline, or not quite
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["Published: 26 May 2025", "Senin, 26 Mei 2025 10:15 WIB", "May 26, 2025"])))
    for number in range(draw(st.integers(1, 5))):
        block = draw(st.sampled_from(["paragraph", "paragraph", "list", "furniture"]))
        if block == "list":
            lines.append(draw(st.sampled_from(LIST_LEADS)))
            lines.extend(draw(st.lists(list_item, min_size=1, max_size=5)))
        elif block == "furniture":
            lines.append(draw(st.sampled_from(["Baca Juga: ", "Editor: ", "Menu", "Share this article", "***"]))
                         + draw(st.sampled_from(PEOPLE)))
        else:
            lead = draw(st.sampled_from(LEADS)) if number == 0 else ""
            lines.append(lead + draw(paragraph))
    return draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])).join(lines)

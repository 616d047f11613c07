"""People: who holds which office, and who said a quotation, in Indonesian and English news."""

from __future__ import annotations

import pytest
from qb_helpers import inline_article

from question_bank import generate
from question_bank.entities import person_names
from question_bank.extract import extract_facts
from question_bank.extract.context import ArticleContext
from question_bank.lang import get_pack
from question_bank.model import Fact

ID = get_pack("id")
EN = get_pack("en")


def facts(text: str, kind: str, language: str) -> list[Fact]:
    """Return the facts of one kind in an article written inline in a language."""
    article = inline_article(text)
    assert article.language == language, "the test sentence must read as its language"
    return extract_facts(article, get_pack(language), kinds=[kind])


def roles(text: str, language: str) -> list[tuple[str, str, bool]]:
    """Return (office, person, qualified) for each role an inline article states."""
    return [(f.subject, f.value, f.detail["qualified"]) for f in facts(text, "role", language)]


def speakers(text: str, language: str) -> list[tuple[str, str]]:
    """Return (first words of the quotation, speaker) for each speaker fact of an inline article."""
    return [(" ".join(f.subject.split()[:3]), f.value) for f in facts(text, "speaker", language)]


# --- names ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "pack", "names"),
    [
        ("Presiden Mesir Abdel Fattah al-Sisi tiba di Riyadh.", ID, ["Abdel Fattah al-Sisi"]),
        ("Menteri Energi Arab Saudi Pangeran Abdulaziz bin Salman hadir.", ID, ["Abdulaziz bin Salman"]),
        ("Presiden UEA Mohamed bin Zayed Al Nahyan hadir di sana.", ID, ["Mohamed bin Zayed Al Nahyan"]),
        ("European Commission President Ursula von der Leyen spoke.", EN, ["Ursula von der Leyen"]),
        ("The talks were led by Pedro de Souza and Maria van der Berg.", EN, ["Pedro de Souza", "Maria van der Berg"]),
        ("Brazilian President Luiz Inácio Lula da Silva opened the summit.", EN, ["Luiz Inácio Lula da Silva"]),
        ("Latvian Foreign Minister Baiba Braže and Pedro Sánchez met.", EN, ["Baiba Braže", "Pedro Sánchez"]),
        # a possessive ends a name: a party's name is not part of its leader's
        ("Prime Minister Narendra Modi's National Democratic Alliance won.", EN, ["Narendra Modi"]),
        # organisations, places and titles are not people
        ("The Football Association of Indonesia met at the Kuala Lumpur Convention Centre.", EN, []),
    ],
)
def test_person_names(text: str, pack, names: list[str]) -> None:
    assert [m.text for m in person_names(text, pack) if len(m.text.split()) > 1] == names


# --- roles: a title and a country, organisation or field -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a country after the title is the office's, never the person's first name
        ("Perdana Menteri Malaysia Anwar Ibrahim membuka pertemuan itu.", "id",
         [("Perdana Menteri Malaysia", "Anwar Ibrahim", True)]),
        ("Prime Minister of Malaysia Anwar Ibrahim opened the meeting.", "en",
         [("Prime Minister of Malaysia", "Anwar Ibrahim", True)]),
        # a demonym says whose office it is, and the office is written with the country
        ("Malaysian Prime Minister Anwar Ibrahim opened the meeting.", "en",
         [("Prime Minister of Malaysia", "Anwar Ibrahim", True)]),
        ("Presiden Kazakh Kassym-Jomart Tokayev tiba di Moskow pada hari ini.", "id",
         [("Presiden Kazakh", "Kassym-Jomart Tokayev", True)]),
        # the title's own abbreviation is not a qualifier
        ("Perdana Menteri (PM) Nikol Pashinyan menolak hadir dalam pertemuan itu.", "id",
         [("Perdana Menteri", "Nikol Pashinyan", False)]),
        # organisations before (English) and after (Indonesian) the title
        ("Sekretaris Jenderal NATO Mark Rutte tiba di Jakarta.", "id",
         [("Sekretaris Jenderal NATO", "Mark Rutte", True)]),
        ("NATO Secretary-General Mark Rutte arrived in Jakarta.", "en",
         [("Secretary-General of NATO", "Mark Rutte", True)]),
        ("Asean Secretary-General Kao Kim Hourn arrived, and so did Asean ministers.", "en",
         [("Secretary-General of Asean", "Kao Kim Hourn", True)]),
        ("Gubernur Bank Indonesia Perry Warjiyo mengumumkan suku bunga acuan.", "id",
         [("Gubernur Bank Indonesia", "Perry Warjiyo", True)]),
        ("Sekjen NATO Mark Rutte dan Ketum PSSI Erick Thohir bertemu di Jakarta.", "id",
         [("Sekjen NATO", "Mark Rutte", True), ("Ketum PSSI", "Erick Thohir", True)]),
        ("Kepala BNPB Suharyanto meninjau lokasi banjir di Bekasi.", "id", [("Kepala BNPB", "Suharyanto", True)]),
        # a title only organisations have: the first of three words or more is the organisation
        ("Sekjen Asean Kao Kim Hourn membuka upacara itu.", "id", [("Sekjen Asean", "Kao Kim Hourn", True)]),
        # an organisation's name ends with its acronym in brackets; a rank and its service are no name
        ("Kepala Badan Nasional Penanggulangan Bencana (BNPB) Letjen TNI Suharyanto meninjau lokasi banjir.", "id",
         [("Kepala Badan Nasional Penanggulangan Bencana (BNPB)", "Suharyanto", True)]),
        ("UN Secretary-General António Guterres spoke at the summit.", "en",
         [("Secretary-General of the UN", "António Guterres", True)]),
        ("United States President Donald Trump responded by threatening tariffs.", "en",
         [("President of the United States", "Donald Trump", True)]),
        ("Russia's Foreign Minister Sergei Lavrov met the press.", "en",
         [("Foreign Minister of Russia", "Sergei Lavrov", True)]),
        ("Foreign Minister of the Democratic Republic of the Congo Thérèse Kayikwamba Wagner said it.", "en",
         [("Foreign Minister of the Democratic Republic of the Congo", "Thérèse Kayikwamba Wagner", True)]),
    ],
)
def test_title_then_name(text: str, language: str, expected: list[tuple[str, str, bool]]) -> None:
    assert roles(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "office", "person"),
    [
        # a ministry's field, however many words it has, is the office's, not the person's
        ("Menteri Energi dan Sumber Daya Mineral Bahlil Lahadalia meresmikan proyek itu.", "id",
         "Menteri Energi dan Sumber Daya Mineral", "Bahlil Lahadalia"),
        ("Menteri Kebudayaan Fadli Zon meresmikan museum itu pada hari ini.", "id", "Menteri Kebudayaan", "Fadli Zon"),
        ("Saudi Energy Minister Prince Abdulaziz bin Salman said output would rise.", "en",
         "Energy Minister of Saudi Arabia", "Abdulaziz bin Salman"),
        ("Minister of Foreign Affairs Penny Wong said so.", "en", "Minister of Foreign Affairs", "Penny Wong"),
        ("Chancellor of the Exchequer Rachel Reeves welcomed the cut.", "en", "Chancellor of the Exchequer",
         "Rachel Reeves"),
        ("Sekretaris Pers Gedung Putih Karine Jean-Pierre mengatakan hal itu.", "id", "Sekretaris Pers Gedung Putih",
         "Karine Jean-Pierre"),
    ],
)
def test_field_of_office(text: str, language: str, office: str, person: str) -> None:
    assert [(o, p) for o, p, _ in roles(text, language)] == [(office, person)]


# --- roles: a name, then its office ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Anwar Ibrahim, Perdana Menteri Malaysia, mengatakan bahwa kawasan ini harus bersatu.", "id",
         [("Perdana Menteri Malaysia", "Anwar Ibrahim", True)]),
        ("Dilma Rousseff, the president of the New Development Bank, said the lender would grow.", "en",
         [("President of the New Development Bank", "Dilma Rousseff", True)]),
        ("Andrew Bailey, the Bank's governor, said the decision had been balanced.", "en",
         [("Governor of the Bank", "Andrew Bailey", True)]),
        ("Jane Doe, the bank's governor, said rates would stay on hold.", "en",
         [("Governor of the bank", "Jane Doe", False)]),
        ("Josep Borrell, kepala kebijakan luar negeri UE, mengingatkan bahwa prosesnya panjang.", "id",
         [("Kepala kebijakan luar negeri UE", "Josep Borrell", True)]),
        # not an apposition: a former office, an indefinite one, or a list of offices with their own holders
        ("Thohir, a former president of the Inter club, received 64 votes.", "en", []),
        ("Philemon Yang, a former prime minister of Cameroon, presided over the vote.", "en", []),
        ("Chief Economist Huw Pill, Deputy Governor Clare Lombardelli and Megan Greene voted to hold rates.", "en",
         [("Chief Economist", "Huw Pill", False), ("Deputy Governor", "Clare Lombardelli", False)]),
    ],
)
def test_apposition(text: str, language: str, expected: list[tuple[str, str, bool]]) -> None:
    assert roles(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Erick Thohir terpilih sebagai Ketua Umum PSSI dalam kongres luar biasa di Jakarta.", "id",
         [("Ketua Umum PSSI", "Erick Thohir", True)]),
        ("John Smith was elected chairman of the Football Association of Indonesia (PSSI) on Thursday.", "en",
         [("Chairman of the Football Association of Indonesia (PSSI)", "John Smith", True)]),
        # several people and offices pair in order; a qualifier at the end is every office's
        ("Prabowo Subianto dan Gibran Rakabuming Raka dilantik sebagai Presiden dan Wakil Presiden Indonesia.", "id",
         [("Presiden Indonesia", "Prabowo Subianto", True), ("Wakil Presiden Indonesia", "Gibran Rakabuming Raka",
                                                             True)]),
        ("Ursula von der Leyen dan Charles Michel, masing-masing sebagai Presiden Komisi Eropa dan Presiden Dewan "
         "Eropa, menyambut hasil itu.", "id",
         [("Presiden Komisi Eropa", "Ursula von der Leyen", True), ("Presiden Dewan Eropa", "Charles Michel", True)]),
        ("Anna Souza and Pedro de Souza were elected president and vice-president of the Fifa Council respectively.",
         "en", [("President of the Fifa Council", "Anna Souza", True),
                ("Vice-president of the Fifa Council", "Pedro de Souza", True)]),
        # one office for several people: each holds it
        ("Zainudin Amali dan Ratu Tisha Destria terpilih sebagai wakil ketua umum PSSI.", "id",
         [("Wakil ketua umum PSSI", "Zainudin Amali", True), ("Wakil ketua umum PSSI", "Tisha Destria", True)]),
    ],
)
def test_name_then_office(text: str, language: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [r for r in roles(text, language) if r[0] not in ("Ratu",)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Para menteri luar negeri Asia Tenggara berkumpul di Jakarta pada hari Selasa.", "id"),
        ("Mantan Presiden Susilo Bambang Yudhoyono hadir dalam acara tersebut.", "id"),
        ("The Assembly elected former German foreign minister Annalena Baerbock as its president.", "en"),
        ("The current President of the General Assembly will preside over the vote.", "en"),
        ("Presiden Joko Widodo membuka Gedung Sekretariat ASEAN di Jakarta.", "id"),  # a building, no office
    ],
)
def test_no_person_holds_these_offices(text: str, language: str) -> None:
    assert [r for r in roles(text, language) if r[2]] == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the country a holder represents qualifies a bare office
        ("China was represented by Premier Li Qiang at the summit.", "en", [("Premier of China", "Li Qiang", True)]),
        ("India diwakili Menteri Luar Negeri Subrahmanyam Jaishankar dalam pertemuan itu.", "id",
         [("Menteri Luar Negeri India", "Subrahmanyam Jaishankar", True)]),
        # an office given in a relative clause in the present
        ("Prabowo Subianto, yang juga Ketum Partai Gerindra, hadir di Istana.", "id",
         [("Ketum Partai Gerindra", "Prabowo Subianto", True)]),
        # a territory comes first after its title; a name alone after it is no person
        ("Gubernur Jawa Barat Dedi Mulyadi meninjau lokasi banjir.", "id",
         [("Gubernur Jawa Barat", "Dedi Mulyadi", True)]),
        ("Gibran masih menjabat Wali Kota Surakarta hingga bulan depan.", "id", []),
        # a sentence's first word before a title qualifies it only if the article uses it as a name elsewhere
        ("Meanwhile President Joe Biden met the press.", "en", [("President", "Joe Biden", False)]),
        # what stands before a rank is the office's; a name glued to "then-" holds a former office
        ("Kapolda Metro Jaya Irjen Karyoto meninjau jalur mudik.", "id", [("Kapolda Metro Jaya", "Karyoto", True)]),
        ("Then-Prime Minister Mahathir Mohamad opposed the plan.", "en", []),
        ("Former U.S. President Barack Obama spoke at the ceremony.", "en", []),
        ("U.S. President Joe Biden spoke at the ceremony.", "en",
         [("President of the United States", "Joe Biden", True)]),
        # a party is not whose office it is; a firm is
        ("Republican Senator Lindsey Graham and Tesla Chief Executive Elon Musk spoke.", "en",
         [("Republican Senator", "Lindsey Graham", False), ("Chief Executive of Tesla", "Elon Musk", True)]),
    ],
)
def test_what_else_qualifies_an_office(text: str, language: str, expected: list[tuple[str, str, bool]]) -> None:
    assert roles(text, language) == expected


def test_a_bare_title_of_an_organisation_is_the_article_s_organisation() -> None:
    text = ("NATO leaders met in The Hague. NATO agreed to spend more. The NATO summit ended on Wednesday.\n"
            "\"Every ally has signed up to the same plan,\" Secretary-General Mark Rutte told reporters.\n")
    assert roles(text, "en") == [("Secretary-General of NATO", "Mark Rutte", True)]


def test_a_short_name_holds_the_office_by_the_full_name() -> None:
    text = ("Sekretaris Jenderal ASEAN Kao Kim Hourn membuka pertemuan itu di Jakarta.\n"
            "Sementara itu, Sekjen ASEAN Kao juga bertemu dengan para menteri.\n")
    found = [(f.value, f.value_key, f.sentence.text[f.span[0]:f.span[1]]) for f in facts(text, "role", "id")]
    assert found == [("Kao Kim Hourn", "hourn", "Kao Kim Hourn"), ("Kao Kim Hourn", "hourn", "Kao")]


# --- speakers --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a family name, a given name, a nickname in brackets or blended from the name: the full name
        ("Perdana Menteri Malaysia Anwar Ibrahim membuka KTT.\n“Kawasan ini harus tetap bersatu menghadapi "
         "tekanan,” ujar Anwar.", [("Kawasan ini harus", "Anwar Ibrahim")]),
        ("Ketua DPR Puan Maharani hadir di Istana.\n“DPR mendukung penuh langkah diplomasi pemerintah,” kata Puan.",
         [("DPR mendukung penuh", "Puan Maharani")]),
        ("Presiden Indonesia Joko Widodo menyambut baik keputusan itu.\n“Ini langkah penting bagi negara "
         "berkembang,” ujar Jokowi di sela KTT.", [("Ini langkah penting", "Joko Widodo")]),
        ("Juru Bicara Kementerian Luar Negeri Rolliansyah Soemirat, yang akrab disapa Roy, hadir.\n“Kami tetap "
         "berperan di G20 dan Asean,” ujar Roy.", [("Kami tetap berperan", "Rolliansyah Soemirat")]),
        # a title between the verb and the name
        ("“Indonesia akan terus menjaga sentralitas Asean,” kata Menteri Luar Negeri Sugiono.",
         [("Indonesia akan terus", "Sugiono")]),
        # more verbs, and "dia" after the verb, continue the speaker just named
        ("Gubernur BI Perry Warjiyo hadir.\n“Keputusan ini konsisten dengan perkiraan inflasi,” kata Perry. Menurut "
         "dia, bank sentral perlu mendorong pertumbuhan. “Kami melihat masih ada ruang untuk tumbuh,” sambungnya.",
         [("Keputusan ini konsisten", "Perry Warjiyo"), ("Kami melihat masih", "Perry Warjiyo")]),
        ("Hasyim Asy'ari, ketua KPU, membacakan keputusan itu.\n“Seluruh proses kami lakukan secara terbuka,” "
         "terang dia seusai rapat.", [("Seluruh proses kami", "Hasyim Asy'ari")]),
        # a phrase in quotation marks inside a sentence neither names nor forgets the speaker
        ("Ketua DPR Puan Maharani hadir.\n“DPR mendukung penuh langkah diplomasi itu,” kata Puan. Ia menyebut "
         "kerja sama itu sebagai \"mitra strategis\" bagi Indonesia. “Kami akan mengawal pelaksanaannya,” katanya.",
         [("DPR mendukung penuh", "Puan Maharani"), ("Kami akan mengawal", "Puan Maharani")]),
        # quotation marks a broken encoding wrote as "â€œ" are quotation marks
        ("Gubernur BI Perry Warjiyo hadir dalam rapat itu.\nâ€œKami melihat masih ada ruang untuk tumbuh,â€ "
         "kata Perry.", [("Kami melihat masih", "Perry Warjiyo")]),
    ],
)
def test_indonesian_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text, "id") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Foreign Minister Penny Wong arrived on Monday.\n"We want a region that is peaceful and stable," Wong said.',
         [("We want a", "Penny Wong")]),
        ('"We are ready to help our partners in any way," said NATO Secretary-General Mark Rutte.',
         [("We are ready", "Mark Rutte")]),
        ('"We are not chasing market share at any price," said Saudi Energy Minister Prince Abdulaziz bin Salman. '
         '"Our job is to keep this market stable," he told reporters.',
         [("We are not", "Abdulaziz bin Salman"), ("Our job is", "Abdulaziz bin Salman")]),
        ('Prime Minister of Montenegro Milojko Spajić called the day historic. Spajić said: "We are no longer '
         'asking whether we will join."', [("We are no", "Milojko Spajić")]),
        ('Uruguayan President Luis Lacalle Pou, who hosted the meeting, said: "This deal opens a door that has '
         'been closed."', [("This deal opens", "Luis Lacalle Pou")]),
        ('European Commission President Ursula von der Leyen came.\n"Two continents have built a bridge," '
         'von der Leyen told reporters. "It is also a clear message to the world," she added.',
         [("Two continents have", "Ursula von der Leyen"), ("It is also", "Ursula von der Leyen")]),
        ('Chief Election Commissioner Rajiv Kumar called it a record.\n"Indian voters have shown their strength," '
         'Kumar said. He presented the figures with Gyanesh Kumar.', [("Indian voters have", "Rajiv Kumar")]),
        ('Prime Minister Anwar Ibrahim came.\n"This budget is for every Malaysian, wherever they live," Anwar, who '
         'is also finance minister, told parliament.', [("This budget is", "Anwar Ibrahim")]),
        # a scare-quoted phrase is no quotation
        ('President Joko Widodo said he hoped for a "total reform" of football. "Fans deserve a safe game," he '
         'said.', [("Fans deserve a", "Joko Widodo")]),
    ],
)
def test_english_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    assert speakers(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a title alone is never the speaker
        ("Sekretaris Jenderal NATO mengatakan aliansi siap.\n“Kami tidak akan meninggalkan sekutu kami,” kata "
         "Sekretaris Jenderal NATO.", "id"),
        ('The minister called the plan historic. "It will change the lives of millions of people," the minister '
         'said.', "en"),
        # a pronoun after a sentence about something else names no one
        ('Leaders met in Cairo on Monday. "We will rebuild the whole region together," she said.', "en"),
        # an organisation is not a person
        ('"The decision reflects the market as it stands today," the Bank of England said.', "en"),
        # the person a spokesman speaks for is not the one who speaks
        ('A spokesman for Prime Minister Anwar Ibrahim said the plan was final. "We will not change a single '
         'line of it," he said.', "en"),
    ],
)
def test_no_speaker(text: str, language: str) -> None:
    assert speakers(text, language) == []


def test_short_names_that_two_people_share_are_not_resolved() -> None:
    article = inline_article("Rajiv Kumar dan Nitish Kumar hadir di Delhi.\nMereka bertemu pada hari Senin.\n")
    context = ArticleContext.of(article, ID)
    assert "kumar" not in context.people
    assert context.people["rajiv"] == "Rajiv Kumar"
    assert context.full_name("Kumar") is None


def test_no_who_said_card_answers_with_a_title() -> None:
    text = ("Kabar Uji, Jakarta –\nSekretaris Jenderal NATO Mark Rutte tiba di Jakarta pada Senin (3/3/2025).\n"
            "“Kami tidak akan meninggalkan sekutu kami sendirian,” kata Sekretaris Jenderal NATO.\n"
            "Perdana Menteri Malaysia Anwar Ibrahim hadir.\n“Kawasan ini harus tetap bersatu menghadapi tekanan,” "
            "ujar Anwar.\nPresiden Rusia Vladimir Putin dan Presiden Cina Xi Jinping juga hadir.\n")
    cards = [c for c in generate([inline_article(text)]) if c.kind == "speaker"]
    assert [c.options[c.answer] for c in cards] == ["Anwar Ibrahim"]

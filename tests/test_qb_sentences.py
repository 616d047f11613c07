"""Sentence splitting: quotations are never cut, numbers and domains do not end sentences."""

from __future__ import annotations

import pytest
from qb_helpers import SEED_FILES, load_seed, seed_text

from question_bank.lang import get_pack
from question_bank.sentences import inside, quoted_spans, split_sentences

# 001: a two-sentence quotation with “ ” and a pronoun verb after it.
ARMENIA_QUOTE = (
    "“Armenia adalah sekutu kami, dan seluruh komitmen kami terhadap Armenia tetap aktif. Mengenai pertanyaan "
    "tentang keanggotaan dalam organisasi, itu adalah hak kedaulatan dan keputusan masing-masing negara,” ungkapnya."
)
# 004: the reporting sentence, then a quotation typed with doubled single quotes.
ZHU_REPORT = (
    "Zhu Yongbiao selaku Direktur Pusat Studi Afganistan di Universitas Lanzhou, menjelaskan bahwa beberapa dari "
    "anggota CSTO khawatir bahwa fenomena yang terjadi merupakan provokasi dari negara Barat."
)
ZHU_QUOTE = (
    "Beberapa dari negara Barat tengah menghakimi CSTO dan mengatakan bahwa CSTO semakin menjadi firewall guna "
    "mencegah kekuatan luar melakukan revolusi di kawasan Asia Tengah,"
)
# 004: a three-sentence quotation with doubled single quotes.
NATO_QUOTE = (
    "‘’Mengomentari keputusan Swedia dan Finlandia untuk bergabung menjadi anggota NATO, Putin pun menjelaskan "
    "bahwa perluasan NATO ke arah ini tidak akan menciptakan ancaman untuk Rusia. Putin juga menyebutkan kedua "
    "negara tersebut tidak mempunyai masalah atau perselisihan dengan Kremlin. Namun, perluasan infrastruktur "
    "militer aliansi NATO ke Swedia dan Finlandia ini akan meminta tanggapan dari Rusia,’’ tambah laporan tersebut."
)
# 001: straight quotes.
STRAIGHT_QUOTE = (
    '"Sejarah dua abad terakhir menunjukkan bahwa instrumen yang paling banyak diminati adalah keamanan '
    'kolektif," ujar Tasmagambetov dikutip pada Selasa (25/6).'
)
# 002: a quotation, a citation with a date, and a second (short) quotation closing with its own stop.
PASHINYAN = (
    "“Kami akan meninggalkan (CSTO), Anda membuat saya takut dengan ini. Semuanya baik-baik saja dengan kami, "
    "kami akan memutuskan kapan kami pergi, kami bisa kembali,” kata Pashinyan menanggapi pertanyaan anggota "
    "parlemen dari kubu oposisi selama pertemuan di parlemen Menurut Reuters, Kamis (13/6/2024): “Jangan khawatir.”"
)
PBB_1 = ("Sejumlah pejabat Barat pun mengklaim bahwa perang tersebut dapat menjadi yang terbesar di benua Eropa "
         "sejak tahun 1945.")
PBB_2 = "Menurut PBB, jumlah korban pada awal pekan lalu mencapai lebih dari 3.380 jiwa."
BAGUS_1 = ("Sekutu Rusia dihadapkan pada kemungkinan pecahnya aliansi Organisasi Perjanjian Keamanan Kolektif (CSTO) "
           "yang dipimpin oleh Moskow.")
BAGUS_2 = ("Aliansi ini dibentuk antara negara-negara bekas Uni Soviet di Eurasia, di mana Rusia menjadi pemimpin "
           "dengan lima negara anggota lainnya, yaitu Armenia, Belarusia, Kazakhstan, Kirgizstan, dan Tajikistan.")


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(ARMENIA_QUOTE, [ARMENIA_QUOTE], id="001-curly-quote-two-sentences"),
        pytest.param(STRAIGHT_QUOTE, [STRAIGHT_QUOTE], id="001-straight-quote"),
        pytest.param(PASHINYAN, [PASHINYAN], id="002-quote-citation-quote"),
        pytest.param(f"{ZHU_REPORT} ‘’{ZHU_QUOTE}’’ ungkapnya.",
                     [ZHU_REPORT, f"‘’{ZHU_QUOTE}’’ ungkapnya."], id="004-report-then-quote"),
        pytest.param(NATO_QUOTE, [NATO_QUOTE], id="004-doubled-single-quotes"),
        pytest.param(f"{PBB_1} {PBB_2}", [PBB_1, PBB_2], id="004-thousands-separator"),
        pytest.param(f"{BAGUS_1} {BAGUS_2}", [BAGUS_1, BAGUS_2], id="000-two-sentences"),
        pytest.param("BagusNews.com melaporkan bahwa korban mencapai 3.380 jiwa. Pertemuan lalu ditutup.",
                     ["BagusNews.com melaporkan bahwa korban mencapai 3.380 jiwa.", "Pertemuan lalu ditutup."],
                     id="domain-and-number"),
        pytest.param("Dr. Budi datang ke Moskow. Ia bertemu Prof. Ivan di sana.",
                     ["Dr. Budi datang ke Moskow.", "Ia bertemu Prof. Ivan di sana."], id="abbreviations"),
        pytest.param("Ia bertanya, “Apakah Anda siap? Kami siap!” lalu pergi. Semua diam.",
                     ["Ia bertanya, “Apakah Anda siap? Kami siap!” lalu pergi.", "Semua diam."],
                     id="question-and-exclamation-inside-quote"),
        pytest.param("“Kami siap.” Presiden lalu pergi.", ["“Kami siap.”", "Presiden lalu pergi."],
                     id="quote-closing-with-its-own-stop"),
        pytest.param('Ia berkata "Kami siap. Kami datang." Lalu pergi.',
                     ['Ia berkata "Kami siap. Kami datang."', "Lalu pergi."], id="straight-quote-closing-stop"),
        pytest.param("Armenia meminta bantuan pada bulan September. Armenia hanya menerima janji.",
                     ["Armenia meminta bantuan pada bulan September.", "Armenia hanya menerima janji."],
                     id="plain"),
        pytest.param("Konflik memasuki bulan ke-10 dan belum usai", ["Konflik memasuki bulan ke-10 dan belum usai"],
                     id="no-final-stop"),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph, get_pack("id").abbreviations) == expected


def test_armenia_quote_stays_one_sentence_when_loaded() -> None:
    article = load_seed("001")
    assert article.sentences[-1].text == ARMENIA_QUOTE
    assert sum("Armenia adalah sekutu kami" in s.text for s in article.sentences) == 1


def test_zhu_paragraph_splits_into_report_and_quotation_when_loaded() -> None:
    article = load_seed("004")
    paragraph = [s.text for s in article.sentences if s.paragraph == article.sentences[10].paragraph]
    assert paragraph == [ZHU_REPORT, f"‘’{ZHU_QUOTE}’’ ungkapnya."]


@pytest.mark.parametrize("short", sorted(SEED_FILES))
def test_no_seed_sentence_cuts_a_quotation(short: str) -> None:
    for sentence in load_seed(short).sentences:
        text = sentence.text
        assert text.count("“") == text.count("”"), text
        assert text.count('"') % 2 == 0, text
        assert text.count("‘’") == text.count("’’"), text


@pytest.mark.parametrize(
    ("short", "fragment", "cut"),
    [("004", "3.380 jiwa", "3."), ("000", "BagusNews.com", "BagusNews."), ("001", "PERSPEKTIF.CO.ID", "PERSPEKTIF.")],
)
def test_number_and_domain_stop_do_not_split(short: str, fragment: str, cut: str) -> None:
    """Split each seed's raw lines: a stop inside "3.380" or a domain name ends no sentence."""
    sentences = [s for line in seed_text(short).splitlines() for s in split_sentences(line)]
    assert any(fragment in s for s in sentences)
    assert not any(s.endswith(cut) for s in sentences)


def test_apostrophe_in_a_name_does_not_split_or_open_a_quote() -> None:
    text = "O’Brien dan Mirzoyan bertemu. Mereka sepakat."
    assert split_sentences(text) == ["O’Brien dan Mirzoyan bertemu.", "Mereka sepakat."]


def test_quoted_spans_and_inside() -> None:
    text = '“Satu dua,” kata A, lalu "tiga" dan “empat'
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in spans] == ["“Satu dua,”", '"tiga"', "“empat"]
    assert inside(text.index("dua"), spans)
    assert not inside(text.index("kata"), spans)


def test_an_english_month_or_title_abbreviation_ends_no_sentence() -> None:
    paragraph = "The talks ended on Nov. 30 in Brasilia. Gen. Abdel Fattah al-Sisi flew home on Dec. 1."
    assert split_sentences(paragraph, get_pack("en").abbreviations) == [
        "The talks ended on Nov. 30 in Brasilia.", "Gen. Abdel Fattah al-Sisi flew home on Dec. 1."]


def test_the_abbreviations_are_the_languages_own() -> None:
    """No stage holds a word of any language: which stops end nothing comes with the article's pack."""
    paragraph = "Ia tinggal di Jl. Sudirman. Lalu pindah."
    assert split_sentences(paragraph, get_pack("id").abbreviations) == ["Ia tinggal di Jl. Sudirman.", "Lalu pindah."]
    assert split_sentences(paragraph) == ["Ia tinggal di Jl.", "Sudirman.", "Lalu pindah."]

"""The Indonesian language pack."""

from __future__ import annotations

from question_bank.lang.cldr import city_names, country_names
from question_bank.lang.pack import LanguagePack

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "nopember": 11, "desember": 12, "des": 12,
}

_NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "seratus": 100, "seribu": 1000,
}

# Every country CLDR names in Indonesian and English (see lang/cldr.py), under the canonical names below where
# a reader of these outlets expects another form (Cina, not CLDR's Tiongkok), with the variants CLDR lacks.
# A CLDR name that is one of a canonical name's variants takes that canonical name.
_COUNTRY_VARIANTS = {
    "Afganistan": ["afghanistan"],
    "Afrika Selatan": ["afsel", "south africa"],
    "Amerika Serikat": ["as", "amerika", "usa", "united states", "united states of america"],
    "Arab Saudi": ["saudi", "saudi arabia", "kerajaan arab saudi"],
    "Azerbaijan": ["azerbaidjan"],
    "Belanda": ["netherlands", "holland"],
    "Belarus": ["belarusia", "byelorusia"],
    "Bosnia dan Herzegovina": ["bosnia", "bosnia-herzegovina", "bosnia herzegovina"],
    "Brunei Darussalam": ["brunei"],
    "Ceko": ["republik ceko", "czechia", "czech republic", "cheko"],
    "Cina": ["china", "tiongkok", "rrt", "rrc", "republik rakyat tiongkok", "republik rakyat cina"],
    "Eswatini": ["swaziland"],
    "Filipina": ["philippines"],
    "Finlandia": ["finland"],
    "Hong Kong": ["hong kong dak tiongkok", "hong kong sar china"],
    "Hongaria": ["hungaria", "hungary"],
    "Inggris": ["britania raya", "kerajaan inggris", "inggris raya", "united kingdom", "britain", "great britain"],
    "Kazakhstan": ["kazakstan"],
    "Kirgizstan": ["kyrgyzstan", "kirgistan", "kirgiztan", "kirgizia"],
    "Korea Selatan": ["korsel", "south korea", "republik korea"],
    "Korea Utara": ["korut", "north korea"],
    "Makau": ["makau dak tiongkok", "macau", "macao", "macao sar china"],
    "Makedonia Utara": ["makedonia", "north macedonia"],
    "Myanmar": ["burma"],
    "Palestina": ["wilayah palestina", "palestinian territories", "palestine"],
    "Pantai Gading": ["côte d’ivoire", "cote divoire", "ivory coast"],
    "Papua Nugini": ["papua new guinea"],
    "Prancis": ["perancis"],
    "Republik Demokratik Kongo": ["rd kongo", "kongo-kinshasa"],
    "Republik Kongo": ["kongo", "kongo-brazzaville"],  # "Kongo" alone: the DR is named in full
    "Rusia": ["federasi rusia"],
    "Swedia": ["sweden"],
    "Swiss": ["switzerland", "swis"],
    "Tajikistan": ["tadjikistan", "tajikstan"],
    "Timor Leste": ["timor-leste"],
    "Turki": ["turkiye", "türkiye", "turkey"],
    "Ukraina": ["ukraine"],
    "Uni Emirat Arab": ["uea", "emirat arab"],
    "Vatikan": ["takhta suci", "vatican city"],
    "Vietnam": ["viet nam"],
}
# English names that are also people's given names in Indonesian news ("Michael Jordan").
_NOT_COUNTRY_NAMES = frozenset({"jordan"})


def _countries() -> dict[str, str]:
    """Map every name of a country (lower-case) to its canonical Indonesian name: CLDR's, then the variants."""
    table = _variants(_COUNTRY_VARIANTS)
    out: dict[str, str] = {}
    indonesian, english = country_names("id"), country_names("en")
    for code, name in indonesian.items():
        names = [name, english.get(code, name)]
        canonical = next((table[n.lower()] for n in names if n.lower() in table), name)
        for n in names:
            if n.lower() not in _NOT_COUNTRY_NAMES:
                out[n.lower()] = canonical
    return {**out, **table}

_PLACES = {
    "Moskow": ["moskwa", "moscow"],
    "Kremlin": [],
    "Yerevan": [],
    "Baku": [],
    "Washington": [],
    "Kyiv": ["kiev"],
    "Eropa": [],
    "Eurasia": [],
    "Asia Tengah": [],
    "Uni Soviet": [],
    "Nagorno-Karabakh": [],
    "Orenburg": [],
    "Beijing": [],
    "Brussel": ["brussels"],
    "Jakarta": [], "Surabaya": [], "Bandung": [], "Medan": [], "Semarang": [], "Makassar": [],
    "Yogyakarta": [], "Denpasar": [], "Palembang": [], "Tokyo": [], "London": [], "Paris": [], "Berlin": [],
    "New York": [], "Jenewa": ["geneva"], "Tashkent": [], "Astana": [], "Almaty": [], "Minsk": [],
    "Bishkek": [], "Dushanbe": [], "Tbilisi": [], "Ankara": [], "Teheran": ["tehran"], "Kairo": [],
}


def _places() -> dict[str, str]:
    """Map every name of a place (lower-case) to its canonical name: CLDR's cities, then the list above."""
    indonesian, english = city_names("id"), city_names("en")
    out: dict[str, str] = {}
    for zone, name in indonesian.items():
        for variant in (name, english.get(zone, name)):  # "Vienna" in an English quote is still Wina
            if variant.lower() not in _NOT_PLACE_NAMES:
                out[variant.lower()] = name
    return {**out, **_variants(_PLACES)}


# City names that are also common words or given names in this language ("lima" is five).
_NOT_PLACE_NAMES = frozenset({"lima", "victoria", "regina", "adelaide", "darwin", "dawson", "denver", "phoenix",
                              "santiago", "chita", "kirov", "hope", "nelson", "eucla", "marengo"})


def _variants(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, others in table.items():
        out[canonical.lower()] = canonical
        for other in others:
            out[other] = canonical
    return out


PACK = LanguagePack(
    code="id",
    months=_MONTHS,
    weekdays={"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
              "ahad": 6},
    number_words=_NUMBER_WORDS,
    countries=_countries(),
    places=_places(),
    list_conjunctions=frozenset({"dan", "serta", "atau"}),
    after_quote_verbs=frozenset({
        "kata", "ujar", "ungkap", "imbuh", "lanjut", "tegas", "jelas", "tutur", "ucap", "sebut", "tambah",
        "tulis", "bunyi", "terang", "pungkas", "kilah", "seru", "tanya", "papar", "urai", "katanya",
        "ujarnya", "ungkapnya", "imbuhnya", "lanjutnya", "tegasnya", "jelasnya", "tuturnya", "ucapnya",
        "sebutnya", "tambahnya", "tulisnya", "terangnya", "pungkasnya", "kilahnya", "paparnya", "urainya",
    }),
    before_quote_verbs=frozenset({
        "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menyebutkan",
        "menambahkan", "menuturkan", "mengucapkan", "menekankan", "mengaku", "mengumumkan", "berkata",
    }),
    source_nouns=frozenset({
        "laporan", "pernyataan", "kantor", "media", "situs", "surat", "dokumen", "pasal", "artikel",
        "siaran", "rilis", "berita", "koran", "harian", "majalah",
    }),
    citation_words=frozenset({"menurut", "dikutip", "mengutip", "dilansir", "melansir"}),
    titles=(
        "Asisten Menteri Luar Negeri", "Wakil Menteri Luar Negeri", "Menteri Luar Negeri",
        "Menteri Pertahanan", "Menteri Dalam Negeri", "Menteri Keuangan", "Wakil Perdana Menteri",
        "Perdana Menteri", "Wakil Presiden", "Presiden", "Juru bicara", "Sekretaris Jenderal",
        "Wakil Sekretaris Jenderal", "Kanselir", "Raja", "Ratu", "Gubernur", "Wali Kota", "Duta Besar",
        "Direktur Jenderal", "Direktur", "Ketua", "Panglima", "Kepala Staf", "Menteri",
    ),
    role_after_name=frozenset({"selaku", "sebagai"}),
    counted_nouns=frozenset({
        "negara", "jiwa", "orang", "korban", "tentara", "prajurit", "personel", "warga", "pengungsi",
        "minggu", "pekan", "bulan", "hari", "tahun", "anggota", "kota", "desa", "rumah", "unit",
    }),
    scale_words={"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12},
    percent_words=frozenset({"persen", "%"}),
    ordinal_pattern=r"ke-(?P<n>\d{1,3})",
    ordinal_format="ke-{}".format,
    ordinal_words={
        "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8,
        "kesembilan": 9, "kesepuluh": 10, "kesebelas": 11, "kedua belas": 12,
    },
    fraction_words={
        "setengah": 1 / 2, "separuh": 1 / 2, "sepertiga": 1 / 3, "seperempat": 1 / 4, "seperlima": 1 / 5,
        "dua pertiga": 2 / 3, "tiga perempat": 3 / 4, "sepersepuluh": 1 / 10,
    },
    fraction_link="dari",
    currency_words=frozenset({
        "rp", "idr", "us$", "usd", "$", "€", "£", "dolar", "dollar", "rupiah", "euro", "yen", "yuan", "ringgit",
        "rubel", "won", "peso", "riyal", "rupee",
    }),
    function_words=frozenset({
        "di", "ke", "dari", "pada", "yang", "dan", "atau", "serta", "ini", "itu", "tersebut", "untuk", "dengan",
        "dalam", "oleh", "sejak", "hingga", "sampai", "lalu", "mendatang", "terakhir", "sebelumnya", "kemudian",
        "akan", "telah", "sudah", "juga", "menjadi", "adalah", "bagi", "per", "saat", "setelah", "sebelum",
        "karena", "bahwa", "tetapi", "namun", "lagi", "lebih", "kurang", "sekitar", "hampir", "sebanyak",
        "mencapai", "naik", "turun", "kali", "pukul", "jam", "tanggal", "nomor", "no", "halaman",
        "hal", "pasal", "ayat", "wib", "wita", "wit", "kata", "ujar", "kepada", "terhadap", "antara", "tak",
        "tidak", "belum", "masih", "pun", "pula", "saja", "sekali", "sebesar", "senilai", "sebagai", "yakni",
        "yaitu", "ialah", "tentang", "atas", "bawah", "melalui", "tahunan", "lainnya", "lain",
    }),
    identifier_words=frozenset({
        "pasal", "ayat", "nomor", "no", "halaman", "hal", "pukul", "jam", "tanggal", "kode", "seri", "edisi",
        "volume", "bab", "butir", "poin", "jalan", "jl", "gedung", "lantai", "ruang", "telepon", "telp", "hp",
        "wa", "nomer", "nopol", "rt", "rw", "km", "tahun", "sila", "pasal-pasal", "tahap", "fase",
    }),
    furniture_prefixes=(
        "baca juga", "editor:", "editor :", "penulis:", "reporter:", "pewarta:", "bagikan artikel",
        "you may also like", "more from author", "+ there are no comments", "there are no comments",
        "add yours", "estimated read time", "kredit foto", "foto:", "mau berita terbaru", "yuk follow",
        "simak juga", "lihat juga", "tonton juga", "ikuti kami", "copyright", "©", "sumber foto",
        "share this", "follow us", "related posts", "tags:", "tag:",
    ),
    furniture_lines=frozenset({"menu", "home", "beranda", "indeks", "about us", "social media", "video"}),
    pronouns=frozenset({"ia", "dia", "beliau"}),
    epithets={"negeri beruang merah": "Rusia", "negeri paman sam": "Amerika Serikat",
              "negeri tirai bambu": "Cina", "negeri sakura": "Jepang"},
    templates={
        "member": "Manakah di antara negara berikut yang merupakan anggota {subject}?",
        "member_negated": "Manakah di antara negara berikut yang BUKAN anggota {subject}?",
        "former_member": "Manakah di antara negara berikut yang pernah menjadi anggota {subject} "
                         "tetapi telah keluar?",
        "role": "Siapa yang menjabat sebagai {subject}?",
        "speaker": "Siapa yang mengatakan: “{subject}”?",
        "cloze": "Lengkapi kalimat berikut: “{cloze}”",
        "cloze_attributed": "Menurut {source}, lengkapi kalimat berikut: “{cloze}”",
        "member_count": "Berapa jumlah negara anggota {subject}?",
        "explain_member": "{value} adalah anggota {subject}.",
        "explain_member_negated": "{value} bukan anggota {subject}; anggotanya antara lain {others}.",
        "explain_former_member": "{value} telah meninggalkan {subject}.",
        "explain_role": "{value} menjabat sebagai {subject}.",
        "explain_speaker": "Kutipan ini diucapkan oleh {value}.",
        "explain_cloze": "Jawabannya {value}, seperti tertulis di artikel.",
        "explain_disputed": "Sumber lain menyebut {others}; artikel ini menyebut {value}.",
        # richer explanations, used where the corpus knows more than the source sentence says
        "explain_member_with": "{value} adalah anggota {subject}, bersama {others}.",
        "explain_former_member_with": "{value} telah meninggalkan {subject}, yang kini beranggotakan antara lain "
                                      "{others}.",
        "explain_member_count": "{subject} beranggotakan {value} negara: {others}.",
        "explain_role_source": "{value} menjabat sebagai {subject}, menurut {source}.",
        "explain_speaker_office": "Kutipan ini diucapkan oleh {value}, {office}.",
        "explain_speaker_source": "Kutipan ini diucapkan oleh {value}, seperti dikutip {source}.",
        "explain_cloze_source": "Jawabannya {value}, seperti ditulis {source}.",
        "list_joined": "{items}, dan {last}",
        "member_count_subject": "jumlah negara anggota {org}",
    },
    group_mark=".",
    decimal_mark=",",
    common_words=frozenset({
        "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "pada", "tidak", "akan", "ke",
        "juga", "oleh", "karena", "bahwa", "adalah", "telah", "sudah", "tersebut", "para", "kata", "ujar",
    }),
    date_format="{day} {month} {year}",
    patterns={
        # members.py: what stands before a list of members ("beranggotakan", "anggota …, yaitu")
        "member_lead": r"beranggotakan|terdiri (?:dari|atas)"
                       r"|anggota\w*\b[^.;]{0,80}?\b(?:yaitu|yakni|meliputi|antara lain|adalah)",
        # members.py: what follows a list of countries that left ("… telah meninggalkan CSTO"), up to the organisation
        "left_after": r"(?:telah|sudah|pernah)\s+(?:meninggalkan|keluar dari|menarik diri dari)\s+(?:\w+\s+){0,2}?",
        # members.py: one member named after its organisation, "anggota {org} Kazakhstan"
        "member_of": r"\banggota\s+(?P<org>{org})\s+$",
        # members.py: a membership that ended, after the country
        "member_until": r"^\s+(?:pernah\s+)?menjadi anggota\s+(?:\w+\s+){0,2}?(?P<org>{org})\s+(?:hingga|sampai)\s+"
                        r"(?:tahun\s+)?\d{4}",
        # dates.py: words after which a bare year is a date, the word "year", and the verbs of founding events
        "year_lead": r"pada|sejak|hingga|sampai|tahun|awal|akhir|pertengahan|medio"
                     r"|(?:kuartal|triwulan) (?:pertama|kedua|ketiga|keempat|I|II|III|IV)"
                     r"|semester (?:pertama|kedua|I|II)",
        "year_word": r"tahun",
        "event_verb": r"didirikan|dibentuk|berdiri|dibubarkan",
        "range_joiner": r"hingga|sampai|-|–",
        "period_word": r"awal|akhir|pertengahan",
        # date_forms.py: the word before a weekday ("hari Senin"), the words after which a day and month stand without a
        # year ("pada 20 Juni"), and what marks a date as ahead of the article, a deadline or relative to its year
        "weekday_word": r"hari",
        "day_lead": r"pada|sejak|hingga|sampai|tanggal|tgl\.?|mulai|per|sebelum|setelah|sesudah|usai|menjelang"
                    r"|jelang|dan|atau|hari",
        "day_suffix": r"",
        "future_marker": r"akan|bakal|mendatang|dijadwalkan|direncanakan|rencananya|rencana|berencana|target"
                         r"|menargetkan|ditargetkan|proyeksi|diproyeksikan|memperkirakan|diperkirakan|perkiraan"
                         r"|berikutnya|depan|nanti",
        "deadline_lead": r"hingga|sampai|paling lambat|selambat-lambatnya|sebelum|menjelang|jelang|menuju",
        "last_year": r"tahun (?:lalu|sebelumnya|kemarin)",
        "next_year": r"tahun (?:depan|berikutnya)",
        "this_year": r"tahun ini",
        # dates.py: words that name no event (pronouns, "hal ini", "terjadi"): a date with only these says nothing
        "empty_context": r"hal|peristiwa|kejadian|ia|dia|beliau|mereka|keduanya|terjadi|berlangsung|demikian|begitu"
                         r"|semua|semuanya",
        # dates.py: a sentence that opens by pointing back ("Pertemuan tersebut", "Hal ini", "Ia") names its event
        # only through what follows
        "deictic_opener": r"(?:[^\W\d_]+\s+){1,2}(?:ini|itu|tersebut)|ini|itu|ia|dia|beliau|mereka|keduanya",
        # dates.py: "antara April dan September 2025" is one span, not two dates
        "range_open": r"antara|dari|sejak|mulai",
        "range_and": r"dan|hingga|sampai",
        # loading.py: a line that dates the page ("Diterbitkan: Senin, 26 Mei 2025 10:15 WIB")
        "published": r"(?:diterbitkan|dipublikasikan|diperbarui|terbit|diposting|dipublish|tayang)(?:\s+pada)?",
        # roles.py: words that join two qualifiers of a title ("untuk Eropa dan Eurasia"), and "X dari Kazakhstan"
        "role_connector": r"untuk|dan|di",
        "origin": r"dari",
        # speakers.py: "mengutip X" names the speaker of a quotation
        "cited_speaker": r"mengutip",
        # numbers.py: a count of an organisation's member countries
        "country_noun": r"negara",
        "member_noun": r"anggota",
        "others": r"(?:anggota\s+)?(?:lain|lainnya)",
        "members_counted_lead": r"terdiri (?:dari|atas)|beranggotakan",
        "year_noun": r"tahun",
        # loading.py: a caption's photo credit at its end ("… Kredit Foto: Reuters")
        "caption_credit": r" (?:kredit foto|foto|sumber foto):",
    },
    context_dependent_openers=(
        "hal ini", "hal itu", "hal tersebut", "ini", "itu", "tersebut", "ia", "dia", "beliau", "mereka",
        "keduanya", "kedua negara", "kedua belah pihak", "saat itu", "kala itu", "waktu itu", "di sana",
    ),
    trailing_demonstratives=frozenset({"ini", "itu", "tersebut"}),
    membership_words=frozenset({"anggota", "bergabung"}),
)

"""The Indonesian language pack."""

from __future__ import annotations

from question_bank.lang.cldr import country_names
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
    weekdays=frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}),
    number_words=_NUMBER_WORDS,
    countries=_countries(),
    places=_variants(_PLACES),
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
    ordinal_prefix="ke-",
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
    },
    context_dependent_openers=(
        "hal ini", "hal itu", "hal tersebut", "ini", "itu", "tersebut", "ia", "dia", "beliau", "mereka",
        "keduanya", "kedua negara", "kedua belah pihak", "saat itu", "kala itu", "waktu itu", "di sana",
    ),
    trailing_demonstratives=frozenset({"ini", "itu", "tersebut"}),
    membership_words=frozenset({"anggota", "bergabung"}),
)

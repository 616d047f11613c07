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
    "Indonesia": ["ri", "republik indonesia"],
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
    "Asia": [], "Afrika": [], "Asia Tenggara": [], "Asia Timur": [], "Asia Selatan": [], "Timur Tengah": [],
    "Amerika Latin": [], "Amerika Selatan": [], "Amerika Utara": [], "Pasifik": [], "Eropa Timur": [],
    "Gedung Putih": ["white house"], "Yugoslavia": [], "Cekoslowakia": [],
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


# Organisations Indonesian news names often, by their names and acronyms, under the form news writes most: the key
# a card uses for each.
_ORGANISATIONS = {
    "ASEAN": ["perhimpunan bangsa-bangsa asia tenggara"],
    "NATO": ["pakta pertahanan atlantik utara", "organisasi pakta atlantik utara",
             "organisasi perjanjian atlantik utara"],
    "UE": ["uni eropa", "eu"],
    "PBB": ["perserikatan bangsa-bangsa", "un"],
    "DK PBB": ["dewan keamanan pbb", "dewan keamanan perserikatan bangsa-bangsa", "unsc"],
    "Uni Afrika": ["au", "ua"],
    "OPEC": ["organisasi negara-negara pengekspor minyak", "organisasi negara pengekspor minyak"],
    "OPEC+": [],
    "BRICS": [],
    "Mercosur": [],
    "G20": ["kelompok 20", "group of 20"],
    "G7": ["kelompok 7", "group of seven"],
    "G8": ["kelompok 8", "group of eight"],
    "SCO": ["organisasi kerja sama shanghai"],
    "CSTO": ["organisasi perjanjian keamanan kolektif", "organisasi traktat keamanan kolektif"],
    "Gerakan Non-Blok": ["gnb", "gerakan nonblok"],
    "GCC": ["dewan kerja sama teluk"],
    "OKI": ["organisasi kerja sama islam"],
    "APEC": ["kerja sama ekonomi asia pasifik", "kerja sama ekonomi asia-pasifik"],
    "IMF": ["dana moneter internasional"],
    "WTO": ["organisasi perdagangan dunia"],
    "FIFA": [],
}

# Adverbs that may stand between a country and its membership verb ("Finlandia lebih dulu resmi menjadi anggota").
_ADVERBS = (r"(?:(?:juga|telah|sudah|resmi|secara resmi|akhirnya|kemudian|pun|baru|lebih dulu|lebih dahulu|kembali"
            r"|hingga kini|sampai kini|sampai sekarang|kini|tetap|masih|sendiri|lalu)\s+)*")
# An ordinal or rank after "anggota" ("anggota ke-32", "anggota kesepuluh", "anggota tidak tetap").
_RANK = (r"(?:\s+(?:penuh|tetap|tidak\s+tetap|resmi|baru|ke-\d+|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
         r"|sepuluh|sebelas)(?:\s+belas|\s+puluh)?))?")
_MEMBERSHIP = {
    # members.py: what stands before a list of members ("beranggotakan", "anggota …, yaitu", "dibentuk oleh")
    "member_lead": r"beranggotakan|terdiri (?:dari|atas)"
                   r"|anggota\w*\b[^.;]{0,80}?\b(?:yaitu|yakni|meliputi|mencakup|antara lain|adalah|ialah)"
                   r"|anggota(?:nya)?\s*:|(?:dibentuk|didirikan|diprakarsai|dirintis)\b[^.;:]{0,60}?\boleh"
                   r"|(?:pendiri\w*|menginisiasi|memprakarsai|mendirikan)\b[^.;]{0,60}?\b(?:yaitu|yakni|adalah|ialah)"
                   r"|(?:memiliki|mempunyai)\s+(?:\S+\s+){0,3}?(?:negara\s+)?anggota\b"
                   r"|tergabung\s+(?:dalam|di)\b|berada\s+di\s+dalam\b"
                   r"|(?:bergabung|menyusul)\b[^.;]{0,40}?\b(?:yaitu|yakni|adalah|ialah)"
                   r"|kursi\b[^.;]{0,60}?\b(?:dipegang|diisi|ditempati)\b"
                   r"|{org}\s+(?:kini\s+)?(?:menghimpun|mencakup|meliputi)",
    # members.py: words in a list's lead that make its countries something other than members
    "not_member": r"mitra|kemitraan|pengamat|calon|tamu|undangan|diundang|pelamar|mengajukan|peninjau|kandidat"
                  r"|di luar|bukan(?: negara)? anggota|non-?anggota|belum (?:menjadi )?anggota|tetangga|pesaing"
                  r"|ingin|hendak|berminat|berencana|berharap|bakal|permohonan|mendaftar",
    # members.py: what after a list denies that its countries are members ("… bukan anggota")
    "not_member_after": r"^[^.;]{0,30}?\b(?:bukan|tidak|belum)\b",
    # members.py: an organisation's name right before a list of its members ("negara ASEAN seperti …")
    # members.py: words that introduce a list after its lead ("…, yaitu")
    "list_intro": r"yaitu|yakni|seperti|antara lain|termasuk|meliputi|adalah|ialah|di antaranya|sebagai berikut",
    "org_list": r"\s*,?\s*(?:yaitu|yakni|seperti|antara lain|termasuk|meliputi)\s*:?\s*",
    # members.py: a word between a list's comma and its next country (none in Indonesian)
    "list_article": r"(?!)",
    # members.py: after a country, what makes it a member of the organisation that follows, or of the one meant
    # when a date or the clause's end follows ("bergabung pada 1984")
    "joined_after": rf"^(?:,\s*(?:yang\s+)?)?\s*{_ADVERBS}"
                    rf"(?:bergabung(?:\s+(?:dengan|ke(?:\s+dalam)?))?|menjadi\s+(?:satu-satunya\s+|salah\s+satu\s+)?"
                    rf"anggota{_RANK}(?:\s+(?:dari|di))?|diterima\s+(?:menjadi|sebagai)\s+anggota{_RANK}"
                    rf"|(?:menjadi\s+bagian|bagian)\s+dari|tergabung\s+(?:dalam|di|ke)"
                    rf"|termasuk\s+(?:di\s+antara|dalam|salah\s+satu)\s+(?:\S+\s+)?(?:negara\s+)?(?:pendiri|anggota))"
                    rf"(?![\w-])",
    # members.py: after a country, what makes it a member of the organisation that must follow
    "member_as_after": rf"^\s+sebagai\s+(?:negara\s+)?anggota{_RANK}(?=\s)"
                       rf"|^,\s*[^,.;]{{0,40}}?\b(?:dalam|di\s+dalam)(?=\s+(?:kelompok|aliansi|organisasi|blok)\b)",
    # members.py: after a country, what makes it a former member of the organisation that follows
    "left_after": rf"^(?:,\s*yang\s+)?\s*{_ADVERBS}"
                  r"(?:keluar\s+dari|menarik\s+diri\s+dari|meninggalkan|hengkang\s+dari|mundur\s+dari"
                  r"|terakhir\s+(?:kali\s+)?(?:duduk\s+)?(?:sebagai|menjadi)\s+anggota(?:\s+(?:tidak\s+tetap|tetap))?)"
                  r"(?=\s)",
    # members.py: a membership ended that names no organisation ("… menangguhkan keanggotaannya")
    "ended_after": rf"^(?:,\s*yang\s+)?\s*{_ADVERBS}menangguhkan\s+keanggotaan(?:nya)?"
                   r"|^[^.;]{0,50}?\b(?:tetapi|namun|dan)\s+keanggotaannya\s+(?:telah\s+|sempat\s+)?ditangguhkan",
    # members.py: "… dan juga menjadi bagian dari AFC": a second membership phrase of the same country
    "and_then": r"^[^,.;]{0,40}?\s(?:dan|serta)(?=\s)",
    # members.py: words that may follow an organisation's name in a membership phrase, where another noun would make
    # it a thing of the organisation ("keluar dari OPEC pekan lalu", not "keluar dari ruang sidang PBB")
    "after_org": r"pada|sejak|tahun|bulan|pekan|minggu|hari|dalam|setelah|sebelum|sebagai|dan|tetapi|namun|atau|untuk"
                 r"|karena|ketika|saat|yang|hingga|sampai|meski|meskipun|walaupun|di|ke|dari|dengan|bersama|secara"
                 r"|per|mulai|lalu|kemarin|kini|sementara|sedangkan|sehingga|agar|sepenuhnya|secara resmi|itu|ini"
                 r"|tersebut|juga|pun",
    # members.py: what may follow a joining phrase that names no organisation ("bergabung pada 1984")
    "no_object": r"\s*(?:(?:pada|sejak|tahun|dalam|setelah|meski|meskipun|walaupun|karena|tetapi|namun|dan|serta)\b"
                 r"|,|\.|$)",
    # members.py: "Brunei bergabung pada 1984, Vietnam pada 1995": a later country that shares the verb
    "gapped": r"^\s+(?:pada|tahun|sejak)\s+[^,.;]{1,30}?(?:,\s*(?:dan\s+|sedangkan\s+)?|\s+dan\s+)$",
    "gapped_date": r"^\s+(?:pada|tahun|sejak)\s+\S",
    # members.py: words before an organisation's name that still point at it ("aliansi pertahanan NATO")
    "org_lead_words": r"(?:(?:di|dalam|dari)\s+)?(?:keanggotaan\s+)?(?:aliansi|organisasi|blok|kelompok|pakta|forum"
                      r"|perhimpunan|persekutuan|gerakan)(?:\s+(?:militer|pertahanan|ekonomi|dagang|regional|internasional))?"
                      r"|(?:(?:di|dalam|dari)\s+)?keanggotaan|di|dalam|dari",
    # members.py: an organisation named by its kind ("aliansi tersebut"), to be read as the one meant
    "org_anaphor": r"(?:(?P<kind>dewan|majelis|komisi|perhimpunan|forum)|blok|kelompok|aliansi|organisasi|pakta"
                   r"|persekutuan|gerakan)(?:\s+(?:ini|itu|tersebut))?(?![\w-])(?!\s+(?-i:[A-Z])|\s+\ue000)",
    # members.py: "Rusia … dengan lima negara anggota lainnya": the country before is a member too
    "with_others": r"(?:dengan|bersama|beserta|dan)\s+\S+\s+(?:negara\s+)?anggota\s+(?:lain|lainnya)\b",
}


def _variants(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, others in table.items():
        out[canonical.lower()] = canonical
        for other in others:
            out[other] = canonical
    return out


# People and their offices (extract/offices.py): demonyms, short titles, name particles, courtesy words, the
# words of organisations' names and the fields a ministry is over ("Menteri Energi dan Sumber Daya Mineral").
_DEMONYMS = {
    "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kirgiz": "Kirgizstan",
    "turkmen": "Turkmenistan", "azeri": "Azerbaijan", "afgan": "Afganistan",
}
_TITLE_ALIASES = {
    "sekjen": "sekretaris jenderal", "wasekjen": "wakil sekretaris jenderal", "ketum": "ketua umum",
    "menlu": "menteri luar negeri", "menhan": "menteri pertahanan", "menkeu": "menteri keuangan",
    "mendagri": "menteri dalam negeri", "menpora": "menteri pemuda dan olahraga", "menko": "menteri koordinator",
    "mensesneg": "menteri sekretaris negara", "wapres": "wakil presiden", "pm": "perdana menteri",
    "dubes": "duta besar", "dirut": "direktur utama", "dirjen": "direktur jenderal", "jubir": "juru bicara",
    "walikota": "wali kota", "ekonom kepala": "kepala ekonom",
}
_NAME_PARTICLES = frozenset({
    "bin", "binti", "bint", "ibn", "van", "von", "der", "den", "de", "da", "dos", "del", "della", "al", "el", "ter",
})
_HONORIFICS = frozenset({
    "pangeran", "putri", "syekh", "syeikh", "sheikh", "tuan", "bapak", "pak", "ibu", "bu", "dr", "dr.", "prof",
    "prof.", "ir", "ir.", "h", "h.", "hj", "hj.", "kh", "haji", "hajah", "jenderal", "letjen", "mayjen", "brigjen",
    "laksamana", "marsekal", "kolonel", "komjen", "irjen", "kombes", "paduka", "mulia",
})
_ORGANISATION_WORDS = frozenset({
    "bank", "partai", "komisi", "dewan", "badan", "kementerian", "majelis", "mahkamah", "pengadilan", "universitas",
    "institut", "lembaga", "asosiasi", "federasi", "organisasi", "persatuan", "perserikatan", "pusat", "markas",
    "kantor", "konferensi", "kelompok", "aliansi", "dana", "sekretariat", "gedung", "istana", "stadion", "museum",
    "masjid", "gereja", "rumah", "sekolah", "perusahaan", "koperasi", "yayasan", "forum", "komite", "kongres",
    "parlemen", "senat", "kabinet", "pemerintah", "kepolisian", "angkatan", "pasukan", "akademi", "kejaksaan",
    "kedutaan", "konsulat", "provinsi", "kabupaten", "kota", "desa", "pulau", "gunung", "sungai", "laut", "selat",
    "teluk", "jalan", "bandara", "pelabuhan", "hotel", "grup", "group", "tbk", "pt", "klub", "club", "fc",
    "perjanjian", "deklarasi", "piala", "liga", "festival", "tim", "timnas", "bursa", "fraksi", "koalisi",
    "kesatuan", "uni", "republik", "kerajaan", "kesultanan", "kawasan", "wilayah",
})
_OFFICE_FIELDS = frozenset({
    "luar", "negeri", "dalam", "pertahanan", "keuangan", "energi", "sumber", "daya", "mineral", "pemuda",
    "olahraga", "perdagangan", "perindustrian", "pertanian", "kesehatan", "pendidikan", "kebudayaan", "agama",
    "sosial", "perhubungan", "pariwisata", "ekonomi", "kreatif", "hukum", "hak", "asasi", "manusia", "koordinator",
    "bidang", "politik", "keamanan", "perekonomian", "pembangunan", "kemaritiman", "investasi", "kelautan",
    "perikanan", "kehutanan", "lingkungan", "hidup", "ketenagakerjaan", "tenaga", "kerja", "komunikasi",
    "informatika", "digital", "pekerjaan", "umum", "perumahan", "rakyat", "daerah", "tertinggal", "transmigrasi",
    "usaha", "kecil", "menengah", "milik", "negara", "sekretaris", "perencanaan", "nasional", "riset", "teknologi",
    "aparatur", "reformasi", "birokrasi", "pemberdayaan", "perempuan", "perlindungan", "anak", "agraria", "tata",
    "ruang", "pertanahan", "imigrasi", "pemasyarakatan", "haji", "pangan", "pekerja", "migran", "kependudukan",
    "keluarga", "urusan", "kebijakan", "strategis", "bumn", "ham", "eksekutif", "operasional",
})


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
        "sambung", "sambungnya", "tandas", "tandasnya", "beber", "bebernya", "tukas", "tukasnya", "jawab",
        "jawabnya", "timpal", "timpalnya", "cetus", "cetusnya", "serunya", "tanyanya", "akunya", "klaimnya",
    }),
    before_quote_verbs=frozenset({
        "mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menyebutkan",
        "menambahkan", "menuturkan", "mengucapkan", "menekankan", "mengaku", "mengumumkan", "berkata",
        "menyebut", "menyampaikan", "mengingatkan", "menilai", "mengklaim", "membantah", "memperingatkan",
        "memaparkan", "menerangkan", "bertanya", "menjawab",
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
        # short and spoken forms, and offices of parties, regions, firms and teams
        "Sekjen", "Wasekjen", "Ketua Umum", "Ketum", "Wakil Ketua Umum", "Wakil Ketua", "Sekretaris Pers",
        "Sekretaris Negara", "Sekretaris Kabinet", "Sekretaris", "Bendahara Umum", "Wakil Menteri",
        "Menteri Koordinator", "Menko", "Menlu", "Menhan", "Menkeu", "Mendagri", "Menpora", "Mensesneg",
        "Wapres", "PM", "Kepala", "Wakil Kepala", "Kapolri", "Kapolda", "Jaksa Agung", "Wakil Gubernur",
        "Bupati", "Wakil Bupati", "Walikota", "Wakil Wali Kota", "Dubes", "Konsul Jenderal", "Direktur Utama",
        "Dirut", "Direktur Eksekutif", "Presiden Direktur", "Dirjen", "Deputi", "Komisaris Utama", "Komisaris",
        "Komisioner", "Jubir", "Kaisar", "Putra Mahkota", "Emir", "Sultan", "Penasihat", "Utusan Khusus",
        "Pelatih", "Komandan", "Rektor", "Kepala Ekonom", "Ekonom Kepala", "Deputi Gubernur Senior", "Deputi Gubernur",
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
        "when": "Kapan {clause}?",
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
    demonyms=_DEMONYMS,
    title_aliases=_TITLE_ALIASES,
    name_particles=_NAME_PARTICLES,
    honorifics=_HONORIFICS,
    organisation_words=_ORGANISATION_WORDS,
    office_fields=_OFFICE_FIELDS,
    group_mark=".",
    decimal_mark=",",
    abbreviations=frozenset({
        "dr", "drs", "ir", "prof", "no", "jl", "st", "h", "hj", "kh", "tn", "ny", "sdr", "bpk", "kol", "jend",
        "letjen", "mayjen", "brigjen", "dll", "dsb", "dst", "vs", "a.s", "u.s",
        # English titles Indonesian outlets keep ("Mr. Putin")
        "mr", "mrs", "ms",
    }),
    common_words=frozenset({
        "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "pada", "tidak", "akan", "ke",
        "juga", "oleh", "karena", "bahwa", "adalah", "telah", "sudah", "tersebut", "para", "kata", "ujar",
    }),
    date_format="{day} {month} {year}",
    organisations=_variants(_ORGANISATIONS),
    not_organisations=frozenset({
        "ktt", "wib", "wita", "wit", "pdb", "ham", "bbm", "apbn", "apbd", "umkm", "hut", "pm", "tv", "ceo", "dll",
        "ai", "sdm", "pt", "tbk", "cv", "ok", "kpk",
    }),
    patterns={
        **_MEMBERSHIP,
        # organisations.py: words an organisation's name is built on, its name, and an article before it
        "organisation_head": r"Uni|Organisasi|Dewan|Gerakan|Asosiasi|Perhimpunan|Persatuan|Perserikatan|Komunitas|Pakta"
                             r"|Aliansi|Kelompok|Forum|Bank|Dana|Majelis|Komisi|Parlemen|Mahkamah|Badan|Liga|Federasi"
                             r"|Konfederasi|Blok|Kerja Sama",
        "organisation_name": r"{head}(?:\s+{word})+",
        "organisation_joiner": r"(?!)",
        "organisation_article": r"(?!)",
        # members.py: one member named after its organisation, "anggota {org} Kazakhstan"
        "member_of": r"\banggota\s+(?P<org>{org})\s+$",
        # members.py: a membership that ended, after the country
        "member_aside": r"^,\s+(?:sesama\s+)?(?:negara\s+)?anggota\s+(?P<org>{org})(?=[\s,])",
        "former_aside": r"^,\s+(?:negara\s+)?(?:mantan|bekas)\s+anggota\s+(?P<org>{org})(?=[\s,])",
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
        # cards/confidence.py: a phrase that refers to another sentence wherever it stands ("menyampaikan hal itu")
        # the word that puts an event at a date, dropped when the card asks "Kapan …?" instead
        # a clause with one of these may date something else than its event ("… KTT yang digelar di …")
        "when_blockers": r"yang|sejak|setelah|sesudah|sebelum|hingga|sampai|usai|seusai|menjelang",
        "date_preposition": r"pada(?: (?:tahun|tanggal))?",
        "anaphora": r"hal (?:ini|itu|tersebut)|langkah (?:ini|itu|tersebut)|keputusan (?:ini|itu|tersebut)",
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
        # speakers.py: the suffix of a speech verb that points back at the last speaker ("katanya", "ujarnya")
        "speaker_suffix": r"nya",
        # offices.py: a former office ("mantan presiden"), an election to one ("terpilih sebagai"), the Arabic
        # article glued to a name ("al-Ghais"), a word formed as a field of government ("Kebudayaan", "Pertahanan"),
        # and the words that make an apposition indefinite ("seorang pejabat")
        "former": r"mantan|eks|bekas|almarhum|mendiang",
        "elected": r"(?:terpilih|dipilih|diangkat|ditunjuk|dilantik|ditetapkan)(?:\s+kembali)?\s+(?:menjadi|sebagai)",
        "name_prefix": r"al|el|ash|asy|as|ad|ar|at|az|an|abu|abd|ibn|bin",
        "office_field": r"(?:ke|per|pe[nmr]?|peng)[a-z]{3,}an",
        "indefinite": r"seorang|salah seorang|salah satu",
        "plural_lead": r"para|sejumlah|beberapa|semua|seluruh|kedua|ketiga",
        # roles.py, context.py: "masing-masing sebagai" pairs people with offices in order; a nickname after a name
        "respectively": r"masing-masing",
        # roles.py: titles that head an organisation, never a state: alone, they are the article's organisation's
        "organisation_title": r"(?:wakil )?sekretaris jenderal|(?:wa)?sekjen",
        # offices.py: those titles name their organisation right after them ("Sekjen Asean Kao Kim Hourn")
        "title_then_organisation": r"(?:wakil )?sekretaris jenderal|(?:wa)?sekjen",
        # roles.py: a country an office holder stands for ("India diwakili Menteri …"), and a relative clause that
        # gives a name its office now ("Prabowo, yang juga Ketum Partai Gerindra,")
        "represented_by": r",?\s+(?:diwakili(?:\s+oleh)?|melalui)\s+",
        # offices.py: titles of a territory, whose name comes first after them ("Wali Kota Surakarta")
        "territorial_title": r"(?:wakil )?(?:wali ?kota|gubernur|bupati|camat|lurah|kepala desa)",
        "relative_office": r"yang\s+(?:juga\s+|kini\s+|saat ini\s+)?(?:merupakan\s+|menjabat(?:\s+sebagai)?\s+)?",
        "nickname": r",?\s+(?:yang\s+)?(?:akrab\s+|biasa\s+|lebih\s+)?(?:disapa|dipanggil|dikenal(?: dengan)?"
                    r"(?: sebutan| nama| sebagai)?)\s+",
        # numbers.py: a count of an organisation's member countries
        "country_noun": r"negara",
        "member_noun": r"anggota",
        "others": r"(?:anggota\s+)?(?:lain|lainnya)",
        "members_counted_lead": r"terdiri (?:dari|atas)|beranggotakan",
        # numbers.py: before a count, what makes it the count of all members ("memiliki", "anggota ASEAN")
        "all_members_count": r"(?:beranggotakan|terdiri (?:dari|atas)|memiliki|mempunyai|kini|saat ini|sekarang)\s*$",
        # numbers.py: a count of all members when the organisation follows ("seluruh 27 negara anggota UE")
        "definite_count": r"\b(?:seluruh|semua|kesemua)\s*$",
        # numbers.py: between an organisation and its count ("CSTO enam negara"), and between a count and its
        # organisation ("12 negara anggota OPEC")
        "count_owner_gap": r"\)?\s*",
        "count_of_org": r"\s+(?:anggota\s+)?",
        # numbers.py: what introduces the list of the members a sentence counts ("… sepuluh negara, yaitu A, B")
        "count_list_intro": r"\s*(?:anggota\s+)?(?:(?:yaitu|yakni|adalah|ialah|meliputi|antara lain|:|,)\s*)+",
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

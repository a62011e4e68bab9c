"""Hypothesis strategies: Arabic-weighted noise, clean Arabic documents, and residue.

A *clean document* follows ``CONVENTIONS.md`` by construction: a title, then
paragraphs of sentences made of ordinary Arabic words, with correct spacing,
balanced quotes in one style, dates with correctly spelt months, one blank
line between paragraphs and one final line feed.  The vocabulary holds no
widget word, no month-like word and no Persian word, so that a clean document
can never look like residue.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = (
    "الحكومة الوزير المدينة الشعب المجلس الرئيس البلاد القرار الاجتماع المشروع الطلاب المدرسة "
    "الجامعة الاقتصاد السوق الأسعار المياه الزراعة الصحة المستشفى الطريق السيارة الشركة العمال "
    "الأطفال العائلات الناس الحياة العالم التاريخ الثقافة الكتاب الشعر اللغة العربية الفكرة "
    "قال أعلن أكد أوضح أشار أضاف ذكر بحث ناقش قرر افتتح زار استقبل وصل غادر شارك_في "
    "جديد كبير صغير مهم واضح قريب بعيد سريع طويل قصير جميل صعب سهل كثير قليل "
    "في من إلى على عن مع بين بعد قبل خلال حول ضد تحت فوق عند لدى حتى منذ "
    "هذا هذه ذلك التي الذي الذين كل بعض جميع أي غير أيضا كما لكن ثم أو أم بل "
    "اليوم أمس غدا الأسبوع العام الماضي المقبل الجاري الأول الثاني الثالث الأخير "
    "مصر العراق سوريا لبنان الأردن تونس المغرب الجزائر ليبيا اليمن السعودية قطر "
    "بغداد دمشق القاهرة عمان بيروت الرباط الخرطوم صنعاء "
    "وقال وأكد وأضاف وأشار فقد لقد قد سوف لن لم لا ما إن أن كان يكون كانت "
    "الذهب الفضة النفط الغاز الكهرباء الطاقة البحر النهر الجبل الصحراء الشمس المطر "
    "رَحِمَ اللَّهُ مُحَمَّدٌ كِتَابٌ"
).replace("شارك_في", "يسهم").split()

MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
MISSPELT = {"ديسمبر": "ديسميبر", "نوفمبر": "نوفمير", "سبتمبر": "سيبتمبر", "فبراير": "فبرير", "يناير": "ينابر"}

words = st.sampled_from(WORDS)


@st.composite
def date(draw: st.DrawFn, months: tuple[str, ...] = MONTHS) -> str:
    day = draw(st.integers(1, 28))
    return f"{day} {draw(st.sampled_from(months))} {draw(st.integers(1990, 2030))}"


@st.composite
def quotation(draw: st.DrawFn) -> str:
    inner = " ".join(draw(st.lists(words, min_size=1, max_size=5)))
    return f"«{inner}»"


@st.composite
def sentence(draw: st.DrawFn) -> str:
    parts = draw(st.lists(words, min_size=5, max_size=14))
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), draw(quotation()))
    if draw(st.integers(0, 3)) == 0:
        parts.insert(draw(st.integers(0, len(parts))), "في " + draw(date()))
    if draw(st.booleans()):
        comma_after = draw(st.integers(0, len(parts) - 2))
        parts[comma_after] += "،"
    return " ".join(parts) + draw(st.sampled_from([".", ".", ".", "؟", "!"]))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


@st.composite
def title(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(words, min_size=5, max_size=11, unique=True)))


@st.composite
def linked_title(draw: st.DrawFn) -> str:
    """A linked article's title under a "read also" heading: a title that, as a headline,
    does not stop on a preposition or a conjunction (a line that does is a wrapped one)."""
    return draw(title().filter(lambda text: text.rsplit(maxsplit=1)[-1] not in _RUN_ON))


#: The words of WORDS a headline does not end on (``data/words/run_on_words.txt``, written out
#: here so that the strategy states the convention, not the rule that reads it).
_RUN_ON = frozenset("في من إلى على عن مع بين خلال حول ضد عند لدى حتى منذ التي الذي الذين ثم أو قد لن لم إن أن".split())


def _words(text: str) -> str:
    """The text without its quotation marks (``«»``: the only ones :func:`quotation` writes)."""
    return text.replace("«", "").replace("»", "")


@st.composite
def clean_document(draw: st.DrawFn) -> str:
    """A title and 2-6 paragraphs, blank-line separated, with a final line feed."""
    # Unique as B102 compares paragraphs: two that differ only in where a quotation stands are one repeated.
    body = draw(st.lists(paragraph(), min_size=2, max_size=6, unique_by=_words))
    return "\n\n".join([draw(title()), *body]) + "\n"


#: A poster card's fields whose values hold a digit, and those of a few words (a place).
CARD_COUNTS = (("المشاركات", "2,042"), ("النقاط", "0"), ("العمر", "45"), ("رقم العضوية", "12770"),
               ("مجموع الإعجابات", "32"), ("+التقييم", "0.00"), ("آخر تواجد", "11 - 12 - 14"))
CARD_WORDS = (("الإقامة", "غزة - وطن الرجال"), ("الدولة", "السعودية"), ("الجنس", "ذكر"))


@st.composite
def split_card(draw: st.DrawFn) -> str:
    """A forum poster card printed a field to a line (vBulletin 4's two columns, scraped): the
    date the poster joined and three to six more fields, a label on a line and its value under
    it, some fields without their value, blank lines between some; the last field's value
    holds a digit; a name (two words) with a rank under it or an avatar's label over it may stand
    above it.  Ends with a line feed."""
    joined = draw(st.sampled_from(["تاريخ التسجيل", "إنضم", "التسجيل :"]))
    fields = [(joined, draw(st.sampled_from(["Apr 2006", "5 يناير 2009", "10-Aug-2001", "2001-07-20"])))]
    fields += draw(st.lists(st.sampled_from(CARD_COUNTS + CARD_WORDS), min_size=1, max_size=4))
    fields.insert(draw(st.integers(0, len(fields))), draw(st.sampled_from(CARD_COUNTS)))
    fields.append(draw(st.sampled_from(CARD_COUNTS)))
    lines = []
    for k, (label, value) in enumerate(fields):
        lines.append(label)
        if (label, value) in CARD_COUNTS and k and draw(st.booleans()):
            value = ""  # a count left empty
        lines.extend([value] if value else [])
        lines.extend([""] if draw(st.booleans()) else [])
    # (a name with no rank under it stays, as may a name of one word inside the thread: a post's last
    # line may be a word or a name)
    head = draw(st.sampled_from([[], ["أبو محمد", "عضو جديد"], ["سارة أحمد", "", "عضو مميز"], ["الصورة الرمزية", "أبو محمد"]]))
    return "\n".join(head + lines).strip("\n") + "\n"


#: A table's header cells, and the names its rows start with (teams, currencies, companies).
TABLE_HEADERS = ("الفريق", "لعب", "فاز", "تعادل", "خسر", "النقاط", "العملة", "الشراء", "البيع", "السهم", "التغير")
TABLE_NAMES = ("الأهلي", "الزمالك", "الهلال", "النصر", "الاتحاد", "الرجاء", "الوداد", "الترجي", "الدولار",
               "اليورو", "الجنيه الإسترليني", "الدينار الكويتي", "أرامكو", "سابك", "مصرف الراجحي")


@st.composite
def vertical_table(draw: st.DrawFn) -> str:
    """A table scraped a cell to a line: two to four header cells, then two to five rows of a
    name and one to four numbers (the same count in every row; or a rank, the name, then the
    numbers), numbers whole or with decimals.  No final line feed."""
    header = draw(st.lists(st.sampled_from(TABLE_HEADERS), min_size=2, max_size=4, unique=True))
    names = draw(st.lists(st.sampled_from(TABLE_NAMES), min_size=2, max_size=5, unique=True))
    count = draw(st.integers(1, 4))
    ranked = draw(st.booleans())
    number = st.one_of(st.integers(0, 999).map(str),
                       st.tuples(st.integers(0, 99), st.integers(0, 99)).map(lambda p: f"{p[0]}.{p[1]:02d}"))
    lines = list(header)
    for rank, name in enumerate(names, 1):
        lines += [str(rank)] if ranked else []
        lines += [name, *draw(st.lists(number, min_size=count, max_size=count))]
    return "\n".join(lines)


#: Characters scraped text is full of, for the noise strategy.
RESIDUE_CHARS = (
    "\u00a0\u2002\u2009\u202f\u3000\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202e\u2066\u2069\ufeff\u00ad"
    "\u0640\u06cc\u06a9\u06d5\u06f1\u06f2\ufefb\ufe8d\ufdfa"
    "“”‘’«»„\"'،؛؟.:!?-/*•»>|"
    "ØÙ§„ط§ظ„ÇáÚÑÈíÉ&#;\r\t\u2028"
)
ARABIC_CHARS = "".join(chr(c) for c in range(0x0621, 0x0653)) + "٠١٢٣٤٥٦٧٨٩0123456789"
RESIDUE_SNIPPETS = (
    "اترك رد", "لن يتم نشر عنوان بريدك الإلكتروني.", "0", "12", "شارك", "فيسبوك", "اقرأ أيضا:", "الوسوم: خبر",
    "0 تعليقات", "ديسميبر", "اب / اغسطس", "&quot;", "&nbsp;", "&#1604;", "Ø§Ù„Ø£Ø³Ø¯", "ط§ظ„ط£ط³ط¯", "ÇáÃÓÏ",
    "“مكافحة الإرهاب“", "الـ54", "بـ«المجلس»", "\n", "\n\n\n", "  ",
    # shapes a first run once left work in for a second: escaped twice, split by an invisible
    # character, chrome above a repeated title, a label left last by the tail cut
    "&amp;nbsp;", "&amp;amp;quot;", "&n\u200bbsp;", "&amp;n\u200bbsp;", "اذهب إلى المحتوى\n", "Feeds:\n",
    "هل أعجبك الموضوع :", "| 30 |", "• 45058", "منتديات تقنيات\n",
    # a forum post's header, its icon label and its number, which B209 and B210 take
    "\nقديم 08-02-2019, 06:45 PM\n", "\nافتراضي ", "افتراضي افتراضي ", "\n#12\n", "\n1. #1\n",
    # a poster card printed a field to a line, and its pieces
    "\nتاريخ التسجيل\nApr 2006\nالمشاركات\n2,042\n", "\nإنضم\n", "\nالإقامة\n", "\nالعمر :\n",
)

arabic_noise = st.lists(
    st.one_of(
        st.text(alphabet=ARABIC_CHARS + " \n", min_size=1, max_size=12),
        st.text(alphabet=RESIDUE_CHARS, min_size=1, max_size=3),
        st.sampled_from(RESIDUE_SNIPPETS),
        words,
    ),
    max_size=60,
).map("".join)

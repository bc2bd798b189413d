"""Finding quotes and their speakers: the syntax of reported speech over tokens.

The work is split in small steps, each a pure function over the token sequence:

1. :func:`~marsad.quotes.marks.find_segments` finds the quoted segments (any quotation style);
2. cue tokens (verbs, participles) and phrases (attributions, settings) are looked up in the cue lexicon,
   outside quoted text;
3. each cue opens a *frame*: the tokens after it up to its complement (أن/بأن/إن ..., a colon, an opening
   quotation mark, or a participle cue that takes the frame over: وصرح المتحدث ... قائلًا:) are the gap, and
   the speaker is the noun phrase at the gap's start (VSO), the noun phrase before the cue (SVO, أما X فقد،
   X الذي قال), or, when the subject is dropped (وأضاف، مضيفًا، لكنها قالت), the subject of the clause or
   sentence before or the previous speaker, whichever agrees with the cue in gender and number (Arabic
   verbs agree with their subject; a verb before its subject is singular, so هددوا has none after it);
4. the complement gives the quote: the quoted segment(s), or the reported clause up to the sentence end, the
   next cue or an attribution phrase (which then names the outlet, ``via``);
5. attributions without a verb (بحسب، وفقًا لـ) quote the rest of their clause; quoted segments that no cue
   introduced are attributed to a cue right after them («...»، قال الوزير) or, when they open a sentence, to
   the previous speaker.

Only the speaker *span* is found here; who it is (:class:`~marsad.records.Actor`) is asked of the entities
stage's resolver (see :mod:`marsad.quotes.speakers`).
"""
from __future__ import annotations

import bisect
from itertools import compress, count
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc, Token
from .cues import CueEntry, CueLexicon
from .marks import Segment, find_segments

#: complementizers that open a reported clause (normalized: أن، إن، إنّ، بأن and pronoun-suffixed forms)
COMPLEMENTIZERS = frozenset(
    p + "ان" + s for p in ("", "ب") for s in ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "نه", "نها", "نهم"))
#: words that end a speaker noun phrase: prepositions, relatives, time words, adverbs (normalized)
STOPS = frozenset("""في خلال امام عبر علي الي من عن مع لدي حول بعد قبل منذ حيث اليوم امس غدا يوم صباح مساء
ليله ايضا كذلك الذي التي الذين اللذين اللتين اللواتي ردا تعليقا اثناء عقب ضمن وفق بين امس الاول حين عندما
لكن الا ان بان قد لقد لم لن لا ما الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت مجددا اليوميه
فيه فيها فيهم عنه عنها عنهم له لها لهم منه منها منهم عليه عليها عليهم اليه اليها اليهم معه معها معهم لديه
لديها به بها بهم بشان خاصه قوله قولها قولهم كان كانت كانوا اي بما لما مما عما هو هي هم يمكن يجب ينبغي
يتعين""".split())
#: words with the preposition ب that still belong to a speaker's title (المتحدث باسم الوزارة)
TITLE_BA = frozenset({"باسم", "باسمه", "باسمها", "باسمهم"})
#: a quotation this short reached without a colon is a name or a term (موقع "ميدل إيست آي"), not the quote
MIN_UNANNOUNCED_WORDS = 4
#: the longest quoted segment taken as a name inside a speaker's noun phrase (words)
MAX_QUOTED_NAME = 6
#: tokens that may precede a cue without being its subject (كما وصف، فيما رأى)
CONJUNCTIONS = frozenset({"كما", "فيما", "بينما", "حيث", "ثم", "و", "ف", "لكنه", "لكنها", "لكنهم", "ولكنه",
                          "ولكنها", "ولكنهم"})
#: a cue word right after a preposition is a noun (يطلق عليهم وصف «...»، في ذكر ...)
PREPOSITIONS = frozenset("""في خلال امام عبر علي الي من عن مع لدي حول بعد قبل منذ فيه فيها عليه عليها عليهم
منه منها منهم عنه عنها اليه اليها له لها لهم به بها بهم""".split())
#: a negated cue reports nothing (لم تتهم الوزارة أي طرف)
NEGATIONS = frozenset({"لم", "لن", "لا", "ولم", "ولن", "ولا"})
#: ما before a cue is a relative (بما وصفته، على ما اعتبرته): the subject is the sentence's speaker
MA = frozenset({"ما", "بما", "لما", "مما", "عما", "كما", "فيما"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
#: words after which أن is a subjunctive, not a report (من شأنه أن، من المقرر أن، يجب أن، لا بد أن)
MODAL_BEFORE_AN = frozenset("""شانه شانها شانهم يمكن يجب ينبغي المقرر المفترض المتوقع المنتظر الممكن بد
ضروره الضروري يتعين""".split())
#: the past verb بيّن and the preposition بين share their letters (see :meth:`_Article.past_bayyana`)
PAST_BAYYANA = frozenset({"بين", "وبين", "فبين", "بينت", "وبينت", "فبينت"})
#: أن after these opens a time or purpose clause (بعد أن، قبل أن، منذ أن), never reported speech (إلى أن is:
#: أشار إلى أن)
AN_AFTER_PREPOSITION = frozenset({"بعد", "قبل", "منذ", "حتي", "دون", "بدل", "رغم", "عقب", "لحين", "وبعد",
                                  "وقبل", "ومنذ", "بمجرد", "بعيد"})
#: كان opening a clause whose subject comes before its verb (وكان المرصد قد أعلن)
KANA = frozenset({"كان", "وكان", "فكان", "كانت", "وكانت", "فكانت"})
#: auxiliaries before a clause's verb (وقد توصل الباحث)
AUXILIARIES = frozenset({"قد", "وقد", "لقد", "فقد", "ولقد"})
#: a cue in a temporal clause is perception, not a report (عندما رأى أن)
TEMPORAL = frozenset({"عندما", "حين", "حينما", "بعدما", "لما", "وعندما", "وحين"})
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء", "اولئك"})
#: sentence-level adverbials skipped before an SVO subject (أما الوزير فقال)
TOPIC_MARKERS = frozenset({"اما", "واما"})
#: the addressee's pronoun between a cue and its subject (فقال له عمر، وقالت لهم الوزيرة)
ADDRESSEE = frozenset({"له", "لها", "لهم", "لهما", "لنا", "لي", "لكم", "لهن"})
#: honorifics standing for a person named before (وأشار سموه إلى أن: the prince already named)
HONORIFICS = frozenset({"سموه", "سموها", "معاليه", "معاليها", "فخامته", "سعادته", "سعادتها", "جلالته",
                        "سماحته", "سيادته"})
#: "so-called" before a name (ما تسمى مؤسسة الكنانة، مايسمى بالدولة): not part of the speaker
SO_CALLED = frozenset({"يسمي", "تسمي", "يدعي", "تدعي"})
#: a cue that asks for anonymity (طلب عدم ذكر اسمه، رفض الكشف عن هويته) inside a speaker's description
ANONYMITY_CUES = frozenset({"طلب", "طالب", "رفض", "فضل"})
ANONYMITY_OBJECTS = frozenset({"عدم", "الكشف", "كشف", "ذكر", "نشر", "الافصاح"})
ANONYMITY_ENDS = frozenset({"اسمه", "اسمها", "اسمهم", "اسميهما", "هويته", "هويتها", "هويتهم"})
#: documents whose issuer follows with ل (بيان لوزارة الداخلية، تقرير للأمم المتحدة)
DOCUMENTS = frozenset({"بيان", "بلاغ", "تقرير", "تصريح", "تصريحات", "رساله", "تغريده", "منشور"})
#: heads of a source after a bare حسب/وفق inside a clause (... بعد تغيبه حسب مصدر قضائي، حسب إدارة المطار)
SOURCE_HEADS = frozenset("""مصدر مصادر وكاله صحيفه تقرير تقارير بيان مسؤول مسؤولين مسؤولون شهود موقع
قناه اذاعه محطه متحدث ناطق اداره وزاره شرطه سلطات حكومه هيئه""".split())
MAX_GAP = 24        # tokens between a cue and its complement
MAX_SVO = 8         # tokens of an SVO subject
MAX_APPOSITION = 5  # tokens of a comma-separated apposition inside a subject
ORPHAN_MIN_WORDS = 6
#: how far back (tokens) a named speaker is still the referent of a description that follows it
RECENT_TOKENS = 120
#: endings of plural nouns (a plural speaker a plural verb can refer back to)
PLURAL_ENDINGS = ("ون", "ين", "ات", "يون")


@dataclass(slots=True)
class Found:
    """A quote before its speaker is resolved (char offsets into the original text)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int, CueEntry] | None
    speaker: tuple[int, int] | None
    via: tuple[int, int] | None = None
    confidence: float = 0.8
    flags: tuple[str, ...] = ()


@dataclass(slots=True)
class _State:
    """What one article's pass has seen so far: the speakers in order, which segments are used."""

    #: (cue token, span, named, agreement of the cue: f, m, p (plural) or None, span ends in a plural word,
    #: strong: the speaker of a quote a speech verb introduced)
    speakers: list[tuple[int, tuple[int, int], bool, str | None, bool, bool]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    quote_end: int = 0  # where the last quote ends (characters): clauses inside it are someone's words


@lru_cache(maxsize=4)
def _openers(starts: frozenset[str]) -> frozenset[str]:
    """The words a cue can start with, and the verb بيّن written like بين."""
    return starts | PAST_BAYYANA


class _Article:
    """Per-article views the steps share: tokens, their normalized forms, segments, cue look-ups."""

    def __init__(self, doc: Doc, lex: CueLexicon):
        self.doc = doc
        self.text = doc.text
        self.toks: tuple[Token, ...] = doc.tokens
        self.norms = [t.norm for t in self.toks]
        self.starts = [t.start for t in self.toks]
        self.lex = lex
        self.segs: list[Segment] = find_segments(self.text)
        n = len(self.toks)
        self.seg_of = [-1] * n       # segment whose marks enclose the token
        self.opens = [-1] * n        # segment the token opens (its opening mark)
        for k, sg in enumerate(self.segs):
            a = bisect.bisect_left(self.starts, sg.outer_start)
            b = bisect.bisect_left(self.starts, sg.outer_end)
            self.seg_of[a:b] = [k] * (b - a)
            if a < n and self.starts[a] == sg.outer_start:
                self.opens[a] = k
        self.sent_end = [n] * n      # token index after the token's sentence
        self.sent_start = [0] * n
        for s in doc.sentences:
            a, b = s.first_token, min(s.last_token, n)
            self.sent_end[a:b] = [s.last_token] * (b - a)
            self.sent_start[a:b] = [a] * (b - a)
        self.cue: list[CueEntry | None] = [None] * n        # verb/participle entry
        self.phrase: list[tuple[CueEntry, int, bool] | None] = [None] * n
        self.hits: list[int] = []    # tokens with a cue or a phrase, in order
        starts = lex.starts
        norms = self.norms
        # only the tokens that can open a cue are looked at in Python (found by one C-level scan)
        for i in compress(count(), map(_openers(starts).__contains__, norms)):
            nm = norms[i]
            if nm in PAST_BAYYANA and self.seg_of[i] < 0 and self.past_bayyana(i):
                self.cue[i] = lex.word("يبين")
                self.hits.append(i)
                continue
            if nm not in starts or self.seg_of[i] >= 0:
                continue
            ph = lex.phrase_at(self.norms, i)
            if ph is not None and ph[0].kind == "attribution" and _mid_clause_hasb(self, i, ph):
                ph = None  # حسب الحاجة، تعليقًا على ما جرى: not an attribution
            if ph is not None:
                self.phrase[i] = ph
            elif not self.noun_in_ta(i, nm):
                self.cue[i] = lex.word(nm)
            if ph is not None or self.cue[i] is not None:
                self.hits.append(i)

    # ---- small predicates -------------------------------------------------------------------------------

    def past_bayyana(self, i: int) -> bool:
        """The past verb بيّن ("explained"), written like the preposition بين: with its shadda, or opening
        its sentence (وبين المتحدث أن ...) with a complementizer a few words on (not وبين الطرفين خلاف)."""
        if "ّ" in self.toks[i].text:
            return True
        if i != self.sent_start[i]:
            return False
        return any(nm in COMPLEMENTIZERS for nm in self.norms[i + 1:min(i + 1 + MAX_SVO, self.sent_end[i])])

    def noun_in_ta(self, i: int, nm: str) -> bool:
        """A word in ة that only looks like a cue once ة is folded to ه: a verb with an object pronoun
        (طالبه) is never written طالبة, and a feminine participle (متابعة، مطالبة) is a noun unless it
        follows a comma or a complementizer follows it (، مشيرةً إلى أن)."""
        if not self.toks[i].text.endswith("ة"):
            return False
        if _bare(nm) in self.lex.with_object:
            return True
        if i > 0 and self.toks[i - 1].text in "،,":
            return False
        nxt = self.norms[i + 1:i + 3]
        return not (nxt and (nxt[0] in COMPLEMENTIZERS or nxt[0] == ":" or len(nxt) > 1
                             and nxt[0] in ("الي", "علي") and nxt[1] in COMPLEMENTIZERS))

    def is_stop(self, i: int) -> bool:
        t = self.toks[i]
        if t.kind in ("number",):
            return True
        if t.kind == "punct":
            return t.text not in "،,"
        nm = self.norms[i]
        if not nm:
            return True  # a token of marks only (ـــ)
        if nm == "علي" and t.text.endswith("ي") or nm == "امام" and t.text.startswith("إ"):
            return False  # the name علي, not the preposition على; إمام (imam), not أمام
        if (nm in STOPS or len(nm) == 1 or nm[0] in "وف" and nm[1:] in STOPS
                or self.phrase[i] is not None or self.cue[i] is not None):
            return True
        # a preposition attached to a definite noun or a name: the audience (للتلفزيون، لوكالة), a complement
        if not (t.parts and t.parts[0].kind == "proclitic"):  # words the splitter left whole: بالإنجليزية
            return nm.startswith(("لل", "ولل")) or len(nm) >= 6 and nm.startswith(("بال", "وبال"))
        # ب only with a definite noun or a pronoun (بالجيش، بحريتها): باولو is a name the splitter cut; a
        # conjunction before them changes nothing (وللشعب، وبالجيش)
        k = 1 if t.parts[0].text in ("و", "ف") and len(t.parts) > 1 and t.parts[1].kind == "proclitic" else 0
        p0 = t.parts[k].text
        return p0 in "لـ" or p0 == "ب" and nm not in TITLE_BA and any(
            p.kind in ("article", "enclitic") for p in t.parts)

    def has_pronoun(self, i: int) -> bool:
        """A word with a possessive/object pronoun (حديثه، موقفها): split by the tokenizer or, for words it
        left whole, ending in ه/ها/هم where a ta marbuta would be ة and without the article."""
        t = self.toks[i]
        if t.parts:  # not ي (الاحمري is a nisba, not "my") and never with the article
            return (t.parts[-1].kind == "enclitic" and t.parts[-1].text in ("ه", "ها", "هم", "هما", "هن")
                    and not any(p.kind == "article" for p in t.parts))
        w = t.text
        return t.kind == "word" and len(w) >= 5 and w.endswith(("ه", "ها", "هم")) and not w.startswith(("ال", "وال"))

    def gender(self, i: int) -> str | None:
        """Gender of the cue at ``i`` from its agreement (قالت، تقول، مؤكدة: f; قال، مؤكدا: m); None for
        plurals, phrases and anything unclear."""
        if self.cue[i] is None:
            return None
        nm = self.norms[i]
        words = self.lex.words
        if nm not in words and nm[0] in "وف":
            nm = nm[1:]
        if self.cue[i].frame in ("from", "in"):
            return None  # نقلت الوكالة عن الوزير: the verb agrees with the outlet, not the speaker
        if nm == "بينت":
            return "f"  # بيّنت (its بيّن is not listed: the preposition بين is far more frequent)
        # ين is plural on a participle (مؤكدين); on a verb it is the root's (يبين، بيّن)
        if (nm.endswith(("وا", "ون")) or nm.endswith("ين") and self.cue[i].pos == "participle"
                or nm.endswith(("وه", "وها", "وهم")) and nm[:-2] + "ا" in words):
            return "p"
        if (nm.endswith("ت") and nm[:-1] in words or nm.startswith("ت") and "ي" + nm[1:] in words
                or nm.endswith("ه") and nm[:-1] + "ا" in words):
            return "f"
        if nm.endswith(("ته", "تها", "تهم")) and nm[:nm.rindex("ت")] in words:
            return "f"  # وصفته
        return "m"

    def word_start(self, i: int) -> int:
        """Start of token ``i`` without a conjunction proclitic (وبيسكوف → بيسكوف)."""
        t = self.toks[i]
        if t.parts and t.parts[0].kind == "proclitic" and t.parts[0].text in ("و", "ف") and len(t.parts) > 1:
            return t.parts[1].start
        return t.start

    def named(self, a: int, b: int) -> bool:
        """A span that contains a name-like word (not a bare definite description such as الوزير)."""
        words = [i for i in range(a, b) if self.toks[i].kind == "word"]
        if len(words) == 1:
            return not self.norms[words[0]].startswith("ال")
        return any(not self.norms[i].startswith(("ال", "وال")) for i in words[1:])

    def tok_span(self, a: int, b: int, *, possessive: bool = False) -> tuple[int, int] | None:
        """Char span of tokens ``[a, b)`` with commas trimmed at both ends; None when it starts with a noun
        carrying a possessive pronoun (أنهى حديثه: an object, not a subject) unless ``possessive`` allows it
        (after a speech verb: وقال والده، وقال صانعوها)."""
        while a < b and self.toks[a].kind == "punct" and self.opens[a] < 0:
            a += 1
        quoted = a < b and self.opens[a] >= 0  # «المرصد السوري» ...: keep both marks of a quoted name
        if a < b and self.has_pronoun(a) and not (
                possessive and self.norms[a] not in HONORIFICS and _bare(self.norms[a])[:1] not in "بل"):
            return None  # سموه، معاليه: the person named before; باسمه، لها: a preposition's phrase
        while b > a and self.toks[b - 1].kind == "punct" and not (
                quoted and self.seg_of[b - 1] == self.opens[a] or self.closes_name(a, b - 1)):
            b -= 1
        if b <= a:
            return None
        return self.word_start(a), self.toks[b - 1].end

    # ---- noun phrases --------------------------------------------------------------------------------------

    def noun_phrase(self, a: int, limit: int, *, genitive_l: bool = False, apposition: bool = True) -> int:
        """End (token index) of the speaker noun phrase starting at ``a``: up to a stop word, with at most one
        comma-separated apposition (المتحدث باسم الرئاسة، دميتري بيسكوف،) and names in quotation marks
        («المرصد السوري لحقوق الإنسان»). With ``genitive_l`` a word with ل goes on the phrase (بيان لوزارة
        الدفاع) instead of ending it."""
        i = a
        commas = 0
        while i < limit:
            t = self.toks[i]
            k = self.opens[i]
            if k >= 0 and self.segs[k].closed and self.short(k):
                i = self.after(k)
                if i < limit and self.norms[i][:1] == "ي" and not self.phrase[i]:
                    return i  # بحسب شبكة «روسيا اليوم» يحيط بالشاطئ: a present verb ends the name
                continue
            if self.naming(a, i, limit):
                i += 1  # محتج يدعى منتظر حاتم: the name goes on the phrase
                continue
            if t.kind == "punct" and t.text in "،,":
                if not apposition:
                    return i
                # an apposition is short and closed by a comma, a stop or the gap's end
                j = i + 1
                while j < limit and j - i <= MAX_APPOSITION and not self.is_stop(j) and self.toks[j].text not in "،,":
                    j += 1
                if commas or j == i + 1 or j - i > MAX_APPOSITION or (j < limit and not (
                        self.toks[j].text in "،," or self.is_stop(j))):
                    return i
                commas += 1
                i = j
                continue
            if self.is_stop(i) and not (genitive_l and self.norms[i][:1] == "ل" and len(self.norms[i]) > 2
                                        or self.title_genitive(i, limit)):
                return i
            if i > a and self.norms[i].startswith("ال") and self.indefinite_plural(i - 1):
                return i  # ناشطون القرار: a sound plural with its ن is no construct, the definite word is an object
            i += 1
        return i

    def closes_name(self, a: int, k: int) -> bool:
        """Token ``k`` is the closing mark of a quoted name that opens at or after token ``a`` (شبكة «روسيا
        اليوم»): the mark stays on the span."""
        sg = self.seg_of[k]
        return (sg >= 0 and self.segs[sg].closed and self.toks[k].end == self.segs[sg].outer_end
                and self.segs[sg].outer_start >= self.toks[a].start)

    def naming(self, a: int, i: int, limit: int) -> bool:
        """يدعى/تدعى "who is called" after a noun of the phrase (محتج يدعى منتظر), not ادّعى "claimed"."""
        return (a < i and i + 1 < limit and self.norms[i] in ("يدعي", "تدعي") and self.toks[i - 1].kind == "word"
                and self.norms[i + 1] not in COMPLEMENTIZERS)

    def so_called(self, a: int, limit: int) -> int:
        """Past "so-called" before a name (ما تسمى مؤسسة الكنانة، مايسمى بالدولة): the name's first token."""
        if a + 1 < limit and self.norms[a] == "ما" and self.norms[a + 1] in SO_CALLED:
            return a + 2
        if a < limit and self.norms[a][:2] == "ما" and self.norms[a][2:] in SO_CALLED:
            return a + 1
        return a

    def indefinite_plural(self, k: int) -> bool:
        """An indefinite sound plural (ناشطون، مسؤولين): it takes no definite genitive or adjective after it."""
        nm = self.norms[k]
        return (self.toks[k].kind == "word" and len(nm) >= 5 and nm.endswith(("ون", "ين"))
                and not nm.startswith(("ال", "وال")))

    def title_genitive(self, i: int, limit: int) -> bool:
        """A definite noun with ل inside a title, not an audience: a name follows it (الأمين العام للحركة زهير
        المغزاوي) where an audience is followed by the complement (قال للتلفزيون الرسمي إن)."""
        if not self.norms[i].startswith("لل") or i == 0 or not self.norms[i - 1].startswith("ال"):
            return False
        k = i + 1
        while k < limit and k - i <= 3 and self.norms[k].startswith("ال") and not self.is_stop(k):
            k += 1
        return (k < limit and self.toks[k].kind == "word" and not self.norms[k].startswith("ال")
                and not self.is_stop(k) and self.norms[k] not in COMPLEMENTIZERS)

    def extend_to_person(self, span: tuple[int, int], j: int) -> tuple[int, int]:
        """Take in a person named just after a title's prepositional phrase (القيادي في حزب نداء تونس رضا
        بلحاج): with entities, the subject runs on to a person entity that starts within a few words,
        before the complement at token ``j`` and without a comma in between."""
        s, e = span
        limit = self.toks[j].start if j < len(self.toks) else len(self.text)
        for ent in self.doc.entities:
            if ent.type == "PER" and e <= ent.start and ent.end <= limit:
                between = self.text[e:ent.start]
                if "،" not in between and "," not in between and len(between.split()) <= MAX_APPOSITION:
                    return s, ent.end
                break
        return span

    def short(self, k: int) -> bool:
        """A quoted segment short enough to be a name («الشرق الأوسط») rather than a quotation."""
        sg = self.segs[k]
        return len(self.text[sg.start:sg.end].split()) <= MAX_QUOTED_NAME

    def after(self, k: int) -> int:
        """The token after segment ``k``'s closing mark."""
        return bisect.bisect_left(self.starts, self.segs[k].outer_end)

    def sentence_subject(self, i: int) -> tuple[int, int] | None:
        """The subject of the clause a participle hangs on (أعربت روسيا ...، مؤكدةً; وفي تسجيل، خاطب نتنياهو
        ...، قائلًا)."""
        found = self.subject_in(self.sent_start[i], i)
        return found[0] if found else None

    def subject_in(self, s: int, i: int, *, main: bool = False) -> tuple[tuple[int, int], int] | None:
        """In tokens ``[s, i)``: the last clause (``main``: the first) that opens with a verb-like word (not a
        preposition, not definite, not a participle), with the noun phrase after it as its subject;
        (span, verb token)."""
        starts = [s] + [k + 1 for k in range(s, i) if self.toks[k].text in "،," and self.seg_of[k] < 0]
        for first in (starts if main else reversed(starts)):
            while first < i and (self.norms[first] in CONJUNCTIONS or self.norms[first] in AUXILIARIES):
                first += 1
            first = self.after_pp(first, i)
            if (first >= i - 1 or self.toks[first].kind != "word" or self.seg_of[first] >= 0
                    or self.norms[first].startswith(("ال", "وال"))
                    or self.cue[first] is None and self.is_stop(first) and self.norms[first] not in ("عبر", "وعبر")
                    or self.cue[first] is not None and self.cue[first].pos == "participle"):
                continue
            a = self.so_called(first + 1, i)
            span = self.tok_span(a, self.noun_phrase(a, i))
            if span is not None:
                return span, first
        return None

    def after_pp(self, k: int, i: int) -> int:
        """Past a clause-opening prepositional phrase (وفي هذا السياق أطلق مغردون): the word after it."""
        nm = self.norms[k] if k < i else ""
        if not (nm in PREPOSITIONS or nm[:1] in "وف" and nm[1:] in PREPOSITIONS or _bare(nm) == "بين"):
            return k
        j = k + 1
        while j < i and j - k <= 4 and (self.norms[j].startswith("ال") or self.norms[j] in DEMONSTRATIVES
                                        or self.has_pronoun(j)):  # من جانبهم، في هذا السياق
            j += 1
        return j if j < i and j > k + 1 else k

    def verb_gender(self, k: int) -> str | None:
        """Agreement of a verb-like word that may not be a cue (دافع: m; تسعى، قامت: f)."""
        if self.cue[k] is not None:
            return self.gender(k)
        nm = _bare(self.norms[k])
        if nm.endswith(("وا", "ون")):
            return "p"
        return "f" if nm.endswith("ت") or nm.startswith("ت") else "m"

    def topic_subject(self, i: int) -> tuple[int, int] | None:
        """أما حزب المبادرة، فقد اعتبر أن ...: the topic after أما is the subject of the verb after ف."""
        k = i - 1
        while k >= 0 and self.norms[k] in ("فقد", "قد", "فانه", "فانها"):
            k -= 1
        if k >= 0 and self.toks[k].text in "،,":
            k -= 1
        a = k
        while a >= self.sent_start[i] and k - a < MAX_SVO and self.norms[a] not in TOPIC_MARKERS:
            a -= 1
        if a < self.sent_start[i] or self.norms[a] not in TOPIC_MARKERS or a == k:
            return None
        return self.tok_span(a + 1, k + 1)

    def kana_subject(self, i: int) -> tuple[int, int] | None:
        """وكان المرصد السوري لحقوق الإنسان المعارض للنظام (قد) أعلن أن: the subject is the noun phrase after
        كان that opens the cue's clause, genitives with ل included."""
        s = self.sent_start[i]
        while s < i and self.norms[s] in CONJUNCTIONS:
            s += 1
        if i - s > 2 * MAX_SVO or self.norms[s] not in KANA or any(
                self.toks[k].kind == "punct" and self.toks[k].text not in "،," for k in range(s, i)):
            return None
        end = self.noun_phrase(s + 1, i, genitive_l=True)
        rest = range(end, i)
        if end == s + 1 or not all(self.norms[k] in AUXILIARIES or self.norms[k] in ("امس", "اليوم") for k in rest):
            return None
        return self.tok_span(s + 1, end)

    def svo_subject(self, i: int) -> tuple[int, int] | None:
        """The noun phrase before a cue without a conjunction (بيسكوف أكد أن): its clause's first words;
        after a relative pronoun (فالس، الذي قال) the noun phrase the relative clause hangs on."""
        topic = self.topic_subject(i) or self.kana_subject(i)
        if topic is not None:
            return topic
        if self.norms[i][0] in "وف" and self.lex.words.get(self.norms[i]) is None:
            return None  # وأكد: a clause-initial verb, VSO
        if i > 0 and self.norms[i - 1] in RELATIVES:
            i -= 1
            if i > 0 and self.toks[i - 1].text in "،,":
                i -= 1
        a = i
        while a > self.sent_start[i] and i - a < MAX_SVO:
            t = self.toks[a - 1]
            if t.kind == "punct" or self.is_stop(a - 1) or self.seg_of[a - 1] >= 0:
                break
            a -= 1
        while a < i and (self.norms[a] in CONJUNCTIONS or self.norms[a] in TOPIC_MARKERS):
            a += 1
        if a >= i:
            return None
        if self.norms[i - 1] in CONJUNCTIONS or self.norms[i - 1] in MA:
            return None
        return self.tok_span(a, i)


def find_quotes(doc: Doc, lex: CueLexicon) -> list[Found]:
    """Every quote of the article, in text order, with speaker spans (not yet resolved)."""
    A = _Article(doc, lex)
    st = _State()
    out: list[Found] = []
    handed: dict[int, tuple[int, int] | None] = {}  # participle cue -> subject its verb handed over
    i = 0  # the next token a cue may start at (a frame's quote consumes the cues inside it)
    for h in A.hits:
        if h < i:
            continue
        if A.phrase[h] is not None:
            i = _attribution(A, st, out, h)
            continue
        if h > 0 and (A.norms[h - 1] in PREPOSITIONS and A.cue[h].pos == "verb" or A.norms[h - 1] in TEMPORAL
                      and not (h > 1 and A.norms[h - 1] == "حين" and A.norms[h - 2] in ("في", "وفي"))):
            continue  # يطلق عليهم وصف: a noun (a participle after a phrase, المقدمة منه مؤكدين, is fine);
            # عندما رأى: perception, but في حين قال is "whereas", a report
        if h > 0 and A.norms[h - 1] in NEGATIONS:  # ولم تكشف الشركة ...، لكنها قالت: no report, but a subject
            _remember(A, st, h, _speaker(A, st, h, _scan(A, h)[1], A.cue[h], handed)[0], strong=False)
            continue
        i = _frame(A, st, out, h, A.cue[h], handed)
    _orphans(A, st, out)
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _previous_speaker(st: _State, pos: int, gender: str | None = None,
                      since: int = 0) -> tuple[tuple[int, int] | None, bool]:
    """The speaker a dropped subject refers to: the last one before ``pos`` (from token ``since``) whose
    verb agrees in gender (واعتبر after a quote of الحركة goes further back); when that one is a bare
    description (كبير الدبلوماسيين) right after a named speaker, the named mention (the same person, the
    usual news style of varying the reference)."""
    before = [s for s in st.speakers if since <= s[0] < pos]
    if gender is not None:  # Arabic verbs agree with their subject: a mismatch is someone else
        before = [s for s in before if s[3] in (None, gender) or gender == "p" and s[4]]
    if not before:
        return None, False
    pos0, span, named = before[-1][:3]
    if (not named and len(before) >= 2 and before[-2][2] and before[-1][5] and before[-2][5]
            and pos0 - before[-2][0] < RECENT_TOKENS):
        return before[-2][1], True
    return span, named


def _scan(A: _Article, i: int) -> tuple[str | None, int]:
    """From cue ``i``: what its complement is (comp, quote, colon, cue) and at which token; None when none."""
    end = min(A.sent_end[i], i + 1 + MAX_GAP, len(A.toks))
    j = i + 1
    relative = False
    while j < end:
        t = A.toks[j]
        if A.opens[j] >= 0:
            seg = A.segs[A.opens[j]]
            k = A.after(A.opens[j])
            named = A.short(A.opens[j]) and k < len(A.toks) and (A.norms[k] in COMPLEMENTIZERS or A.toks[k].text == ":")
            if not named and (len(A.text[seg.start:seg.end].split()) >= MIN_UNANNOUNCED_WORDS
                              or A.toks[j - 1].text in "،," or A.norms[j - 1] == "ب"
                              or _bare(A.norms[i]) in A.lex.with_object and A.noun_phrase(i + 1, j) >= j):
                return "quote", j  # also وصفه بـ"الدكتاتور" and اعتبرها كاميرون "صراع جيلنا"
            k = _token_at(A, seg.outer_end, j)
            end = min(A.sent_end[i], end + (k - j), len(A.toks))  # a name in quotes counts as one word
            j = k
            continue
        if A.seg_of[j] >= 0:
            return None, j
        nm = A.norms[j]
        if nm in COMPLEMENTIZERS:
            if j + 1 < len(A.toks) and A.toks[j + 1].start == t.end and A.toks[j + 1].text == ".":
                while j + 1 < len(A.toks) and A.toks[j + 1].start == A.toks[j].end:
                    j += 1  # (إن.بي.سي.): an abbreviation
                j += 1
                continue
            if nm == "ان" and A.norms[j - 1] in AN_AFTER_PREPOSITION:
                j += 1  # قال بعد أن التقى الوفد إن / وختمت الأسبوع بعد أن لامست: a time clause, not a report
                continue
            if nm == "ان" and _subjunctive(A, i, j):
                return None, j
            return "comp", j
        if t.text == ":":
            if j + 1 < len(A.toks) and A.opens[j + 1] >= 0:
                return "quote", j + 1
            if j + 1 < len(A.toks) and A.norms[j + 1] in COMPLEMENTIZERS:
                return "comp", j + 1
            return "colon", j
        if t.text in "،,":
            relative = False
        if nm in RELATIVES:
            relative = True  # المصدر الذي طلب عدم ذكر اسمه أن: a cue inside the relative clause is not one
        elif A.cue[j] is not None and (k := _description(A, i, j, end)) > j:
            j = k  # مسؤول طلب عدم نشر اسمه، محتج يدعى منتظر: a description of the speaker, not a report
            continue
        elif A.cue[j] is not None and not relative:
            return ("cue", j) if A.cue[j].pos == "participle" else (None, j)
        if A.phrase[j] is not None and A.phrase[j][0].kind == "attribution" and A.norms[j] != "نقلا":
            k = _gap_source_end(A, j)
            if k is None or k >= end or A.norms[k] not in COMPLEMENTIZERS:
                return None, j
            j = k  # وقال متعب بحسب صحيفة مكة إن: the outlet between the speaker and his words
            continue
        if A.phrase[j] is not None and A.phrase[j][0].kind == "setting":
            end = min(A.sent_end[i], i + 1 + 2 * MAX_GAP, len(A.toks))  # في تصريح لـ... على هامش ...
        if t.kind == "punct" and t.text not in "،,()":
            return None, j
        j += 1
    late = _late_complement(A, j, min(A.sent_end[i], i + 1 + 2 * MAX_GAP, len(A.toks)))
    return ("comp", late) if late is not None else (None, j)


def _gap_source_end(A: _Article, j: int) -> int | None:
    """The token after the source of the attribution phrase at ``j`` (بحسب صحيفة مكة); None without one."""
    party = _party(A, j, A.phrase[j])
    return None if party is None else _token_at(A, party[1], j)


def _gap_source(A: _Article, i: int, j: int) -> tuple[int, int] | None:
    """The outlet named by an attribution phrase between cue ``i`` and its complement at ``j`` (via)."""
    for k in range(i + 1, j):
        ph = A.phrase[k]
        if ph is not None and ph[0].kind == "attribution" and A.norms[k] != "نقلا":
            return _party(A, k, ph)
    return None


def _late_complement(A: _Article, j: int, end: int) -> int | None:
    """A complementizer after a comma further than :data:`MAX_GAP` from its cue, with nothing between but
    plain words (أوضح رئيس الهيئة ... تعليقًا على خبر توصل المهندس ... في وقت مبكر، أن): a long circumstantial
    phrase, not a new clause, as long as no cue, quotation or sentence mark comes first."""
    for k in range(j, end):
        t = A.toks[k]
        if A.seg_of[k] >= 0 or A.cue[k] is not None or A.phrase[k] is not None:
            return None
        if t.kind == "punct" and t.text not in "،,":
            return None
        if t.text in "،," and k + 1 < end and A.norms[k + 1] in COMPLEMENTIZERS:
            return k + 1
    return None


def _description(A: _Article, i: int, j: int, end: int) -> int:
    """The token after a clause describing the speaker that starts at cue ``j`` inside the gap of cue ``i``:
    an anonymity clause (طلب عدم ذكر اسمه، رفض الكشف عن هويته) or a naming (محتج يدعى منتظر حاتم: يدعى is
    "is called" here, not ادّعى "claimed"); ``j`` itself when there is none."""
    if A.naming(i + 1, j, end):
        return j + 1
    if _bare(A.norms[j]) not in ANONYMITY_CUES or j + 1 >= end or A.norms[j + 1] not in ANONYMITY_OBJECTS:
        return j
    return next((k + 1 for k in range(j + 2, min(j + 6, end)) if A.norms[k] in ANONYMITY_ENDS), j)


def _bare(nm: str) -> str:
    """A normalized cue token without its conjunction (واعتبرها → اعتبرها)."""
    return nm[1:] if len(nm) > 3 and nm[0] in "وف" else nm


def _subjunctive(A: _Article, i: int, j: int) -> bool:
    """أن after a present-tense verb that is not the cue (ننتظر أن تقدم، يمكن أن): a subjunctive, no report."""
    k = j - 1
    if k > i and A.norms[k] in MODAL_BEFORE_AN:
        return True
    if k <= i or A.toks[k].kind != "word" or A.noun_phrase(i + 1, j) >= j:
        return False
    nm = A.norms[k]
    if A.norms[k - 1] in PREPOSITIONS:
        return False  # في حساب على تويتر أن: a noun after a preposition, not a verb
    return bool(nm) and (nm[0] in "يتن" and not nm.startswith("ال") and A.cue[k] is None and len(nm) >= 4
            and not A.has_pronoun(k) and not A.toks[k].text.endswith(("ة", "ى")))  # قناة نسمة أن: a noun


def _frame(A: _Article, st: _State, out: list[Found], i: int, entry: CueEntry,
           handed: dict[int, tuple[int, int] | None]) -> int:
    """One cue: find its speaker and complement; emit its quote. Returns the next token to look at."""
    if entry.frame == "in" and (i + 1 >= len(A.toks) or A.norms[i + 1] != "في"):
        return i + 1  # جاء هذا بعد ...: only جاء في البيان reports
    target, j = _scan(A, i)
    if entry.frame == "from" and "عن" not in A.norms[i + 1:j]:
        return i + 1  # قرار نقل المباراة: the noun "transfer", not نقل عن "reported from"
    speaker, via, flags = _speaker(A, st, i, j, entry, handed)
    if via is None and target == "comp":
        via = _gap_source(A, i, j)
    conf = 0.9
    if "continuation" in flags:
        conf = 0.8
    if target == "cue":
        # the participle gets the verb's subject when nothing but the subject stands between them
        k = A.noun_phrase(i + 1, j)
        if all(A.toks[m].kind == "punct" for m in range(k, j)):
            handed[j] = speaker
        elif "continuation" not in flags:
            _remember(A, st, i, speaker, strong=False)
        return j
    seg = _segment_before(A, st, i) if entry.pos == "verb" else None
    if seg is not None and speaker is not None and target in (None, "quote"):  # «...»، قال الوزير(، «...»)
        st.used.add(seg)
        s = A.segs[seg]
        out.append(Found(start=s.start, end=s.end, kind="direct", cue=_cue(A, i, entry), speaker=speaker,
                         confidence=0.85 if s.closed else 0.3,
                         flags=flags + (() if s.closed else ("unclosed_quote",))))
        st.quote_end = max(st.quote_end, s.end)
        _remember(A, st, i, speaker)
    if target is None:
        if seg is None and entry.kind == "speech" and _postposed(A, st, out, i, entry):
            return max(j, i + 1)
        if "continuation" not in flags:
            _remember(A, st, i, speaker, strong=False)  # وأكد مسؤول عسكري الضربة، وقال إن ...
        return max(j, i + 1)
    if target == "quote":
        segs = _segment_chain(A, A.opens[j])
        start, end = A.segs[segs[0]].start, A.segs[segs[-1]].end
        kind = "direct"
        nxt = _token_at(A, A.segs[segs[-1]].outer_end, j)
    else:
        a = j + 1
        start, end, b, via2 = _clause(A, a, i)
        if end <= start:
            return j + 1
        via = via or via2
        segs = [k for k in range(len(A.segs)) if start <= A.segs[k].outer_start and A.segs[k].outer_end <= end + 1]
        kind = "indirect" if target == "comp" else "direct"
        if segs:
            rest = A.text[start:end]
            covered = sum(A.segs[k].outer_end - A.segs[k].outer_start for k in segs)
            if set(_strip_segments(A, rest, start, segs)) <= set(" و،,.") or covered >= len(rest):
                start, end, kind = A.segs[segs[0]].start, A.segs[segs[-1]].end, "direct"
            else:
                kind = "mixed"
        elif target == "colon":
            kind = "indirect"
            conf = 0.6
        nxt = b
    if speaker is None and kind == "indirect":
        return max(nxt, i + 1)  # a reported clause nobody can be found to have said: mostly not speech
    closed = all(A.segs[k].closed for k in segs)
    st.used.update(segs)
    if not closed:
        flags += ("unclosed_quote",)
        conf = 0.3
    out.append(Found(start=start, end=end, kind=kind, cue=_cue(A, i, entry), speaker=speaker, via=via,
                     confidence=conf if kind != "indirect" else min(conf, 0.8), flags=flags))
    st.quote_end = max(st.quote_end, end)
    _remember(A, st, i, speaker)
    return max(nxt, i + 1)


def _postposed(A: _Article, st: _State, out: list[Found], i: int, entry: CueEntry) -> bool:
    """A cue after its words: ...، كما قال مديره ميغيل غالان. / ...، كما ذكرت النيابة في بيان. The clause before
    the comma is the quote when the cue's subject ends its own clause (a comma, the sentence end or a setting
    follow it), unlike ...، كما أعلن الوزير عن خطة, which reports something else. Returns whether it quoted."""
    if i < 2 or A.norms[i - 1] not in ("كما", "مثلما") or A.toks[i - 2].text not in "،,":
        return False
    limit = A.sent_end[i]
    e = A.noun_phrase(i + 1, limit, apposition=False)
    if e == i + 1 or e < limit and not (A.toks[e].kind == "punct" or A.phrase[e] is not None
                                        and A.phrase[e][0].kind == "setting"):
        return False
    first = A.sent_start[i]
    while first < i - 2 and A.norms[first] in CONJUNCTIONS:
        first += 1
    start, end = A.toks[first].start, A.toks[i - 3].end if i - 3 >= first else A.toks[first].start
    if end <= start or any(q.end > start for q in out):
        return False  # its sentence already has a quote (the cue names more of its speaker, not new words)
    speaker = (A.word_start(i + 1), A.toks[e - 1].end)
    segs = [k for k in range(len(A.segs)) if start <= A.segs[k].outer_start and A.segs[k].outer_end <= end + 1]
    st.used.update(segs)
    out.append(Found(start=start, end=end, kind="mixed" if segs else "indirect", cue=_cue(A, i, entry),
                     speaker=speaker, confidence=0.7, flags=("postposed",)))
    st.quote_end = max(st.quote_end, end)
    _remember(A, st, i, speaker)
    return True


def _speaker(A: _Article, st: _State, i: int, j: int, entry: CueEntry,
             handed: dict[int, tuple[int, int] | None]) -> tuple[tuple[int, int] | None, tuple[int, int] | None,
                                                                tuple[str, ...]]:
    """Speaker span, outlet span (نقلت الوكالة عن الوزير) and flags for the cue at ``i`` whose gap ends at ``j``."""
    a = i + 1
    while a < j and (A.norms[a] in ("اليوم", "امس", "ايضا", "كذلك", "مجددا") or A.norms[a] in ADDRESSEE):
        a += 1
    if a + 1 < j and A.norms[a] == "ل" and A.opens[a + 1] >= 0 and A.short(A.opens[a + 1]):
        a = A.after(A.opens[a + 1])  # صرح لـ«عين اليوم» المتحدث الرسمي: the outlet spoken to, then the subject
    a = A.so_called(a, j)
    end = A.noun_phrase(a, j)
    # a speech verb takes no object before its complement: وقال والده إن is the father speaking
    subject = A.tok_span(a, end, possessive=entry.frame is None and entry.pos == "verb")
    via = None
    # نقلت الوكالة عن الوزير / قالت الوكالة نقلا عن مصدر: the outlet is via, the source the speaker
    if entry.frame == "in" and a < j and A.norms[a] == "في":  # وجاء في بيان لوزارة الدفاع أن
        src = A.tok_span(a + 1, A.noun_phrase(a + 1, j, genitive_l=True))
        if src is not None:
            return src, None, ()
    k = next((k for k in range(end, j) if A.norms[k] == "عن" and entry.frame == "from" or A.norms[k] == "نقلا"), j)
    if k < j:
        k += 1 if A.norms[k] == "عن" else 2
        src = A.tok_span(k, A.noun_phrase(k, j))
        if src is not None:
            via = subject
            return src, via, ()
    if entry.pos == "participle" or entry.frame == "obj" and i > 0 and A.norms[i - 1] == "كما" or A.gender(i) == "p":
        # a plural verb has its subject before it (هددوا): after a verb in VSO order it is singular
        subject = None  # a participle has no subject of its own; كما وصف المحادثات بأنها: the object
    if (subject is not None and A.gender(i) == "m" and A.toks[a].text.endswith("ة")
            and A.norms[a].startswith("ال") and A.cue[i].pos == "verb"):
        subject = None  # ودعا الهيئة العليا إلى: a masculine verb does not take a feminine subject after it
    if subject is not None:
        return A.extend_to_person(subject, j), via, ()
    if i in handed and handed[i] is not None:
        return handed[i], via, ()
    if entry.pos != "participle":
        subj = A.svo_subject(i)
        if subj is not None:
            return subj, via, ()
    if entry.pos != "participle":
        clause = _clause_subject(A, st, i)
        if clause is not None:
            return clause, via, ()
    same, _ = _previous_speaker(st, i, A.gender(i), since=A.sent_start[i])
    if same is not None:
        return same, via, ()
    if entry.pos == "participle":
        subj = A.sentence_subject(i)
        if subj is not None:
            return subj, via, ()
    recent = _recent_subject(A, st, i) if entry.pos != "participle" else None
    if recent is not None:
        return recent, via, ()
    prev, _ = _previous_speaker(st, i, A.gender(i))
    return prev, via, ("continuation",)


def _clause_subject(A: _Article, st: _State, i: int) -> tuple[int, int] | None:
    """For a coordinated cue with a dropped subject inside a sentence (وقام الطالب بإيذائها وقال لها إنه):
    the subject of the clause before it, when that clause is newer than the last quote and agrees."""
    s = A.sent_start[i]
    if i == s or all(A.norms[k] in CONJUNCTIONS for k in range(s, i)):
        return None
    found = A.subject_in(s, i)
    if found is None:
        return None
    span, verb = found
    if A.toks[verb].start < st.quote_end or (st.speakers and st.speakers[-1][0] >= verb):
        return None
    g, vg = A.gender(i), A.verb_gender(verb)
    return None if (g and vg and g != vg) else span


def _recent_subject(A: _Article, st: _State, i: int) -> tuple[int, int] | None:
    """For a sentence-initial cue with a dropped subject (وقال «...»): the named subject of the sentence before,
    when that sentence is newer than the last speaker and its verb agrees (بدوره، يسعى الرئيس حسن روحاني ...
    وقال ...): news introduces a speaker with any verb, then quotes him."""
    s = A.sent_start[i]
    if any(A.norms[k] not in CONJUNCTIONS for k in range(s, i)) or s == 0:
        return None
    prev = A.sent_start[s - 1]
    if st.speakers and st.speakers[-1][0] >= prev:
        return None  # the sentence before quoted someone: the dropped subject is that speaker
    found = A.subject_in(prev, s, main=True)
    if found is None:
        return None
    span, verb = found
    a, b = bisect.bisect_left(A.starts, span[0]), bisect.bisect_left(A.starts, span[1])
    g, vg = A.gender(i), A.verb_gender(verb)
    if not A.named(a, b) or (g and vg and g != vg):
        return None
    return span


def _remember(A: _Article, st: _State, i: int, speaker: tuple[int, int] | None, *, strong: bool = True) -> None:
    """Keep a speaker for the dropped subjects that follow (with whether it names someone). ``strong``: the
    speaker of a quote introduced by a speech verb (not a source of an attribution, not a verb's subject
    without a quote); only strong speakers take part in the description-after-name rule."""
    if speaker is None or (st.speakers and st.speakers[-1][:2] == (i, speaker)):
        return
    a = bisect.bisect_left(A.starts, speaker[0])
    b = bisect.bisect_left(A.starts, speaker[1])
    plural = A.norms[b - 1].endswith(PLURAL_ENDINGS) if b > a else False
    st.speakers.append((i, speaker, A.named(a, b), A.gender(i), plural, strong))


def _cue(A: _Article, i: int, entry: CueEntry) -> tuple[int, int, CueEntry]:
    return A.toks[i].start, A.toks[i].end, entry


def _token_at(A: _Article, char: int, frm: int) -> int:
    """The first token at or after character ``char`` (searching from token ``frm``)."""
    return bisect.bisect_left(A.starts, char, min(frm, len(A.starts)))


def _segment_chain(A: _Article, k: int) -> list[int]:
    """Segment ``k`` and the ones joined to it by و or a comma only ("إيجابي" و"بناء")."""
    chain = [k]
    while chain[-1] + 1 < len(A.segs):
        nxt = A.segs[chain[-1] + 1]
        between = A.text[A.segs[chain[-1]].outer_end:nxt.outer_start]
        if between.strip(" و،,") or "\n" in between:
            break
        chain.append(chain[-1] + 1)
    return chain


def _strip_segments(A: _Article, rest: str, start: int, segs: list[int]) -> str:
    parts = []
    pos = start
    for k in segs:
        s = A.segs[k]
        parts.append(A.text[pos:s.outer_start])
        pos = s.outer_end
    parts.append(A.text[pos:start + len(rest)])
    return "".join(parts).strip()


def _clause(A: _Article, a: int, cue_i: int) -> tuple[int, int, int, tuple[int, int] | None]:
    """The reported clause from token ``a``: (start, end, next token, via). It ends at the sentence end, a
    participle cue or a comma-led cue, or an attribution phrase (whose outlet is returned as via)."""
    n = len(A.toks)
    limit = A.sent_end[cue_i] if cue_i < n else n
    b = a
    via = None
    while b < n:
        if b >= limit:
            # a quotation that runs on past the sentence end takes the clause with it
            last = A.seg_of[b - 1] if b > a else -1
            if last >= 0 and A.segs[last].outer_end > A.toks[b - 1].end:
                limit = A.sent_end[b]
            else:
                break
        if A.seg_of[b] >= 0 and A.opens[b] < 0:
            b += 1
            continue
        c = A.cue[b]
        if c is not None and (A.toks[b - 1].text in "،," or A.seg_of[b - 1] >= 0 and A.seg_of[b] < 0
                              or c.pos == "participle" and b + 1 < n and A.norms[b + 1] in COMPLEMENTIZERS):
            break  # ...، مضيفًا أن / ..." مضيفا أن / بمفرده مؤكدا أن (not مهددة باختلال inside the clause)
        if c is not None and c.pos == "verb" and A.norms[b][0] == "و" and _scan(A, b)[0] == "comp":
            break  # ... أيضًا وأكد رئيس الوزراء أن: a new report joined by و
        ph = A.phrase[b]
        if ph is not None and ph[0].kind == "attribution":
            via = _party(A, b, ph)
            break
        if A.norms[b] in ("فيما", "بينما") and b + 1 < n and A.cue[b + 1] is not None:
            break
        if A.toks[b].text in ";؛":
            break
        b += 1
    e = b
    while e > a and A.toks[e - 1].kind == "punct" and A.seg_of[e - 1] < 0:
        e -= 1
    if e <= a:
        return 0, 0, b, via
    end = A.toks[e - 1].end
    if A.seg_of[e - 1] >= 0:
        end = max(end, A.segs[A.seg_of[e - 1]].outer_end)
    return A.toks[a].start, end, b, via


def _party(A: _Article, i: int, ph: tuple[CueEntry, int, bool]) -> tuple[int, int] | None:
    """The source an attribution phrase names (بحسب الوزارة، وفقًا لما ذكرته وكالة تاس)."""
    _, n, attached = ph
    k = i + n - 1 if attached else i + n
    if not attached and k < len(A.toks) and _is_verb_with_pronoun(A, k):
        k += 1  # لما ذكرته / حسبما أفادت: the verb after ما
        if k < len(A.toks) and A.norms[k] in ("عنه", "عنها", "عنهم", "في", "علي", "به", "بها", "بهم"):
            k += 1  # بحسب ما نشر في صحيفة محلية، وفق ما صرح به الناطق: the source after the verb's preposition
    if k >= len(A.toks):
        return None
    if attached:  # وفقا للوزارة: the word that carries the preposition starts the source
        end = A.noun_phrase(k + 1, A.sent_end[k], apposition=False)
        return A.toks[k].start, A.toks[max(end, k + 1) - 1].end
    # بحسب بيان لوزارة الداخلية: a document's issuer, with its ل, is the source
    document = A.norms[k].removeprefix("ال") in DOCUMENTS
    return A.tok_span(k, A.noun_phrase(k, A.sent_end[k], apposition=False, genitive_l=document))


def _pronoun_source(A: _Article, i: int, ph: tuple[CueEntry, int, bool]) -> str | None:
    """The agreement (m, f, p) of the pronoun the attribution's verb reports from (حسبما نقلت عنه، وفق ما
    ذكرته عنها): the words are that person's, the named source only carried them; None without one."""
    _, n, attached = ph
    k = i + n
    if attached or k + 1 >= len(A.toks) or not _is_verb_with_pronoun(A, k):
        return None
    return {"عنه": "m", "عنها": "f", "عنهم": "p"}.get(A.norms[k + 1])


def _is_verb_with_pronoun(A: _Article, k: int) -> bool:
    nm = A.norms[k]
    return A.cue[k] is not None or any(A.lex.word(nm[:-s]) is not None for s in (1, 2) if len(nm) - s >= 3)


def _attribution(A: _Article, st: _State, out: list[Found], i: int) -> int:
    """An attribution without a verb (بحسب، وفقًا لـ، نقلًا عن، على حد قوله): quote its clause."""
    ph = A.phrase[i]
    entry, n, _ = ph
    nxt = i + n
    if entry.kind != "attribution":
        return nxt
    s0, e0 = A.sent_start[i], A.sent_end[i]
    if entry.lemma == "على حد قوله":  # the subject of its own clause, else the last speaker
        speaker = A.sentence_subject(i) or _previous_speaker(st, i)[0]
        party = None
    else:
        party = _party(A, i, ph)
        speaker = party
        about = _pronoun_source(A, i, ph)
        if party is not None and about is not None:  # حسبما نقلت عنه صحيفة «الشرق الأوسط»: he said it
            speaker = _previous_speaker(st, i, about)[0] or party
    via = party if speaker is not party else None
    if speaker is None:
        return nxt
    # the clause the attribution belongs to: before it in its sentence, or after it when it opens the sentence
    first = s0
    while first < i and A.norms[first] in CONJUNCTIONS:
        first += 1
    if first == i:
        k = _token_at(A, party[1], i) if party else nxt
        fa = next((m for m in range(k, e0) if A.norms[m] in ("فان", "فانه", "فانها", "فقد")), None)
        comma = next((m for m in range(k, min(k + 6, e0)) if A.toks[m].text in "،,"), None)
        k = fa if fa is not None else comma if comma is not None else k  # بحسب مصادر لـ«...»، فإن ...
        while k < e0 and (A.toks[k].text in "،," or A.norms[k] in ("فان", "فانه", "فانها", "فقد")):
            k += 1
        start, end, _, _ = _clause(A, k, k) if k < e0 else (0, 0, 0, None)
    else:
        done = [q for q in out if q.start >= A.toks[s0].start and q.end <= A.toks[i].start]
        if done:  # the sentence's quote already has its speaker: the attribution names its outlet
            if party is not None and done[-1].via is None:
                done[-1].via = party
            return nxt if party is None else max(nxt, _token_at(A, party[1], i))
        start = A.toks[first].start
        e = i
        while e > first and A.toks[e - 1].kind == "punct" and A.seg_of[e - 1] < 0:
            e -= 1
        end = A.toks[e - 1].end if e > first else start
        if party is not None and A.toks[i - 1].kind != "punct":
            # mid-clause (توصل بحسب ما نشر في صحيفة إلى موقع الطائرة): the clause goes on after the source
            k = _token_at(A, party[1], i)
            if k < e0 and A.toks[k].kind == "word":
                _, end2, _, _ = _clause(A, k, k)
                end = max(end, end2)
    if party is not None:
        nxt = max(nxt, _token_at(A, party[1], i))
    if end <= start:
        return nxt
    segs = [k for k in range(len(A.segs)) if start <= A.segs[k].outer_start and A.segs[k].outer_end <= end + 1]
    st.used.update(segs)
    kind = "mixed" if segs else "indirect"
    out.append(Found(start=start, end=end, kind=kind, cue=_cue_span(A, i, n, entry), speaker=speaker, via=via,
                     confidence=0.7, flags=("attribution",)))
    st.quote_end = max(st.quote_end, end)
    _remember(A, st, i, speaker, strong=False)
    return nxt


def _mid_clause_hasb(A: _Article, i: int, ph: tuple[CueEntry, int, bool]) -> bool:
    """A bare حسب or وفق inside a clause (حسب الحاجة، وفق السنة) is not an attribution; it is one only where
    it opens its clause (وحسب مصادر، فإن ...) or names a source (... بعد تغيبه حسب مصدر قضائي). على ما is
    one only after a comma."""
    if i > A.sent_start[i] and A.norms[i] == "علي" and A.toks[i - 1].text not in "،,":
        return True  # تعليقًا على ما تداولته المواقع: على is the verb's preposition; على ما ذكرت صحف follows a comma
    k = i + 1
    return (_bare(A.norms[i]) in ("حسب", "وفق") and ph[1] == 1 and i > A.sent_start[i]
            and A.toks[i - 1].text not in "،," and not (
                k < len(A.norms) and A.norms[k].removeprefix("ال") in SOURCE_HEADS))


def _cue_span(A: _Article, i: int, n: int, entry: CueEntry) -> tuple[int, int, CueEntry]:
    return A.toks[i].start, A.toks[i + n - 1].end, entry


def _segment_before(A: _Article, st: _State, i: int) -> int | None:
    """An unused quoted segment closing right before cue ``i`` («...»، قال الوزير)."""
    k = i - 1
    while k >= 0 and A.toks[k].kind == "punct" and A.seg_of[k] < 0 and A.toks[k].text in "،,-–":
        k -= 1
    if k < 0:
        return None
    seg = A.seg_of[k]
    if seg < 0 or seg in st.used or A.segs[seg].outer_end != A.toks[k].end:
        return None
    if len(A.text[A.segs[seg].start:A.segs[seg].end].split()) < MIN_UNANNOUNCED_WORDS:
        return None  # a term in quotation marks (اعتبرها "صراع جيلنا"، متعهدًا)
    return seg


def _orphans(A: _Article, st: _State, out: list[Found]) -> None:
    """A quoted segment no cue introduced but that opens a sentence or paragraph: the previous speaker's
    words go on (a long quotation set as its own paragraph)."""
    for k, s in enumerate(A.segs):
        if k in st.used or len(A.text[s.start:s.end].split()) < ORPHAN_MIN_WORDS:
            continue
        before = A.text[max(0, s.outer_start - 3):s.outer_start].strip()
        if before and before[-1] not in ".!?؟:\n":
            continue
        speaker, _ = _previous_speaker(st, _token_at(A, s.outer_start, 0))
        if speaker is None:
            continue
        flags = ("continuation",) + (() if s.closed else ("unclosed_quote",))
        out.append(Found(start=s.start, end=s.end, kind="direct", cue=None, speaker=speaker,
                         confidence=0.5 if s.closed else 0.3, flags=flags))

"""Synthetic article records with every layer filled in (entities with actors, quotes, times, events with
parties and places), built by hand rather than by extraction.

The store's tests and benchmarks use them so that they exercise every table and filter whatever the pipeline
can find today. The sentences are written for marsad; the actors, places and coordinates are public facts.
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field

from ..records import (Actor, Article, ArticleRecord, Cue, Entity, Event, Mention, Place, Quote, SentenceRef,
                       Span, TimeExpr, make_id)

#: (Arabic text, English name, country, sector, entity type)
ACTORS = (
    ("وزير الخارجية الروسي سيرغي لافروف", "Sergey Lavrov", "RUS", "GOV", "PER"),
    ("الرئيس الأمريكي", "President of the United States", "USA", "GOV", "PER"),
    ("وزارة الخارجية المصرية", "Ministry of Foreign Affairs of Egypt", "EGY", "GOV", "ORG"),
    ("الجيش الإسرائيلي", "Israel Defense Forces", "ISR", "MIL", "ORG"),
    ("الأمين العام للأمم المتحدة", "UN Secretary-General", "UNO", "GOV", "PER"),
    ("الحكومة الأردنية", "Government of Jordan", "JOR", "GOV", "ORG"),
    ("المعارضة السورية", "Syrian opposition", "SYR", "OPP", "ORG"),
    ("وزير الدفاع التركي", "Minister of National Defence of Turkey", "TUR", "GOV", "PER"),
    ("الاتحاد الأوروبي", "European Union", "EUR", "GOV", "ORG"),
    ("رئيس الوزراء العراقي", "Prime Minister of Iraq", "IRQ", "GOV", "PER"),
)

#: (Arabic, English name, country, lat, lon, geonameid)
PLACES = (
    ("القاهرة", "Cairo", "EGY", 30.06, 31.25, 360630),
    ("موسكو", "Moscow", "RUS", 55.75, 37.62, 524901),
    ("عمّان", "Amman", "JOR", 31.95, 35.93, 250441),
    ("بغداد", "Baghdad", "IRQ", 33.34, 44.40, 98182),
    ("جنيف", "Geneva", "CHE", 46.20, 6.15, 2660646),
    ("أنقرة", "Ankara", "TUR", 39.92, 32.85, 323786),
    ("غزة", "Gaza", "PSE", 31.50, 34.47, 281133),
)

#: (trigger, PLOVER type, mode, CAMEO, quad, intensity)
ACTIONS = (
    ("اجتمع", "CONSULT", "visit", "043", 1, 1.0),
    ("أدان", "DISAPPROVE", "criticize", "111", 3, -2.0),
    ("وقّع اتفاقاً مع", "AGREE", "formal", "057", 1, 5.0),
    ("قدّم مساعدات إلى", "AID", "economic", "071", 2, 7.4),
    ("هاجم", "ASSAULT", "attack", "190", 4, -10.0),
    ("طالب", "REQUEST", "policy", "020", 1, 3.0),
    ("هدّد", "THREATEN", "military", "138", 3, -7.0),
    ("حاصر", "COERCE", "blockade", "191", 4, -9.5),
)

WEEKDAYS = ("يوم الأحد", "يوم الاثنين", "يوم الثلاثاء", "يوم الأربعاء", "يوم الخميس", "يوم الجمعة", "يوم السبت")
QUOTE_TEXTS = (
    "إن الحوار هو الطريق الوحيد للحل",
    "لن نقبل بأي تهديد لأمننا",
    "نأمل أن تؤدي المحادثات إلى نتائج ملموسة",
    "المساعدات ستصل خلال أيام",
)


@dataclass
class _Builder:
    """Appends text and remembers spans, so every offset is right by construction."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _actor(i: int) -> tuple[str, Actor, str]:
    ar, name, country, sector, typ = ACTORS[i]
    return ar, Actor(id=f"syn:{country}{sector}:{i}", name=name, country=country, sector=sector,
                     kind="person" if typ == "PER" else "organization"), typ


def article(aid: str, date: str, rng: random.Random, *, n_events: int = 3, title: str | None = None,
            extra_text: str = "") -> ArticleRecord:
    """One synthetic article record with ``n_events`` events, a quote per two events and their times."""
    b = _Builder()
    ents: list[Entity] = []
    evs: list[Event] = []
    tms: list[TimeExpr] = []
    qts: list[Quote] = []
    day = _dt.date.fromisoformat(date)
    for k in range(n_events):
        s0 = b.length
        trig_ar, typ, mode, cameo, quad, intensity = ACTIONS[rng.randrange(len(ACTIONS))]
        ia, ir = rng.sample(range(len(ACTORS)), 2)
        a_ar, a_act, a_typ = _actor(ia)
        r_ar, r_act, r_typ = _actor(ir)
        p_ar, p_name, p_cc, lat, lon, gid = PLACES[rng.randrange(len(PLACES))]
        back = rng.randrange(0, 4)
        when = day - _dt.timedelta(days=back)
        wd = WEEKDAYS[(when.weekday() + 1) % 7]
        ts, te = b.add(trig_ar)
        b.add(" ")
        a_s, a_e = b.add(a_ar)
        b.add(" ")
        r_s, r_e = b.add(r_ar)
        b.add(" في ")
        p_s, p_e = b.add(p_ar)
        b.add(" ")
        w_s, w_e = b.add(wd)
        b.add(". ")
        ents += [Entity(id=make_id(aid, "ent", a_s, a_e), text=a_ar, start=a_s, end=a_e, type=a_typ, actor=a_act),
                 Entity(id=make_id(aid, "ent", r_s, r_e), text=r_ar, start=r_s, end=r_e, type=r_typ, actor=r_act),
                 Entity(id=make_id(aid, "ent", p_s, p_e), text=p_ar, start=p_s, end=p_e, type="GPE")]
        tms.append(TimeExpr(id=make_id(aid, "time", w_s, w_e), text=wd, start=w_s, end=w_e,
                            value=when.isoformat(), grain="day", direction="past"))
        evs.append(Event(id=make_id(aid, "event", ts, te), type=typ, mode=mode, cameo=cameo, quad=quad,
                         intensity=intensity, contexts=("diplomatic",) if quad in (1, 3) else (),
                         actor=(Mention(text=a_ar, start=a_s, end=a_e, actor=a_act),),
                         recipient=(Mention(text=r_ar, start=r_s, end=r_e, actor=r_act),),
                         trigger=Span(text=trig_ar, start=ts, end=te), date=when.isoformat(), date_source="time",
                         place=Place(text=p_ar, start=p_s, end=p_e, name=p_name, country=p_cc, geonameid=gid,
                                     lat=lat, lon=lon),
                         modality="asserted", sentence=SentenceRef(start=s0, end=b.length - 1),
                         confidence=0.8, source="synthetic"))
        if k % 2 == 0:
            b.add("وقال ")
            sp_s, sp_e = b.add(a_ar)
            b.add(": «")
            qt = QUOTE_TEXTS[rng.randrange(len(QUOTE_TEXTS))]
            q_s, q_e = b.add(qt)
            b.add("». ")
            ents.append(Entity(id=make_id(aid, "ent", sp_s, sp_e), text=a_ar, start=sp_s, end=sp_e, type=a_typ,
                               actor=a_act))
            qts.append(Quote(id=make_id(aid, "quote", q_s, q_e), text=qt, start=q_s, end=q_e, kind="direct",
                             cue=Cue(text="وقال", start=sp_s - 5, end=sp_s - 1),
                             speaker=Mention(text=a_ar, start=sp_s, end=sp_e, actor=a_act)))
    if extra_text:
        b.add(extra_text)
    art = Article.create(id=aid, text=b.text, date=date, title=title or f"خبر {aid}", source="synthetic",
                         url=f"https://example.org/{aid}")
    return ArticleRecord(article=art, entities=tuple(sorted(ents, key=lambda e: e.start)), quotes=tuple(qts),
                         times=tuple(tms), events=tuple(evs))


def corpus(n: int, *, events_per_article: int = 3, seed: int = 7, start: str = "2025-01-01",
           days: int = 120, prefix: str = "syn") -> list[ArticleRecord]:
    """``n`` synthetic articles spread over ``days`` days from ``start``."""
    rng = random.Random(seed)
    d0 = _dt.date.fromisoformat(start)
    return [article(f"{prefix}-{i}", (d0 + _dt.timedelta(days=rng.randrange(days))).isoformat(), rng,
                    n_events=events_per_article) for i in range(n)]

"""Cue words of the event coder (``data/cues.tsv``): modality, contexts, modes, actor nouns, pair nouns."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from functools import lru_cache
from importlib import resources

from ..errors import ResourceError
from ..text.normalize import normalize

DATA = resources.files("marsad.events") / "data"


@dataclass(frozen=True, slots=True)
class Cues:
    #: modality -> (single words, phrases as word tuples)
    modality: dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    contexts: dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    modes: dict[tuple[str, str], tuple[frozenset[str], tuple[tuple[str, ...], ...]]]
    actor_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    #: ``pair_nouns`` as they may stand in text, alone or with و/ف/ل attached (والبلدين، للطرفين)
    pair_forms: frozenset[str]
    background: frozenset[str]
    charge: frozenset[str]
    agent_verbs: frozenset[str]
    quantity: frozenset[str]
    crowd_say: frozenset[str]
    crowd_object: frozenset[str]
    counting: frozenset[str]
    crowd_among: frozenset[str]
    people_nouns: frozenset[str]
    affiliation: frozenset[str]
    members: frozenset[str]
    #: nouns of an office before ل whose object is the holder's own organisation (الأمين العام للأمم المتحدة)
    offices: frozenset[str]
    #: words between such an office noun and its ل (العام، الخاص، السامي)
    office_qualifiers: frozenset[str]
    #: words between a title and its holder's name that qualify the title (الرئيس السابق، فلان)
    title_qualifiers: frozenset[str]
    #: last words of a trigger pattern of acting like others (إجراءات مماثلة): the act takes the last measure's type
    similar: frozenset[str]
    #: verbs of being or witnessing that open a description of another noun (شارع كان…): a time after them is theirs
    clause_verbs: frozenset[str]
    #: a preposition with a pronoun right after a verb marking an asyndetic relative clause (تصريح أدلى به)
    relative_pps: frozenset[str]
    #: nouns of a seat before ب/في whose object is the holder's body or party (النائب بمجلس، القيادي في حركة)
    seats: frozenset[str]
    #: words after a verb referring back to its subject's frame (دعا فيه، أكد خلاله): the noun after is the object
    resumptive: frozenset[str]
    #: complementizers carrying the speaker's pronoun (أعلنت الوزارة أنها قتلت): the verb after them is the speaker's
    speaker_subject: frozenset[str]
    topic: frozenset[str]
    undergo: frozenset[str]
    attribution: frozenset[str]
    crowd_manner: frozenset[str]
    accident: frozenset[str]
    #: nouns of people (جندي، جنديين، مدنيين) whose nationality after them names whom an attack befell
    victims: frozenset[str]
    #: nouns after which a place names where (مدينة حلب، عملية القدس، قمة الرياض), never a party
    place_heads: frozenset[str]
    #: heads of attack verbs (as written in triggers.tsv) that a named person's words can do (هاجم الوزير المعارضة)
    verbal_attack: frozenset[str]
    #: first words of a politician's or official's title (رئيس الحزب، الوزير، الناطق باسم)
    political_titles: frozenset[str]
    #: event nouns whose genitive (pronoun) is their doer though their type's usually is the victim (هجماتهم)
    doer_genitive: frozenset[str]
    #: verbs that express a stance named by the event noun after them (عبر الحزب عن رفضه، أبدت استعدادها): the
    #: noun's pronoun is the verb's subject, who is its doer
    expressing: frozenset[str]
    #: unnamed gunmen or gangs (مسلح، مجهولون، عصابة): holding people, they take hostages (CAMEO 181)
    armed_doers: frozenset[str]
    #: nouns whose nationality or country after them describes people or an identity (مهاجرين عراقيين): no doer
    identity_nouns: frozenset[str]
    #: first word -> (cue key, the phrase's other words) for every modality/context/mode cue
    index: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    #: ``index`` plus its words with و/ف attached (when not cues themselves): one look-up per token
    attached: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


def _split(words: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    singles, phrases = set(), []
    for w in words.split("|"):
        w = normalize(w.strip())
        if not w:
            continue
        if " " in w:
            phrases.append(tuple(w.split()))
        else:
            singles.add(w)
    return frozenset(singles), tuple(phrases)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    try:
        text = (DATA / "cues.tsv").read_text(encoding="utf-8")
    except OSError as e:
        raise ResourceError(f"cannot read data/cues.tsv: {e}") from e
    modality, contexts, modes = {}, {}, {}
    sets: dict[str, set[str]] = {k: set() for k in ("actor_noun", "pair", "background", "charge", "agent",
                                                     "quantity", "crowd_say", "crowd_object", "counting",
                                                     "crowd_among", "people", "affiliation", "member", "office",
                                                     "office_qualifier", "title_qualifier", "similar", "clause_verb", "relative_pp", "seat", "resumptive", "speaker_subject",
                                                     "topic", "undergo", "attribution", "crowd_manner",
                                                     "accident", "victim", "place_head", "verbal_attack", "political_title", "doer_genitive",
                                                     "expressing", "armed_doer", "identity")}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        group, value, words = line.split("\t")
        if group == "modality":
            modality[value] = _split(words)
        elif group == "context":
            contexts[value] = _split(words)
        elif group == "mode":
            typ, _, mode = value.partition(":")
            modes[(typ, mode)] = _split(words)
        elif group in sets:
            sets[group].update(_split(words)[0])
        else:
            raise ResourceError(f"data/cues.tsv: unknown group {group!r}")
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    keyed = [(f"modality:{k}", v) for k, v in modality.items()] + [(f"context:{k}", v) for k, v in contexts.items()] \
        + [(f"mode:{t}:{m}", v) for (t, m), v in modes.items()]
    for key, (singles, phrases) in keyed:
        for w in singles:
            index.setdefault(w, []).append((key, ()))
        for ph in phrases:
            index.setdefault(ph[0], []).append((key, ph[1:]))
    frozen = {k: tuple(v) for k, v in index.items()}
    return Cues(modality=modality, contexts=contexts, modes=modes, index=frozen, attached=_attached(frozen),
                actor_nouns=frozenset(sets["actor_noun"]), pair_nouns=frozenset(sets["pair"]),
                pair_forms=frozenset(c + w for w in sets["pair"] for c in ("", "و", "ف", "ل")),
                background=frozenset(sets["background"]), charge=frozenset(sets["charge"]),
                agent_verbs=frozenset(sets["agent"]), quantity=frozenset(sets["quantity"]),
                crowd_say=frozenset(sets["crowd_say"]), crowd_object=frozenset(sets["crowd_object"]),
                counting=frozenset(sets["counting"]), crowd_among=frozenset(sets["crowd_among"]),
                people_nouns=frozenset(sets["people"]), affiliation=frozenset(sets["affiliation"]),
                members=frozenset(sets["member"]), offices=frozenset(sets["office"]),
                office_qualifiers=frozenset(sets["office_qualifier"]),
                title_qualifiers=frozenset(sets["title_qualifier"]),
                similar=frozenset(sets["similar"]), clause_verbs=frozenset(sets["clause_verb"]),
                relative_pps=frozenset(sets["relative_pp"]), seats=frozenset(sets["seat"]),
                resumptive=frozenset(sets["resumptive"]), speaker_subject=frozenset(sets["speaker_subject"]),
                topic=frozenset(sets["topic"]), undergo=frozenset(sets["undergo"]),
                attribution=frozenset(sets["attribution"]), crowd_manner=frozenset(sets["crowd_manner"]),
                accident=frozenset(sets["accident"]), victims=frozenset(sets["victim"]),
                place_heads=frozenset(sets["place_head"]), verbal_attack=frozenset(sets["verbal_attack"]),
                political_titles=frozenset(sets["political_title"]), doer_genitive=frozenset(sets["doer_genitive"]),
                expressing=frozenset(sets["expressing"]), armed_doers=frozenset(sets["armed_doer"]),
                identity_nouns=frozenset(sets["identity"]))


def _attached(index: dict[str, tuple]) -> dict[str, tuple]:
    """A cue word also matches with و/ف attached (وسيتم), when that longer form (over 3 letters) is not
    a cue of its own."""
    out = dict(index)
    for w, hits in index.items():
        for c in "وف":
            if len(c + w) > 3 and c + w not in index:
                out[c + w] = hits
    return out


def sentence_cues(words: list[str], lo: int, hi: int, cues: Cues) -> dict[str, list[int]]:
    """Every cue of ``words[lo:hi]`` in one pass: cue key (``modality:future``, ``context:military``,
    ``mode:ASSAULT:aerial``) -> token indexes where it starts, in order."""
    found: dict[str, list[int]] = {}
    attached = cues.attached
    for j in compress(range(lo, hi), map(attached.__contains__, words[lo:hi])):
        for key, tail in attached[words[j]]:
            if tail and tuple(words[j + 1:j + 1 + len(tail)]) != tail:
                continue
            found.setdefault(key, []).append(j)
    return found


def cue_between(found: dict[str, list[int]], key: str, lo: int, hi: int) -> bool:
    """Whether cue ``key`` starts at a token index in ``[lo, hi)``."""
    return any(lo <= j < hi for j in found.get(key, ()))

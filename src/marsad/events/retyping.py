"""When the context, not the trigger word, decides the event's type or mode.

A detention by gunmen rather than by an authority is a hostage-taking (ASSAULT abduct, not COERCE arrest); a
party refusing to cooperate (لن تقبل) is a REJECT that happened, not a negated cooperation; an attack verb whose
doer is a politician, a party or the press attacks in words (ACCUSE); and a cue word of the sentence may name
the mode (غير المباشرة → third-party). The lexicon reads one word; these rules need the actor and the sentence,
so :func:`.coder._draft` applies them once the arguments are found.
"""
from __future__ import annotations

from ..doc import Doc
from ..records import Mention
from ..text.normalize import normalize
from .cues import Cues
from .modality import NEG_SCOPE
from .ontology import Ontology
from .spotting import _cue_before


#: sectors that arrest: an authority (a party found as the doer of a detention is often its object, so an
#: armed group's sector alone does not make one a hostage-taking; the words before it do)
AUTHORITY_SECTORS = frozenset({"COP", "MIL", "JUD", "GOV", "SPY"})
#: how many words before a detention word its unnamed doer may stand (مسلحين اثنين يقومان حاليا باحتجاز)
HOSTAGE_SCOPE = 6


def _hostage_taking(doc: Doc, i: int, lo: int, hi: int, verb: bool, actor: list[Mention], cues: Cues) -> bool:
    """Whether a detention (احتجز، احتجاز، اعتقل) is a hostage-taking: an arrest needs an authority as its doer
    (police, army, security, a court), while an armed group or an unnamed gunman holding people takes hostages
    (قام مسلح باحتجاز عدد من الأشخاص، احتجزت عصابة مسلحة …)."""
    if any(m.actor is not None and m.actor.sector in AUTHORITY_SECTORS for m in actor):
        return False
    words = [t.norm for t in doc.tokens[max(lo, i - HOSTAGE_SCOPE):i]]
    if _cue_before(words, len(words), 0, cues.armed_doers, HOSTAGE_SCOPE):
        return True
    # a verb's subject may follow it (احتجزت عصابة مسلحة عمالا); a noun's genitive is the one held (احتجاز مسلحين)
    return verb and any(t.norm in cues.armed_doers for t in doc.tokens[i + 1:min(hi, i + 3)])


#: cooperative types whose refusal (لن/لا + present verb) is a REJECT
REFUSABLE = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "AID"})
#: the negations of a present verb that refuse (not لم، the past "did not")
REFUSALS = frozenset({"لن", "لا"})


#: cue keys of a sentence that make an attack armed (مسلحون، قذائف، القوات، غارات)
ARMED_CUES = ("mode:ASSAULT:", "context:military")
#: sectors of people who fight (their attacks are assaults)
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY", "UAF", "CRM"})


#: sectors whose organisations attack in words only (parties, parliaments, the press, opposition, civil society)
SPEAKING_SECTORS = frozenset({"PTY", "LEG", "JRN", "OPP", "CVL"})
#: sectors of political bodies and people, attacked in words (هاجم الوزير حكومة الوفاق)
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "LEG", "JUD", "OPP", "JRN"})


def _in_words(actor: list[Mention], recipient: list[Mention], cues: Cues) -> bool:
    """Whether an attack verb's doer attacks in words: no fighter, and a named person, a titled official
    (هاجم الوزير فلانا), a party, parliament or the press (هاجم رئيس الحزب الليبي حكومة الوفاق), or anyone
    attacking a government, party, parliament or the press."""
    if not actor or any(m.actor is None or m.actor.sector in ARMED_SECTORS or m.actor.kind == "unnamed"
                        for m in actor):
        return False
    return all(m.actor.kind == "person" or m.actor.sector in SPEAKING_SECTORS or _titled(m, cues)
               for m in actor) or (
        bool(recipient) and all(m.actor is not None and m.actor.sector in POLITICAL_SECTORS for m in recipient))


def _titled(m: Mention, cues: Cues) -> bool:
    """Whether a mention opens with a politician's or official's title (رئيس حزب الوطن الليبي)."""
    first = m.text.split(" ", 1)[0]
    w = normalize(first)
    return w in cues.political_titles or (w[:1] in "وف" and w[1:] in cues.political_titles)


def _refused(doc: Doc, found: dict[str, list[int]], i: int, lo: int) -> bool:
    """Whether the negation right before the trigger at ``i`` is a refusal particle (لن، لا)."""
    return any(max(lo, i - NEG_SCOPE) <= p < i and doc.tokens[p].norm in REFUSALS
               for p in found.get("modality:negated", ()))


def _mode_from_cues(typ: str, found: dict[str, list[int]], onto: Ontology) -> str | None:
    """The mode named by a cue word of the sentence (غير المباشرة → third-party), the earliest first."""
    prefix = f"mode:{typ}:"
    best = min(((pos[0], k[len(prefix):]) for k, pos in found.items() if k.startswith(prefix)), default=None)
    return best[1] if best and onto.valid(typ, best[1]) else None

"""``marsad code``: code articles into article records (the contract's JSON)."""
from __future__ import annotations

import json
import sys

from ..pipeline import Pipeline
from ..records import ArticleRecord
from .common import add_pipeline_options, pipeline_names, progress

HELP = "code articles: .txt, .jsonl, a directory of them, or - for stdin"


def add_parser(sub) -> None:
    p = sub.add_parser("code", help=HELP, description=HELP + ". Prints article records (marsad.article/1).")
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    p.add_argument("--date", help="publication date YYYY-MM-DD (needed to resolve times in .txt input; "
                                  "the default for .jsonl lines without one)")
    p.add_argument("--id", help="article id for a single .txt or stdin article (default: the file name)")
    p.add_argument("--format", "-f", choices=("json", "jsonl", "table"), default=None,
                   help="json: one record (an array for several); jsonl: one record per line; "
                        "table: a readable summary (default: json for one .txt, else jsonl)")
    add_pipeline_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..io.readers import read_inputs

    nlp = Pipeline(pipeline_names(args))
    items = read_inputs(args.inputs, id=args.id, date=args.date)
    records = nlp.pipe(progress(items, desc="coding"), jobs=args.jobs)
    fmt = args.format or ("json" if len(args.inputs) == 1 and args.inputs[0].endswith(".txt") else "jsonl")
    out = sys.stdout
    errors = 0
    recs = []
    for r in records:
        if r.error is not None:
            errors += 1
            print(f"marsad: {r.article.id}: error {r.error['code']}: {r.error['message']}", file=sys.stderr)
        if fmt == "json":
            recs.append(r.to_dict())
        elif fmt == "jsonl":
            out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(render_table(r) + "\n")
    if fmt == "json":
        out.write(json.dumps(recs[0] if len(recs) == 1 else recs, ensure_ascii=False, indent=1) + "\n")
    if errors > 1:
        print(f"marsad: {errors} articles could not be coded (see their 'error' fields)", file=sys.stderr)
    return 2 if errors else 0


def render_table(r: ArticleRecord) -> str:
    """A readable terminal summary of one record: events, quotes, times, entities."""
    a = r.article
    head = f"== {a.id}  {a.date or 'no date'}  {a.title or ''}".rstrip()
    if r.error:
        return f"{head}\n   error {r.error['code']}: {r.error['message']}\n"
    lines = [head]
    if r.flags:
        lines.append(f"   flags: {', '.join(r.flags)}")
    lines.append(f"   events ({len(r.events)})")
    for e in r.events:
        actor = "+".join(_party(m) for m in e.actor) or "?"
        recip = "+".join(_party(m) for m in e.recipient) or "-"
        place = f" @ {e.place.name or e.place.text}" if e.place else ""
        kind = e.type + (f"/{e.mode}" if e.mode else "")
        lines.append(f"     {kind:<22} {actor} -> {recip}  {e.date or '?'}{place}  "
                     f"[{e.modality}]  «{e.trigger.text if e.trigger else ''}»")
    lines.append(f"   quotes ({len(r.quotes)})")
    for q in r.quotes:
        who = q.speaker.actor.name if q.speaker and q.speaker.actor and q.speaker.actor.name else (
            q.speaker.text if q.speaker else "?")
        text = q.text if len(q.text) <= 70 else q.text[:67] + "..."
        lines.append(f"     {who}: «{text}» ({q.kind})")
    lines.append(f"   times ({len(r.times)})")
    for t in r.times:
        lines.append(f"     {t.text} = {t.value} ({t.grain})")
    ents = ", ".join(f"{e.text}={(e.actor and (e.actor.name or e.actor.country)) or (e.geo and e.geo.name) or e.type}"
                     for e in r.entities)
    lines.append(f"   entities ({len(r.entities)}): {ents}")
    return "\n".join(lines) + "\n"


def _party(m) -> str:
    if m.actor and (m.actor.country or m.actor.name):
        return f"{m.actor.country or '---'}{m.actor.sector or ''}" if m.actor.country else m.actor.name
    return m.text

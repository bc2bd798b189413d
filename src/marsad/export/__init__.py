"""Exports: stored events as JSON Lines, CSV, Parquet, PLOVER JSON or GDELT-style rows.

Every format is a stream over the events the store yields (one dict per event, the pipeline's own record with
its ``article`` reference), so an export of millions of events runs in constant memory. The text formats are
generators of string chunks, which the CLI writes to a file and the API streams as a response body.

GDELT-style rows use GDELT 1.0/2.0 event column names where marsad has the data (actor codes, names and
countries, CAMEO event codes, quad class, an intensity on Goldstein's −10…+10 scale, the action place,
the date and source URL), tab-separated with a header; marsad's own columns (PLOVER type and mode, modality,
article id) follow. Two differences GDELT users should know: ``GLOBALEVENTID`` is marsad's event id (a string)
and ``ActionGeo_CountryCode`` is ISO 3166 alpha-3, not FIPS.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
#: formats that are text streams (all but parquet)
TEXT_FORMATS = ("jsonl", "csv", "plover", "gdelt")

FLAT_COLUMNS = ("event_id", "date", "type", "mode", "cameo", "quad", "intensity", "modality", "confidence",
                "actor", "actor_code", "actor_country", "actor_sector", "recipient", "recipient_code",
                "recipient_country", "recipient_sector", "trigger", "place", "place_country", "lat", "lon",
                "geonameid", "article_id", "article_date", "title", "source", "url")

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                 "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
                 "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
                 "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                 "NumMentions", "NumSources", "NumArticles",
                 "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                 "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
                 "PloverType", "PloverMode", "Modality", "ArticleID")


def _party(ms: list[dict] | None) -> dict[str, Any]:
    """The first party of a side (GDELT has one actor per side); its label, code, country and sector."""
    if not ms:
        return {"name": None, "code": None, "country": None, "sector": None}
    m = ms[0]
    a = m.get("actor") or {}
    code = f"{a.get('country') or '---'}{a.get('sector') or ''}" if (a.get("country") or a.get("sector")) else None
    return {"name": a.get("name") or m.get("text"), "code": code, "country": a.get("country"),
            "sector": a.get("sector")}


def flat_row(e: dict) -> dict[str, Any]:
    """One event as a flat row (CSV and Parquet)."""
    a, r = _party(e.get("actor")), _party(e.get("recipient"))
    place = e.get("place") or {}
    art = e.get("article") or {}
    return {
        "event_id": e.get("id"), "date": e.get("date") or art.get("date"), "type": e.get("type"), "mode": e.get("mode"),
        "cameo": e.get("cameo"), "quad": e.get("quad"), "intensity": e.get("intensity"),
        "modality": e.get("modality"), "confidence": e.get("confidence"),
        "actor": a["name"], "actor_code": a["code"], "actor_country": a["country"], "actor_sector": a["sector"],
        "recipient": r["name"], "recipient_code": r["code"], "recipient_country": r["country"],
        "recipient_sector": r["sector"], "trigger": (e.get("trigger") or {}).get("text"),
        "place": place.get("name") or place.get("text"), "place_country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"), "geonameid": place.get("geonameid"),
        "article_id": art.get("id"), "article_date": art.get("date"), "title": art.get("title"),
        "source": art.get("source"), "url": art.get("url"),
    }


def gdelt_row(e: dict) -> dict[str, Any]:
    a, r = _party(e.get("actor")), _party(e.get("recipient"))
    place = e.get("place") or {}
    art = e.get("article") or {}
    date = (e.get("date") or art.get("date") or "")[:10]
    ymd = date.replace("-", "") if len(date) == 10 else ""
    cameo = e.get("cameo") or ""
    frac = ""
    if ymd:
        y, m, d = int(ymd[:4]), int(ymd[4:6]), int(ymd[6:])
        frac = f"{y + ((m - 1) * 30 + d) / 365:.4f}"
    has_geo = place.get("lat") is not None
    return {
        "GLOBALEVENTID": e.get("id"), "SQLDATE": ymd, "MonthYear": ymd[:6], "Year": ymd[:4], "FractionDate": frac,
        "Actor1Code": a["code"], "Actor1Name": a["name"], "Actor1CountryCode": a["country"],
        "Actor1Type1Code": a["sector"],
        "Actor2Code": r["code"], "Actor2Name": r["name"], "Actor2CountryCode": r["country"],
        "Actor2Type1Code": r["sector"],
        "IsRootEvent": 1, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": e.get("quad"), "GoldsteinScale": e.get("intensity"),
        "NumMentions": 1 + len(e.get("mentions") or ()), "NumSources": 1, "NumArticles": 1,
        "ActionGeo_Type": 4 if has_geo else 0, "ActionGeo_FullName": place.get("name") or place.get("text"),
        "ActionGeo_CountryCode": place.get("country"), "ActionGeo_Lat": place.get("lat"),
        "ActionGeo_Long": place.get("lon"), "ActionGeo_FeatureID": place.get("geonameid"),
        "DATEADDED": (art.get("date") or "").replace("-", ""), "SOURCEURL": art.get("url"),
        "PloverType": e.get("type"), "PloverMode": e.get("mode"), "Modality": e.get("modality"),
        "ArticleID": art.get("id"),
    }


def plover_event(e: dict) -> dict[str, Any]:
    """One event in PLOVER's JSON shape (event, mode, context, actor/recipient codes, location, source)."""
    a, r = _party(e.get("actor")), _party(e.get("recipient"))
    place = e.get("place") or {}
    art = e.get("article") or {}
    out = {
        "id": e.get("id"), "date": e.get("date") or art.get("date"), "event": e.get("type"), "mode": e.get("mode"),
        "context": list(e.get("contexts") or ()),
        "actor": a["code"] or a["name"], "actor_name": a["name"],
        "recipient": r["code"] or r["name"], "recipient_name": r["name"],
        "intensity": e.get("intensity"), "quad": e.get("quad"), "cameo": e.get("cameo"),
        "modality": e.get("modality"),
        "text": (e.get("trigger") or {}).get("text"),
        "source": {"article_id": art.get("id"), "title": art.get("title"), "outlet": art.get("source"),
                   "url": art.get("url"), "date": art.get("date")},
    }
    if place:
        out["location"] = {"name": place.get("name") or place.get("text"), "country": place.get("country"),
                           "lat": place.get("lat"), "lon": place.get("lon"), "geonameid": place.get("geonameid")}
    return out


def _table_chunks(rows: Iterable[dict], columns: tuple[str, ...], *, delimiter: str = ",",
                  every: int = 500) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, delimiter=delimiter, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for i, row in enumerate(rows, 1):
        w.writerow({k: ("" if v is None else _clean_cell(v, delimiter)) for k, v in row.items()})
        if i % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _clean_cell(v: Any, delimiter: str) -> Any:
    """Tabs and newlines inside a GDELT (tab-separated, unquoted by convention) cell become spaces."""
    if delimiter == "\t" and isinstance(v, str):
        return v.replace("\t", " ").replace("\n", " ")
    return v


def chunks(events: Iterable[dict], fmt: str) -> Iterator[str]:
    """A text export as string chunks."""
    if fmt == "jsonl":
        for e in events:
            yield json.dumps(e, ensure_ascii=False) + "\n"
    elif fmt == "csv":
        yield from _table_chunks((flat_row(e) for e in events), FLAT_COLUMNS)
    elif fmt == "gdelt":
        yield from _table_chunks((gdelt_row(e) for e in events), GDELT_COLUMNS, delimiter="\t")
    elif fmt == "plover":
        yield "["
        for i, e in enumerate(events):
            yield ("," if i else "") + "\n" + json.dumps(plover_event(e), ensure_ascii=False)
        yield "\n]\n"
    else:
        raise ValueError(f"not a text export format: {fmt!r}")


def write_parquet(events: Iterable[dict], path: str, *, batch: int = 10_000) -> int:
    """Flat rows to a Parquet file (needs the ``export`` extra: pyarrow); how many rows were written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"quad": pa.int64(), "intensity": pa.float64(), "confidence": pa.float64(), "lat": pa.float64(),
             "lon": pa.float64(), "geonameid": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in FLAT_COLUMNS])
    n = 0
    with pq.ParquetWriter(path, schema) as w:
        rows: list[dict] = []
        for e in events:
            rows.append(flat_row(e))
            if len(rows) >= batch:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            w.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n

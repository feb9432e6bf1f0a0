"""Build a tiny site with the real theme and the legislators plugin from small fixtures."""

from __future__ import annotations

from collections.abc import Callable
import datetime as dt
import json
import logging
import os
from pathlib import Path
import re
import shutil
from typing import Any

import pytest

from legislators.generator import LegislatorsDataError, build_directory
from legislators.settings import LegislatorsSettings
from legislators.sources import load
from pluginkit import SettingsError
from tests.conftest import build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legislators"
PLUGINS = ["content_schema", "sections", "legislators"]
BASE: dict[str, Any] = {
    "content": FIXTURES / "site",
    "PLUGINS": PLUGINS,
    "LEGISLATORS_SOURCE": str(FIXTURES / "congress"),
    "LEGISLATORS_ZIP_SOURCE": str(FIXTURES / "zccd.csv"),
    "LEGISLATORS_SET_CHECKS": False,
    "LEGISLATORS_TODAY": "2026-11-22",
}


def read_json(path: Path) -> Any:
    """Parse a written JSON file, checking it is compact and sorted."""
    raw = path.read_bytes()
    data = json.loads(raw)
    expected = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert raw == expected.encode(), f"{path} is not compact, sorted JSON"
    return data


class Collect(logging.Handler):
    """Collects log records of WARNING and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built once for this module; it must log no warning."""
    collect = Collect()
    logging.getLogger().addHandler(collect)
    try:
        out = build(tmp_path_factory.mktemp("legislators-fixture") / "out", **BASE)
    finally:
        logging.getLogger().removeHandler(collect)
    assert not collect.messages, collect.messages  # field problems are INFO only
    return out


def html(site: Path, path: str) -> str:
    """Return a written page."""
    return (site / path).read_text("utf-8")


def test_meta_json(site: Path) -> None:
    meta = read_json(site / "api/v1/meta.json")
    assert meta["available"] is True
    assert meta["built"] == "2026-11-22"
    assert meta["switchboard"] == "202-224-3121"
    assert meta["official_lists"]["senate"] == "https://www.senate.gov/senators/"
    assert meta["counts"]["senators"] == 4
    assert meta["counts"]["out_of_date"] == 1
    assert meta["counts"]["delegates"] == 3
    problems = {(p["bioguide"], p["field"], p["level"]) for p in meta["problems"]}
    assert ("R000002", "contact_form", "field") in problems
    assert ("S000004", "terms[-1].end", "notice") in problems
    assert ("", "MT-2", "notice") in problems
    assert [s["name"] for s in meta["sources"]][:2] == [
        "legislators-current.json",
        "legislators-district-offices.json",
    ]


def test_state_files_follow_the_contract(site: Path) -> None:
    states = sorted(p.stem for p in (site / "api/v1/states").glob("*.json"))
    assert len(states) == 56
    wy = read_json(site / "api/v1/states/WY.json")
    assert (wy["state"], wy["name"], wy["kind"]) == ("WY", "Wyoming", "state")
    assert [s["bioguide"] for s in wy["senators"]] == ["S000001", "S000002"]
    assert list(wy["districts"]) == ["WY-AL"]
    rep = wy["districts"]["WY-AL"]
    assert rep["name"] == 'Eric A. "Rick" Tester'
    assert set(rep) == {
        "bioguide", "name", "last_name", "title", "gender", "chamber", "state", "district",
        "seat_label", "party", "phone", "address", "website", "contact_form", "contact_page",
        "contact_page_found", "offices", "status", "term_start", "term_end", "took_office",
        "committees", "report_url",
    }  # fmt: skip
    assert rep["seat_label"] == "Wyoming (at large)" and rep["last_name"] == "Tester"
    assert rep["report_url"].startswith(
        "https://github.com/unitedstates/congress-legislators/issues/new?title=")
    assert wy["labels"] == {"WY-AL": "Wyoming (at large)"} and wy["house_by_zip"] is True
    mt = read_json(site / "api/v1/states/MT.json")
    assert mt["districts"]["MT-2"] is None
    glacier = next(s for s in mt["senators"] if s["bioguide"] == "S000004")
    assert glacier["status"] == "out_of_date"
    assert mt["districts"]["MT-1"]["contact_form"] is None
    dc = read_json(site / "api/v1/states/DC.json")
    assert (dc["kind"], dc["senators"], list(dc["districts"])) == ("district", [], ["DC-AL"])
    assert dc["districts"]["DC-AL"]["title"] == "Delegate"
    pr = read_json(site / "api/v1/states/PR.json")
    assert pr["kind"] == "territory"
    assert pr["districts"]["PR-AL"]["title"] == "Resident Commissioner"
    assert (
        read_json(site / "api/v1/states/GU.json")["districts"]["GU-AL"]["name"] == "Jo Muñoz, Jr."
    )


def test_zip_shards(site: Path) -> None:
    assert read_json(site / "api/v1/zip/599.json") == {"59901": ["MT-2", "WY-AL"]}
    assert read_json(site / "api/v1/zip/591.json") == {"59101": ["MT-1", "MT-2"]}
    assert read_json(site / "api/v1/zip/200.json") == {"20001": ["DC-AL"], "20004": ["DC-AL"]}


def test_directory_index_links_every_jurisdiction(site: Path) -> None:
    page = html(site, "representatives/index.html")
    assert len(re.findall(r'href="/representatives/[a-z]{2}/"', page)) == 56
    assert 'href="/representatives/pr/"' in page
    assert "These have no senators" in page
    assert page.count("<h1") == 1


def test_state_page_shows_vacancy_out_of_date_and_fallbacks(site: Path) -> None:
    page = html(site, "representatives/mt/index.html")
    assert "2nd district: vacant" in page
    assert "Our data for this seat is out of date" in page
    assert 'href="https://www.senate.gov/senators/"' in page
    assert '<h3 class="member__name">Dale Glacier' not in page
    fallback = '<a href="https://finch.house.gov">Website</a> (this office has no contact form'
    assert fallback in page
    assert "Report a wrong detail" in page
    assert "hhttps" not in page
    assert 'href="tel:+12022240001"' in page
    assert "<script>alert" not in page


def test_new_member_without_phone_shows_the_labelled_switchboard(site: Path) -> None:
    page = html(site, "representatives/vt/index.html")
    assert 'href="tel:+12022243121">202-224-3121</a>: the Capitol switchboard' in page
    assert "one representative, elected at large" in page


def test_territory_and_dc_pages_say_there_are_no_senators(site: Path) -> None:
    assert "Puerto Rico has no senators" in html(site, "representatives/pr/index.html")
    assert "Resident Commissioner" in html(site, "representatives/pr/index.html")
    dc = html(site, "representatives/dc/index.html")
    assert "District of Columbia has no senators" in dc
    assert "It elects a Delegate" in dc


def test_nickname_is_escaped_in_html(site: Path) -> None:
    page = html(site, "representatives/wy/index.html")
    assert "Eric A. &#34;Rick&#34; Tester" in page
    assert 'Eric A. "Rick"' not in page


def test_pages_have_no_inline_scripts(site: Path) -> None:
    for page in (site / "representatives").rglob("*.html"):
        text = page.read_text("utf-8")
        assert text.count("<script") == text.count('<script type="module" src='), page


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    again = build(tmp_path / "out", **BASE)
    for folder in ("api", "representatives"):
        first = {
            p.relative_to(site): p.read_bytes() for p in (site / folder).rglob("*") if p.is_file()
        }
        second = {
            p.relative_to(again): p.read_bytes() for p in (again / folder).rglob("*") if p.is_file()
        }
        assert first == second


# --- hostile upstream data ---------------------------------------------------------------


def hostile_source(tmp_path: Path) -> Path:
    """Copy the fixture and poison fields of two members, as in reference 6(b)."""
    folder = tmp_path / "hostile"
    shutil.copytree(FIXTURES / "congress", folder)
    path = folder / "legislators-current.json"
    records = json.loads(path.read_text("utf-8"))
    records[0]["name"]["official_full"] = '"><img src=x onerror=alert(1)>'
    records[0]["terms"][-1]["url"] = "javascript:alert(1)"
    records[0]["terms"][-1]["contact_form"] = "https://www.house.gov@evil.example/"
    records[1]["name"]["official_full"] = "{{ 7*7 }}<script>alert(1)</script>"
    records[1]["terms"][-1]["url"] = "https://h\u043euse.gov/"
    records[1]["terms"][-1]["contact_form"] = "data:text/html;base64,PHNjcmlwdD4="
    records[1]["terms"][-1]["phone"] = "<b>202</b>"
    path.write_text(json.dumps(records), "utf-8")
    return folder


def test_hostile_fields_are_dropped_and_reported_without_failing(
    build_site: Callable[..., Path], tmp_path: Path
) -> None:
    out = build_site(**{**BASE, "LEGISLATORS_SOURCE": str(hostile_source(tmp_path))})
    texts = [p.read_text("utf-8") for p in (out / "representatives").rglob("*.html")]
    # meta.json reports the rejected values (as JSON strings) for maintainers; pages and
    # the member data never carry them.
    texts += [p.read_text("utf-8") for p in (out / "api/v1/states").glob("*.json")]
    blob = "\n".join(texts)
    for needle in ("onerror", "javascript:", "evil.example", "data:text", "<script>alert", "7*7"):
        assert needle not in blob, needle
    wy = read_json(out / "api/v1/states/WY.json")
    first, second = wy["senators"]
    assert (first["name"], first["website"], first["contact_form"]) == ("Alma Prairie", None, None)
    assert (second["name"], second["phone"]) == ("Bert Sagebrush", None)
    problems = read_json(out / "api/v1/meta.json")["problems"]
    fields = {(p["bioguide"], p["field"]) for p in problems if p["level"] == "field"}
    assert {
        ("S000001", "name.official_full"), ("S000001", "url"), ("S000001", "contact_form"),
        ("S000002", "name.official_full"), ("S000002", "url"), ("S000002", "contact_form"),
        ("S000002", "phone"),
    } <= fields  # fmt: skip


# --- failure behaviour -------------------------------------------------------------------


def test_no_data_in_development_builds_quietly_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        out = build(tmp_path / "out", **{**BASE, "LEGISLATORS_SOURCE": str(tmp_path / "none")})
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    page = html(out, "representatives/index.html")
    assert "Contact data for members of Congress is unavailable" in page
    assert "make data" in page and "LEGISLATORS_SOURCE" in page
    assert not (out / "representatives" / "ma").exists()
    assert not (out / "api/v1/states").exists()
    assert read_json(out / "api/v1/meta.json")["available"] is False
    assert any("unavailable" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)


def test_no_data_in_a_strict_build_fails_with_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(LegislatorsDataError, match="make data"):
        build(
            tmp_path / "out",
            **{**BASE, "LEGISLATORS_SOURCE": str(tmp_path / "none"), "LEGISLATORS_STRICT": True},
        )


def test_bad_set_fails_a_strict_build_naming_the_problem(tmp_path: Path) -> None:
    with pytest.raises(LegislatorsDataError, match="3 senators for one state"):
        build(
            tmp_path / "out",
            **{**BASE, "LEGISLATORS_SOURCE": str(FIXTURES / "broken"), "LEGISLATORS_STRICT": True},
        )


def test_bad_set_in_development_builds_says_why_and_publishes_no_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """No warning (a strict build must not trip on it): a notice, and the pages say so."""
    with caplog.at_level(logging.INFO):
        out = build(tmp_path / "out", **{**BASE, "LEGISLATORS_SOURCE": str(FIXTURES / "broken")})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    notices = [r.getMessage() for r in caplog.records if "[legislators]" in r.getMessage()]
    assert any("appears 2 times" in n for n in notices), notices
    assert any("no contact data" in n for n in notices), notices
    assert any("to get it, run `make data`" in n for n in notices), notices
    assert not (out / "api/v1/states").exists()
    page = html(out, "representatives/index.html")
    assert "Contact data for members of Congress is unavailable in this build" in page


def test_strict_build_refuses_stale_data(tmp_path: Path) -> None:
    source = tmp_path / "congress"
    shutil.copytree(FIXTURES / "congress", source)
    old = (dt.datetime(2026, 9, 1, tzinfo=dt.UTC)).timestamp()
    for f in source.iterdir():
        os.utime(f, (old, old))
    with pytest.raises(LegislatorsDataError, match="82 days ago"):
        build(
            tmp_path / "out",
            **{**BASE, "LEGISLATORS_SOURCE": str(source), "LEGISLATORS_STRICT": True},
        )


def test_unknown_setting_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="LEGISLATORS_STRCT"):
        build(tmp_path / "out", **{**BASE, "LEGISLATORS_STRCT": True})


def test_public_reason_names_the_fix_but_no_local_paths(tmp_path: Path) -> None:
    cfg = LegislatorsSettings.from_pelican(
        {
            "LEGISLATORS_SOURCE": str(tmp_path / "none"),
            "LEGISLATORS_ZIP_SOURCE": str(tmp_path / "none.csv"),
            "PATH": str(tmp_path / "content"),
        },
        environ={},
    )
    dataset = load(cfg)
    directory = build_directory(dataset, cfg)
    assert not directory.available
    assert str(tmp_path) in dataset.reason
    assert str(tmp_path) not in directory.reason
    assert "make data" in directory.reason

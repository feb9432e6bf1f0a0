"""The charts plugin: figures, arithmetic, accessible SVG and table, clear errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
import re
import textwrap

from bs4 import BeautifulSoup
import pytest

from charts.charts import ChartSettings
from charts.draw import WIDTH, render
from charts.model import ChartError, load_chart, money, parse_chart
from content_schema import ContentError
from pluginkit import SettingsError
from tests.conftest import build, check_tree

ROOT = Path(__file__).resolve().parents[2]
REAL_CHARTS = ROOT / "content" / "charts"

DEMO = {
    "title": "Demo chart",
    "rows": [
        {
            "id": "big",
            "label": "A big figure",
            "millions": 150200,
            "kind": "Estimate",
            "year": "2014",
            "source": "Source A",
            "url": "https://example.org/a",
        },
        {"label": "Two cents of it", "share_of": "big", "share": 0.02, "year": "ours"},
        {
            "label": "A small figure",
            "millions": 250,
            "approx": True,
            "kind": "Estimate",
            "year": "2020",
            "source": "Source B",
            "url": "https://example.org/b",
        },
    ],
}


def test_money_formats_millions_and_billions() -> None:
    assert money(236000) == "$236 billion"
    assert money(150200) == "$150.2 billion"
    assert money(4720) == "$4.72 billion"
    assert money(3004) == "$3 billion"
    assert money(250, approx=True) == "about $250 million"


def test_share_rows_are_computed_and_labelled_as_our_calculation() -> None:
    chart = parse_chart("demo", DEMO, "demo.yaml")
    calc = chart.rows[1]
    assert calc.millions == pytest.approx(3004)
    assert calc.calculated and calc.url is None
    assert calc.kind == "Our calculation"
    assert "A big figure" in calc.source


def test_svg_has_text_alternative_and_table_has_the_same_figures() -> None:
    html = render(parse_chart("demo", DEMO, "demo.yaml"))
    soup = BeautifulSoup(html, "html.parser")
    svg = soup.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Demo chart"
    desc = svg.find(id=desc_id).get_text()
    values = [t.get_text() for t in svg.select(".chart__value")]
    assert values == ["$150.2 billion", "$3 billion", "about $250 million"]
    for value in values:
        assert value in desc
    table = soup.find("table")
    assert table.caption is not None
    assert [td.get_text() for td in table.select("td.num")] == values
    assert all(th.get("scope") in {"col", "row"} for th in table.find_all("th"))
    links = [a["href"] for a in table.find_all("a")]
    assert links == ["https://example.org/a", "https://example.org/b"]
    assert not soup.find("script")


def test_bars_share_one_linear_scale() -> None:
    soup = BeautifulSoup(render(parse_chart("demo", DEMO, "demo.yaml")), "html.parser")
    widths = [float(r["width"]) for r in soup.select("rect.chart__bar")]
    assert widths[0] == WIDTH
    assert widths[1] == pytest.approx(WIDTH * 0.02, abs=0.1)
    assert widths[2] == 2  # too small to see at this scale: drawn at the minimum width


def test_real_funding_gap_chart_uses_the_fact_sheet_figures() -> None:
    chart = load_chart("funding-gap", REAL_CHARTS, "content/platform/two-cents-for-freedom.md")
    amounts = [money(r.millions, approx=r.approx) for r in chart.rows]
    assert amounts == [
        "$236 billion",  # ILO 2024
        "$4.72 billion",  # our calculation: the one headline amount, on the 2024 base
        "$1.7 billion",  # the coalition's FY2024 request
        "about $250 million",  # the coalition's own 2020 estimate, as reported by Verité
        "$248 million",  # H.R. 1144's yearly authorization (CBO)
        "about $150 million",  # the coalition platform's own figure
    ]
    assert [r.calculated for r in chart.rows] == [False, True, False, False, False, False]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"share_of": "nope"}, "rows[2].share_of", "'nope' is not the id of an earlier row"),
        ({"share": "two"}, "rows[2].share", "is not a positive number"),
    ],
)
def test_bad_share_names_file_field_and_fix(change: dict, field: str, words: str) -> None:
    spec = {**DEMO, "rows": [DEMO["rows"][0], {**DEMO["rows"][1], **change}]}
    with pytest.raises(ChartError) as err:
        parse_chart("demo", spec, "content/charts/demo.yaml")
    message = str(err.value)
    assert message.startswith(f"content/charts/demo.yaml:1: {field}: ")
    assert words in message
    assert ";" in message  # the fix follows


def test_missing_amount_and_missing_source_are_errors() -> None:
    row = {k: v for k, v in DEMO["rows"][0].items() if k != "millions"}
    with pytest.raises(ChartError, match=r"rows\[1\]\.millions: None is not a positive number"):
        parse_chart("demo", {"title": "x", "rows": [row]}, "demo.yaml")
    row = {k: v for k, v in DEMO["rows"][0].items() if k != "source"}
    with pytest.raises(ChartError, match=r"rows\[1\]\.source: 'source' is missing"):
        parse_chart("demo", {"title": "x", "rows": [row]}, "demo.yaml")


def test_unknown_chart_names_the_page_and_the_known_charts(tmp_path: Path) -> None:
    (tmp_path / "known.yaml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(ChartError) as err:
        load_chart("fundng-gap", tmp_path, "content/platform/x.md")
    assert str(err.value).startswith("content/platform/x.md:1: [chart: …]: there is no chart file")
    assert "known" in str(err.value)


def test_unknown_setting_is_an_error() -> None:
    with pytest.raises(SettingsError, match=r"CHARTS_PATHS .*the known ones are CHARTS_PATH"):
        ChartSettings.from_pelican({"PATH": "content", "CHARTS_PATHS": "x"})


def _tiny_site(root: Path, body: str) -> Path:
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    (content / "charts").mkdir()
    (content / "pages" / "gap.md").write_text(
        textwrap.dedent(
            f"""\
            ---
            title: Gap
            slug: gap
            ---
            Before the chart.

            {body}

            After the chart.
            """
        ),
        encoding="utf-8",
    )
    (content / "charts" / "demo.yaml").write_text(
        textwrap.dedent(
            """\
            title: Demo chart
            rows:
              - id: big
                label: A big figure
                millions: 150200
                kind: Estimate
                year: "2014"
                source: Source A
                url: https://example.org/a
              - label: Two cents of it
                share_of: big
                share: 0.02
                year: ours
            """
        ),
        encoding="utf-8",
    )
    return content


TINY = {
    "PLUGINS": ["content_schema", "charts"],
    "ARTICLE_PATHS": [],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": [],
    "DIRECT_TEMPLATES": [],
    "FEED_ALL_ATOM": None,
    "EXTRA_PATH_METADATA": {},
}


def test_build_replaces_the_shortcode_with_svg_and_table(
    tmp_path: Path, build_site: Callable[..., Path]
) -> None:
    content = _tiny_site(tmp_path, "[chart: demo]")
    out = build_site(content=content, **TINY)
    soup = BeautifulSoup((out / "gap" / "index.html").read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("main figure#chart-demo")
    assert figure is not None
    assert figure.find("svg", attrs={"role": "img"}) is not None
    assert [td.get_text() for td in figure.select("td.num")] == ["$150.2 billion", "$3 billion"]
    assert "[chart:" not in soup.get_text()
    # Same input, same bytes: a second build into another folder is identical.
    again = build(tmp_path / "again", content=content, **TINY)
    assert (again / "gap" / "index.html").read_bytes() == (out / "gap" / "index.html").read_bytes()


def test_build_with_unknown_chart_fails_naming_the_page(
    tmp_path: Path, build_site: Callable[..., Path]
) -> None:
    """Found by the content index before Pelican reads a file (check-content says it too)."""
    content = _tiny_site(tmp_path, "[chart: nothing-here]")
    expected = (r"content/pages/gap\.md:\d+: \[chart: …\]: there is no chart file "
                r"content/charts/nothing-here\.yaml")
    assert any(re.search(expected, str(p)) for p in check_tree(content))
    with pytest.raises(ContentError, match=expected):
        build_site(allow_warnings=True, content=content, **TINY)
    assert not (tmp_path / "out" / "gap" / "index.html").exists()


def test_a_shortcode_that_shares_its_line_is_found_first(tmp_path: Path) -> None:
    content = _tiny_site(tmp_path, "See [chart: demo] here.")
    assert any("a chart shortcode is not on a line of its own" in str(p)
               for p in check_tree(content))

"""The editor's config.yml is generated from content_schema and matches it rule for rule."""

from __future__ import annotations

import json
from pathlib import Path
import re
import shutil
import subprocess
from typing import Any

from admin_config import config_for, main
import pytest
import yaml

from admin.decap import SchemaMappingError, build_config, decap_field, js_pattern
from admin.settings import AdminConfigError, AdminSettings
from content_schema.cases import OUTCOMES
from content_schema.collections import COLLECTIONS
from content_schema.fields import Field, Kind
from pluginkit import SettingsError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    """The config a development build writes to /admin/config.yml."""
    return config_for()


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    """One collection of the generated config."""
    return next(c for c in config["collections"] if c["name"] == name)


def fields_by_name(coll: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A collection's Decap fields by name."""
    return {f["name"]: f for f in coll["fields"]}


def platform_fields(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The fields of the first platform page (every page has the same fields)."""
    files = collection(config, "platform")["files"]
    assert all(f["fields"] == files[0]["fields"] for f in files)
    return {f["name"]: f for f in files[0]["fields"]}


def test_cases_and_platform_collections(config: dict[str, Any]) -> None:
    """Case highlights can be created; platform pages only edited; both YAML front matter."""
    cases, platform = collection(config, "cases"), collection(config, "platform")
    assert cases["folder"] == "content/cases" and cases["create"] is True
    assert cases["extension"] == "md"
    for coll in (cases, platform):
        assert coll["format"] == "yaml-frontmatter"
        assert coll["delete"] is False
    # Same file names as `make case` and the schema: <date>-<slug>.md, date from the entry.
    assert cases["slug"] == "{{year}}-{{month}}-{{day}}-{{fields.slug}}"
    assert cases["preview_path"] == "cases/{{fields.slug}}/"
    assert config["media_folder"] == "content/images"
    assert config["public_folder"] == "/images"


def test_platform_lists_the_existing_pages_only(config: dict[str, Any]) -> None:
    """Every platform page is listed (in platform order), README.md and _drafts are not."""
    platform = collection(config, "platform")
    assert "folder" not in platform and "create" not in platform  # a files collection
    on_disk = sorted(
        p for p in (ROOT / "content" / "platform").glob("*.md")
        if p.name != "README.md" and not p.name.startswith(("_", "."))
    )
    listed = [f["file"] for f in platform["files"]]
    assert sorted(listed) == [f"content/platform/{p.name}" for p in on_disk]
    assert not any("README" in f for f in listed)
    labels = [f["label"] for f in platform["files"]]
    numbers = [int(label.split(".")[0]) for label in labels if label.split(".")[0].isdigit()]
    assert numbers == sorted(numbers)
    for entry in platform["files"]:
        assert entry["preview_path"].startswith("platform/") and "{" not in entry["preview_path"]


def test_generated_yaml_has_no_aliases() -> None:
    """The repeated field lists are written out, not as YAML anchors (&id001)."""
    from admin.decap import render_yaml

    text = render_yaml(config_for())
    assert "&id" not in text and "*id" not in text


@pytest.mark.parametrize("name", ["cases", "platform"])
def test_every_schema_field_is_in_the_editor(config: dict[str, Any], name: str) -> None:
    """Each field of the schema is there, required exactly when the schema requires it."""
    schema = COLLECTIONS[name]
    decap = (
        fields_by_name(collection(config, name)) if name == "cases" else platform_fields(config)
    )
    assert set(decap) == {f.name for f in schema.fields} | {"body"}
    for field in schema.fields:
        got = decap[field.name]
        assert got["label"] == field.label
        if got["widget"] == "hidden":  # fixed on edit-only pages: slug and order
            assert name == "platform" and field.name in {"slug", "order"}
            continue
        assert got["widget"] == field.kind.value
        assert got["required"] is field.required, field.name
        assert got["hint"].replace("\\", "") == field.help.replace("\\", "")
    assert decap["body"]["widget"] == "markdown"


def test_outcome_vocabulary_is_the_select(config: dict[str, Any]) -> None:
    """The outcomes select offers exactly the vocabulary, several at once, at least one."""
    outcomes = fields_by_name(collection(config, "cases"))["outcomes"]
    assert outcomes["widget"] == "select"
    assert outcomes["options"] == list(OUTCOMES) == ["people", "policy", "prevention", "money"]
    assert outcomes["multiple"] is True and outcomes["min"] == 1


def test_patterns_and_lengths_are_enforced(config: dict[str, Any]) -> None:
    """Every pattern and maximum length of the schema is a Decap pattern with its message."""
    cases = fields_by_name(collection(config, "cases"))
    for field in COLLECTIONS["cases"].fields:
        got = cases[field.name]
        if field.pattern or field.max_length:
            regex, message = got["pattern"]
            assert regex.startswith("^") and regex.endswith("$")
            if field.pattern:
                assert field.pattern.replace("(?P<", "(?<") in regex
                assert (field.pattern_help or field.help) in message
            if field.max_length:
                assert f"{{0,{field.max_length}}}" in regex
    sources = cases["sources"]
    assert sources["widget"] == "list" and sources["min"] == 1
    parts = {f["name"]: f for f in sources["fields"]}
    assert set(parts) == {"name", "url"}
    assert "https?://" in parts["url"]["pattern"][0]


def test_dates_are_stored_as_plain_days(config: dict[str, Any]) -> None:
    """The date widget writes YYYY-MM-DD, without a time."""
    date = fields_by_name(collection(config, "cases"))["date"]
    assert date["widget"] == "datetime"
    assert date["format"] == "YYYY-MM-DD" and date["time_format"] is False


NODE = shutil.which("node")
SAMPLES = [
    "", "a", "child-begging-case", "Child-Begging", "a--b", "-a", "a-", "ünï", "a b", "a/b",
    "../etc", "https://www.justice.gov/opa/pr/x", "http://example.org", "https://x",
    "javascript:alert(1)", "https://ex.org/a b", "x" * 81, "x" * 300, "line\nbreak",
    "LIFT International, 17 April 2018",
]


def all_patterns(config: dict[str, Any]) -> list[tuple[Field, str]]:
    """(schema field, JS regex) for every pattern in the config, nested ones included."""
    found: list[tuple[Field, str]] = []

    def walk(decap: list[dict[str, Any]], schema: tuple[Field, ...]) -> None:
        by_name = {f.name: f for f in schema}
        for f in decap:
            field = by_name.get(f["name"])
            if field is None:
                continue  # the body
            if "pattern" in f:
                found.append((field, f["pattern"][0]))
            walk(f.get("fields", []), field.fields)
            if "field" in f:  # a list of strings: the item carries the list's own rule
                found.append((field, f["field"]["pattern"][0]))

    for coll in config["collections"]:
        for fields in [coll["fields"]] if "fields" in coll else [coll["files"][0]["fields"]]:
            walk(fields, COLLECTIONS[coll["name"]].fields)
    return found


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_patterns_accept_what_python_accepts(config: dict[str, Any]) -> None:
    """Decap (JavaScript RegExp.test) and the build (Python re.fullmatch) agree on samples."""
    patterns = all_patterns(config)
    assert len(patterns) >= 5
    script = (
        "const [pats, samples] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const test = p => samples.map(s => new RegExp(p).test(s));"
        "process.stdout.write(JSON.stringify(pats.map(test)));"
    )
    js = json.loads(
        subprocess.run(
            [NODE, "-e", script],
            input=json.dumps([[regex for _, regex in patterns], SAMPLES]),
            capture_output=True, text=True, check=True,
        ).stdout
    )
    for (field, _), results in zip(patterns, js, strict=True):
        for sample, accepted in zip(SAMPLES, results, strict=True):
            if not sample:
                continue  # emptiness is Decap's `required`, not its pattern
            python = not field.check(sample)
            assert accepted == python, (field.name, sample, accepted, python)


def test_python_only_regex_is_refused() -> None:
    """A schema pattern JavaScript would read differently stops the build with its name."""
    for bad in (r"\Aabc\Z", r"(?i)abc", r"a++", r"(?P<x>a)(?P=x)"):
        field = Field("slug", "Slug", Kind.TEXT, "help", pattern=bad)
        with pytest.raises(SchemaMappingError, match="slug"):
            js_pattern(field, "content_schema: cases")
    assert js_pattern(Field("s", "S", Kind.TEXT, "h", pattern="(?P<a>x)"), "w") == "^(?:(?<a>x))$"


def test_select_without_choices_is_refused() -> None:
    """A select with nothing to choose is a schema mistake, named."""
    with pytest.raises(SchemaMappingError, match="outcomes: a select field needs choices"):
        decap_field(Field("outcomes", "Outcomes", Kind.CHOICE, "h"), "content_schema: cases")


def test_local_backend_only_when_asked(config: dict[str, Any]) -> None:
    """The default config has no local backend and reviews edits (editorial workflow)."""
    assert "local_backend" not in config
    assert config["publish_mode"] == "editorial_workflow"
    local = config_for(ADMIN_LOCAL_BACKEND="http://127.0.0.1:8000/api/v1")
    assert local["local_backend"]["url"] == "http://127.0.0.1:8000/api/v1"
    assert "publish_mode" not in local  # decap-server's file mode has no editorial workflow


def test_publish_settings_are_strict_and_never_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """publishconf.py sets ADMIN_STRICT, and a local backend in it is refused."""
    monkeypatch.setenv("SITEURL", "https://www.example.org")
    publish = ROOT / "publishconf.py"
    assert "local_backend" not in config_for(publish)
    from pelican.settings import read_settings as pelican_settings

    assert AdminSettings.from_pelican(pelican_settings(str(publish))).strict is True
    with pytest.raises(AdminConfigError, match="never be published"):
        config_for(publish, ADMIN_LOCAL_BACKEND="http://127.0.0.1:8000/api/v1")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ADMIN_BAKEND": {}}, "unknown setting.*ADMIN_BAKEND.*ADMIN_BACKEND"),
        ({"ADMIN_BACKEND": "github"}, "ADMIN_BACKEND must be a dict"),
        ({"ADMIN_PUBLISH_MODE": "draft"}, "editorial_workflow, simple"),
        ({"ADMIN_LOCAL_BACKEND": "http://example.org/api"}, "must be a local URL"),
        ({"ADMIN_COLLECTIONS": {"casez": True}}, "casez.*cases"),
    ],
)
def test_bad_settings_are_named(overrides: dict[str, Any], message: str) -> None:
    """Each bad ADMIN_* setting gives an error naming the setting and the fix."""
    with pytest.raises(SettingsError, match=message):
        config_for(**overrides)


def test_script_prints_the_same_config(capsys: pytest.CaptureFixture[str]) -> None:
    """`python scripts/admin_config.py > config.yml` writes exactly the generated config."""
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Generated by plugins/admin")
    assert yaml.safe_load(out) == config_for()
    assert main([]) == 0
    assert capsys.readouterr().out == out  # deterministic


def test_build_config_rejects_missing_title() -> None:
    """A collection without a title field cannot become a Decap folder collection."""
    from content_schema.fields import Collection

    odd = Collection("odd", "odd", "odd", (Field("name", "Name", Kind.TEXT, "h"),))
    settings = AdminSettings.from_pelican({"ADMIN_COLLECTIONS": {"odd": True}})
    with pytest.raises(SchemaMappingError, match="title"):
        build_config(settings, collections={"odd": odd})


def test_hints_have_no_markup_surprises(config: dict[str, Any]) -> None:
    """Hints are rendered as Markdown by Decap: '<', '*', '_' and the like are escaped."""
    hints = [f.get("hint", "") for f in collection(config, "cases")["fields"]]
    hints += [f.get("hint", "") for f in platform_fields(config).values()]
    assert any("\\<slug\\>" in h for h in hints)
    for hint in hints:
        assert not re.search(r"(?<!\\)[<>*_`]", hint), hint


def test_edit_only_folder_without_files_is_left_out(tmp_path: Path) -> None:
    """No platform pages yet (a fresh site): the editor shows case highlights only."""
    (tmp_path / "platform").mkdir()
    (tmp_path / "platform" / "README.md").write_text("# notes\n")
    config = config_for(PATH=str(tmp_path))
    assert [c["name"] for c in config["collections"]] == ["cases"]

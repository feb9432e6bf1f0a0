"""plugins/sections: the pages of a folder get that folder's address and template."""

from __future__ import annotations

from pathlib import Path

import pytest

from content_schema.routes import collect
from pluginkit import SettingsError
from sections.sections import section_routes
from sections.settings import SectionsSettings
from tests.conftest import build

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "actions" / "content"
PLUGINS = ["content_schema", "sections", "legislators", "actions"]


def test_a_section_folder_gets_its_address_and_template(tmp_path: Path) -> None:
    content = tmp_path / "content"
    import shutil

    shutil.copytree(FIXTURE, content)
    second = (content / "platform" / "fund-it.md").read_text(encoding="utf-8")
    (content / "platform" / "train-it.md").write_text(
        second.replace("slug: fund-it", "slug: train-it").replace("order: 1", "order: 2")
        .replace("title: Fund it", "title: Train it"), encoding="utf-8")
    out = build(tmp_path / "out", content=content, PLUGINS=PLUGINS,
                SECTIONS={"platform": {"url": "asks/{slug}/", "template": "page"},
                          "actions": {"url": "act/{slug}/", "template": "action"}})
    assert (out / "asks" / "fund-it" / "index.html").is_file()
    assert (out / "act" / "fund-it" / "index.html").is_file()
    assert not (out / "platform").exists()


def test_settings_are_checked_and_read_once() -> None:
    config = SectionsSettings.from_pelican(
        {"SECTIONS": {"platform/": {"url": "platform/{slug}/", "template": "platform"}}})
    [section] = config.sections
    assert (section.folder, section.save_as) == ("platform", "platform/{slug}/index.html")
    assert config.folder_of("platform/x.md") is section
    assert config.folder_of("pages/x.md") is None
    with pytest.raises(SettingsError, match=r"must contain .{slug}."):
        SectionsSettings.from_pelican({"SECTIONS": {"platform": {"url": "x/", "template": "p"}}})
    with pytest.raises(SettingsError, match="exactly the keys 'url' and 'template'"):
        SectionsSettings.from_pelican({"SECTIONS": {"platform": {"url": "x/{slug}/"}}})
    with pytest.raises(SettingsError, match="SECTIONS must be a dict"):
        SectionsSettings.from_pelican({"SECTIONS": ["platform"]})


def test_the_folders_addresses_are_handed_to_content_schema() -> None:
    settings = {"SECTIONS": {"platform": {"url": "platform/{slug}/", "template": "platform"}},
                "PAGE_PATHS": ["pages", "platform"], "PAGE_URL": "{slug}/",
                "ARTICLE_PATHS": ["cases"], "ARTICLE_URL": "cases/{slug}/"}
    assert section_routes(settings).folders == {"platform": "platform/{slug}/"}
    routes = collect(settings)
    assert routes.folders["platform"] == "platform/{slug}/"  # the section wins over PAGE_URL
    assert routes.folders["pages"] == "{slug}/"


def test_templates_get_each_sections_pages_in_order() -> None:
    """`sections.platform` is the platform pages by `order` (one query, in Python)."""
    from types import SimpleNamespace

    from sections.sections import section_pages

    def page(title: str, order: object, section: str | None = "platform") -> SimpleNamespace:
        return SimpleNamespace(title=title, metadata={"order": order}, section=section)

    generator = SimpleNamespace(
        settings={"SECTIONS": {"platform": {"url": "platform/{slug}/", "template": "platform"},
                               "actions": {"url": "act/{slug}/", "template": "action"}}},
        pages=[page("B", 2), page("A", 1), page("Z", None), page("About", 1, None)],
        context={},
    )
    section_pages(generator)
    assert [p.title for p in generator.context["sections"]["platform"]] == ["A", "B", "Z"]
    assert generator.context["sections"]["actions"] == []

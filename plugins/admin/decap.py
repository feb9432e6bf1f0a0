"""Generate Decap CMS's config.yml from the content schema (one definition of each rule).

Every field of a collection in `content_schema.collections.COLLECTIONS` becomes a Decap field:
`Field.kind` is already the widget name; `required`, `choices` (+ `multiple`), `pattern`
(+ `pattern_help` as the message), `help` (the hint) and `max_length` are mapped so that the
editor refuses what the build and `scripts/check_content.py` would reject.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
import re
from typing import Any

import yaml

from content_schema.collections import COLLECTIONS
from content_schema.fields import Collection, Field, Kind
from content_schema.index import ContentIndex
from pluginkit import SettingsError

from .settings import AdminSettings

# Names in the editor's menu (the schema's labels are written for error messages).
LABELS = {
    "cases": ("Case highlights", "Case highlight"),
    "platform": ("Platform pages", "Platform page"),
    "actions": ("Actions", "Action"),
    "pages": ("Pages", "Page"),
}
# The Markdown body of every file (not a front matter field).
BODY_HINT = {
    "cases": "The story, in Markdown. Never identify a victim; name your sources.",
    "platform": "The page text, in Markdown. Figures carry their source, named and linked.",
}
# Python-only regular expression syntax that JavaScript (Decap's validator) would misread.
_PY_ONLY = (
    (r"\(\?P=", "(?P=name) back-references"),
    (r"\(\?#", "(?#...) comments"),
    (r"\(\?>", "atomic groups (?>...)"),
    (r"\(\?[aiLmsux]+[):]", "inline flags such as (?i)"),
    (r"(?<!\\)[*+?}]\+", "possessive quantifiers"),
    (r"\\[AZz]", r"\A, \Z and \z anchors"),
)


def hint_text(text: str) -> str:
    """Escape Markdown in a help text: Decap renders hints as Markdown ('<slug>' would vanish)."""
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


class SchemaMappingError(SettingsError):
    """A schema rule cannot be expressed in Decap's config; the message names the field."""


def js_pattern(field: Field, where: str) -> str:
    """Return `field.pattern` (a Python full-match regex) as an anchored JavaScript regex."""
    assert field.pattern is not None
    source = field.pattern
    for token, what in _PY_ONLY:
        if re.search(token, source):
            raise SchemaMappingError(
                f"{where}: {field.name}: the pattern {source!r} uses {what}, which the editor's "
                "JavaScript validator reads differently; rewrite it without them"
            )
    source = source.replace("(?P<", "(?<")
    try:
        re.compile(field.pattern)
    except re.error as err:
        raise SchemaMappingError(f"{where}: {field.name}: bad pattern: {err}") from err
    return f"^(?:{source})$"


def _pattern(field: Field, where: str) -> list[str] | None:
    """Return Decap's [regex, message] for a field's pattern and maximum length, if any."""
    message = field.pattern_help or field.help
    if field.max_length:
        limit = f"at most {field.max_length} characters"
        message = f"{message} ({limit})" if field.pattern else f"Write {limit}."
        body = js_pattern(field, where)[1:-1] if field.pattern else r"[\s\S]*"
        return [rf"^(?=[\s\S]{{0,{field.max_length}}}$){body}$", message]
    if field.pattern:
        return [js_pattern(field, where), message]
    return None


def decap_field(field: Field, where: str, *, hidden: bool = False) -> dict[str, Any]:
    """Map one schema field to a Decap field definition."""
    out: dict[str, Any] = {"label": field.label, "name": field.name}
    if hidden:
        out["widget"] = "hidden"
        return out
    out["widget"] = str(field.kind)
    out["required"] = field.required
    if field.help:
        out["hint"] = hint_text(field.help)
    pattern = _pattern(field, where)
    if field.kind is Kind.DATE:
        # Stored as YYYY-MM-DD, the format the schema and Pelican read.
        out.update(format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False)
    elif field.kind is Kind.NUMBER:
        out["value_type"] = "int"
        if field.minimum is not None:
            out["min"] = field.minimum
        if field.maximum is not None:
            out["max"] = field.maximum
    elif field.kind is Kind.CHOICE:
        if not field.choices:
            raise SchemaMappingError(f"{where}: {field.name}: a select field needs choices")
        out["options"] = list(field.choices)
        if field.multiple:
            out["multiple"] = True
            if field.required:
                out["min"] = 1
    elif field.kind is Kind.LIST and field.fields:
        # A list of objects (e.g. sources: name and url), each part checked on its own.
        sub = [decap_field(f, f"{where}: {field.name}") for f in field.fields]
        out.update(fields=sub, allow_add=True, collapsed=False)
        out["summary"] = " · ".join(f"{{{{fields.{f.name}}}}}" for f in field.fields)
        if field.required:
            out["min"] = 1
    elif field.kind is Kind.LIST:
        # A list of strings, each checked on its own.
        item: dict[str, Any] = {"label": field.label, "name": "item", "widget": "string"}
        if pattern:
            item["pattern"] = pattern
            pattern = None
        out.update(field=item, allow_add=True, collapsed=False)
        if field.required:
            out["min"] = 1
    elif field.kind is Kind.MARKDOWN:
        out["sanitize_preview"] = True
    elif field.kind is Kind.MAPPING:
        raise SchemaMappingError(
            f"{where}: {field.name}: the editor has no widget for a list of 'id: text' lines; "
            "leave this collection out of ADMIN_COLLECTIONS"
        )
    elif field.choices:
        raise SchemaMappingError(
            f"{where}: {field.name}: choices need kind select, not {field.kind.value}"
        )
    if pattern:
        out["pattern"] = pattern
    return out


def _template(pattern: str, names: set[str]) -> str:
    """Turn a schema pattern ('{year}-{slug}.md', 'cases/{slug}/') into a Decap template.

    `{slug}` is the file's `slug` field when the collection has one (Decap's own `{{slug}}`
    would be made from the title); otherwise the file name, which Pelican uses as the slug.
    """
    slug = "{{fields.slug}}" if "slug" in names else "{{filename}}"

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "slug":
            return slug
        if key in {"year", "month", "day"}:
            return f"{{{{{key}}}}}"
        return f"{{{{fields.{key}}}}}"

    return re.sub(r"\{(\w+)\}", one, pattern)


def decap_fields(collection: Collection, *, create: bool) -> list[dict[str, Any]]:
    """The Decap fields of a collection, plus the Markdown body."""
    where = f"content_schema: {collection.name}"
    names = {f.name for f in collection.fields}
    if "title" not in names:
        raise SchemaMappingError(f"{where}: title: a collection needs a 'title' field")
    # Files that already exist keep their slug and order: URLs and links depend on them.
    fixed = set() if create else {"slug", "order"}
    fields = [decap_field(f, where, hidden=f.name in fixed) for f in collection.fields]
    if "body" not in names:
        fields.append(
            {
                "label": "Text",
                "name": "body",
                "widget": "markdown",
                "hint": BODY_HINT.get(collection.name, "The text, in Markdown."),
                "sanitize_preview": True,
                # Existing pages are edited as plain Markdown, so nothing is rewritten by accident.
                "modes": ["rich_text", "raw"] if create else ["raw", "rich_text"],
            }
        )
    return fields


def _labels(collection: Collection) -> dict[str, str]:
    """The collection's names in the editor's menu."""
    plural, singular = LABELS.get(
        collection.name, (collection.name.title(), collection.name.title())
    )
    return {"label": plural, "label_singular": singular}


def decap_collection(collection: Collection, *, url: str | None = None) -> dict[str, Any]:
    """A folder collection where volunteers create files (`url`: their address pattern)."""
    names = {f.name for f in collection.fields}
    fields = decap_fields(collection, create=True)
    out: dict[str, Any] = {
        "name": collection.name,
        **_labels(collection),
        "folder": f"content/{collection.folder.strip('/')}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        # New files are named as the schema (and `make case`) names them; Decap takes
        # {{year}}, {{month}} and {{day}} from the entry's `date` field.
        "slug": _template(collection.filename.removesuffix(".md"), names),
    }
    if url:
        out["preview_path"] = _template(url, names)
    if "date" in names:
        out["sortable_fields"] = ["date", "title"]
    out["fields"] = fields
    return out


def decap_file_collection(
    collection: Collection, index: ContentIndex | None, *, url: str | None = None
) -> dict[str, Any]:
    """An edit-only collection: the files that exist now, each listed by its title.

    Decap's folder collections list every .md file of the folder (README.md too) and cannot
    exclude any, so edit-only folders are generated as `files` collections instead; the
    files, titles and slugs come from the content index.
    """
    fields = decap_fields(collection, create=False)
    entries = []
    folder = collection.folder.strip("/")
    for entry in index.in_folder(folder) if index is not None else ():
        name = Path(entry.path).stem
        meta = entry.metadata
        title = meta.get("title") if isinstance(meta.get("title"), str) else name
        order = meta.get("order")
        item: dict[str, Any] = {
            "name": name,
            "label": f"{order}. {title}" if isinstance(order, int) else title,
            "file": f"content/{folder}/{Path(entry.path).name}",
            "fields": fields,
        }
        if url:
            item["preview_path"] = url.replace("{slug}", entry.slug or name)
        entries.append((order if isinstance(order, int) else 1_000_000, name, item))
    return {
        "name": collection.name,
        **_labels(collection),
        "format": "yaml-frontmatter",
        "delete": False,
        "files": [item for *_, item in sorted(entries, key=lambda e: (e[0], e[1]))],
    }


def build_config(
    settings: AdminSettings,
    index: ContentIndex | None = None,
    urls: Mapping[str, str] | None = None,
    collections: Mapping[str, Collection] = COLLECTIONS,
) -> dict[str, Any]:
    """Return Decap's whole configuration as a dict (the content of config.yml).

    `index` is the build's content index (the files of edit-only collections), `urls` each
    folder's address pattern (content_schema's SchemaSettings.folders, for previews).
    """
    urls = urls or {}
    missing = [name for name in settings.collections if name not in collections]
    if missing:
        raise SchemaMappingError(
            f"[admin] ADMIN_COLLECTIONS names {', '.join(missing)}, which "
            f"content_schema.collections.COLLECTIONS does not define "
            f"(it defines {', '.join(sorted(collections))})"
        )
    config: dict[str, Any] = {"backend": dict(settings.backend)}
    if settings.local_backend:
        config["local_backend"] = {
            "url": settings.local_backend,
            "allowed_hosts": ["127.0.0.1", "localhost"],
        }
    else:
        config["publish_mode"] = settings.publish_mode
    config.update(
        {
            "site_url": settings.site_origin,
            "display_url": settings.site_origin,
            "locale": "en",
            "media_folder": settings.media_folder,
            "public_folder": settings.public_folder,
            # File names Pelican and every web server accept: a-z, 0-9 and hyphens.
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
            "collections": [
                c
                for c in (
                    decap_collection(collections[name], url=urls.get(name))
                    if create
                    else decap_file_collection(collections[name], index, url=urls.get(name))
                    for name, create in settings.collections.items()
                )
                # An edit-only folder with no files yet has nothing to show (and Decap
                # refuses a files collection without files).
                if c.get("files", True)
            ],
        }
    )
    return config


class _PlainDumper(yaml.SafeDumper):
    """YAML without anchors and aliases (&id001): each file's fields written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_yaml(config: Mapping[str, Any]) -> str:
    """Serialise a config deterministically, with a header saying where it comes from."""
    header = (
        "# Generated by plugins/admin from plugins/content_schema; do not edit.\n"
        "# Regenerate with: python scripts/admin_config.py > config.yml\n"
    )
    return header + yaml.dump(
        dict(config),
        Dumper=_PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )

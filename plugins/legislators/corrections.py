"""A link to report a wrong detail: a prefilled message, never a request from the page.

The link goes to CAMPAIGN_CORRECTIONS (a mailto: address, or an https:// page that takes
`title` and `body` query parameters as GitHub's "new issue" page does), else to the
congress-legislators project's own issue page. The message names the member, lists every
detail we show and the date of the data, and asks which one is wrong.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from .model import Member


def message(member: Member, data_date: str) -> tuple[str, str]:
    """Return the (subject, body) of a report about one member's details."""
    who = f"{member.title} {member.name} ({member.bioguide}), {member.place_label}"
    details = [
        ("Washington phone", member.phone),
        ("Washington address", member.address),
        ("Website", member.website),
        ("Contact form", member.contact_form),
        ("Contact page", member.contact_page),
    ] + [(f"Office in {o.city}", ", ".join(filter(None, (o.address, o.phone))))
         for o in member.offices]
    lines = [
        f"Member: {who}",
        f"Data date: {data_date}",
        "",
        "Which detail is wrong, and what is right? (Where did you see the right one?)",
        "",
        *(f"- {label}: {value}" for label, value in details if value),
    ]
    return f"Wrong contact detail: {member.title} {member.name}", "\n".join(lines)


def report_url(target: str, member: Member, data_date: str) -> str:
    """Return the prefilled link for `target` (mailto: or https://)."""
    subject, body = message(member, data_date)
    if target.lower().startswith("mailto:"):
        query = f"subject={quote(subject)}&body={quote(body)}"
    else:
        query = urlencode({"title": subject, "body": body}, quote_via=quote)
    return f"{target}{'&' if '?' in target else '?'}{query}"

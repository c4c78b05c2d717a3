"""Who answers what technical support does not, and how to reach them (docs/contacts.yml): the
"not our question" screens name them, and the out-of-scope page lists them all at <!-- contacts -->.
Addresses and numbers live in this one file, never in pages."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..data import datafile
from ..data.datafile import DataProblem, DataProblems, Text

if TYPE_CHECKING:  # the build's context reads this module's file: no import at run time
    from ..build.context import BuildContext

CONTACT_KEYS = {"name", "how", "phone", "url"}
ID = re.compile(r"^[a-z0-9-]+$")
PHONE = re.compile(r"^\+?[0-9]{3,15}$")
MARKER = "<!-- contacts -->"


@dataclass(frozen=True)
class Contact:
    id: str
    name: Text
    how: Text
    phone: str = ""
    url: str = ""

    @property
    def site(self) -> str:
        """The address as a link shows it: egov.kz."""
        return urlsplit(self.url).hostname.removeprefix("www.") if self.url else ""


def load(path: Path) -> dict[str, Contact]:
    data = datafile.load(path)
    if not isinstance(data, dict) or not isinstance(data.get("contacts"), dict):
        raise DataProblems([DataProblem(path, "contacts-file")])
    raw_contacts = data["contacts"]
    contacts, problems = {}, []
    for contact_id, raw in raw_contacts.items():
        line = raw_contacts.line_of(contact_id)
        if not ID.match(str(contact_id)):
            problems.append(DataProblem(path, "contact-id", line, str(contact_id)))
        if not isinstance(raw, dict):
            problems.append(DataProblem(path, "contact-not-mapping", line, str(contact_id)))
            continue
        for key in sorted(set(raw) - CONTACT_KEYS):
            problems.append(DataProblem(path, "unknown-key-here", raw.line_of(key), contact_id, {"key": key}))
        name, found = datafile.read_text(raw.get("name"), path, contact_id, "name", raw.line_of("name"))
        how, more = datafile.read_text(raw.get("how"), path, contact_id, "how", raw.line_of("how"))
        problems += found + more
        phone, url = str(raw.get("phone") or ""), str(raw.get("url") or "")
        if phone and not PHONE.match(phone):
            problems.append(DataProblem(path, "contact-phone", raw.line_of("phone"), contact_id, {"phone": phone}))
        if url and not (url.startswith("https://") and urlsplit(url).hostname):
            problems.append(DataProblem(path, "contact-url", raw.line_of("url"), contact_id, {"url": url}))
        if not phone and not url:
            problems.append(DataProblem(path, "contact-reach", line, contact_id))
        if name and how:
            contacts[contact_id] = Contact(contact_id, name, how, phone, url)
    if problems:
        raise DataProblems(problems)
    return contacts


def fill_marker(ctx: BuildContext, lang: str, html: str) -> str:
    """Every contact of the file, in its order, where a page has the marker."""
    if MARKER not in html:
        return html
    return html.replace(MARKER, ctx.templates.render("partials/contacts/all.html", lang, contacts=ctx.kb.contacts))

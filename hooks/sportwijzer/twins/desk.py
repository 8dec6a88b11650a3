"""Ask the regional desk ("het sportloket"): the link from where people get stuck, and the mail
that the page hulp-bij-zoeken/ opens in the person's own mail program.

The browser has the same rules in its twin of the same name, content/javascripts/desk.js,
function for function (read_help_params here is readHelpParams there). tests/desk_cases.py is
one table of cases that tests/twins/test_desk.py runs through these rules and
tests/browser/test_desk_rules.py through both: change both or neither.

Plain data in, plain data out; no imports from the rest of the package. The site sends nothing:
the mail is a mailto: link, and its body holds only what the person chose or wrote.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

PAGE = "hulp-bij-zoeken/"
# The finder's filters that travel to the help page, with the finder's parameter names and order.
# Never 'q' (free text), 'bij' (where someone is) or the list's settings.
LINK_FIELDS = ("beperking", "sport", "gemeente", "leeftijd")
# The desk's age groups (as in vragen/<slug>.yml): the form asks for a group, never an exact age.
GROUPS = {"kind": (0, 12), "jongere": (13, 17), "volwassene": (18, 64), "senior": (65, 120)}
GROUP_NAMES = {
    "kind": "kind (0 tot en met 12 jaar)",
    "jongere": "jongere (13 tot en met 17 jaar)",
    "volwassene": "volwassene (18 tot en met 64 jaar)",
    "senior": "65 jaar of ouder",
}
MAX_VRAAG = 1000  # characters of free text in the mail: longer links fail in some mail programs

_SPACE = " \t\n\r\f\v"
_WHOLE = re.compile(r"[0-9]{1,3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def empty_form() -> dict[str, Any]:
    return {"gemeente": "", "beperking": [], "leeftijdsgroep": "", "sport": "", "vraag": ""}


def age_group(age: int) -> str:
    """The desk's group for an age in whole years: 12 is 'kind', 13 'jongere', 65 'senior'."""
    return next((g for g, (low, high) in GROUPS.items() if low <= age <= high), "")


def help_params(state: dict[str, Any]) -> list[list[str]]:
    """The finder's state (finder_rules.read_params) as the help page's link parameters: only
    impairment, sport, municipality and age."""
    pairs = [["beperking", b] for b in state.get("beperking") or []]
    for name in LINK_FIELDS[1:]:
        value = state.get(name)
        if value is not None and value != "":
            pairs.append([name, str(value)])
    return pairs


def encode(text: str) -> str:
    """Percent-encoding for a link: UTF-8, everything but letters, digits and -_.~ encoded
    (a space is %20, as mail programs expect, never +)."""
    return quote(_SURROGATE.sub("\ufffd", text), safe="")


def address(email: str) -> str:
    """The address in a mailto: link, percent-encoded but for its @."""
    return encode(email).replace("%40", "@")


def help_url(pairs: list[list[str]]) -> str:
    """'hulp-bij-zoeken/?sport=zwemmen&gemeente=kampen', relative to the site's root."""
    query = "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)
    return PAGE + ("?" + query if query else "")


def read_help_params(pairs: list[list[str]], known: dict[str, list[str]]) -> dict[str, Any]:
    """A link's parameters as the help form's choices. Only values the form offers (`known`:
    gemeente, beperking, sport, leeftijdsgroep) are taken; 'leeftijd' becomes its age group
    unless a group is given; anything else is left out, and free text never comes from a link."""
    form = empty_form()
    age = ""
    for name, raw in pairs:
        value = raw.strip(_SPACE)
        if name == "leeftijd" and not age and _WHOLE.fullmatch(value):
            age = age_group(int(value))
        elif name not in known or value not in known[name]:
            continue
        elif name == "beperking":
            if value not in form["beperking"]:
                form["beperking"].append(value)
        elif name in ("gemeente", "sport", "leeftijdsgroep") and not form[name]:
            form[name] = value
    if not form["leeftijdsgroep"] and age in known.get("leeftijdsgroep", []):
        form["leeftijdsgroep"] = age
    return form


def clean_text(text: str) -> str:
    """Free text as it goes into the mail: line ends as one newline, no control characters, no
    space around it, at most MAX_VRAAG characters (then cut, with '…')."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip(_SPACE)
    return text if len(text) <= MAX_VRAAG else text[:MAX_VRAAG] + "…"


def subject(form: dict[str, Any], labels: dict[str, dict[str, str]]) -> str:
    """'Hulp bij zoeken: Zwemmen in Kampen', '…: Zwemmen', '…: sport in Kampen', or without
    either 'Hulp bij zoeken naar sport'."""
    sport = labels["sport"].get(form["sport"], "")
    gemeente = labels["gemeente"].get(form["gemeente"], "")
    if not sport and not gemeente:
        return "Hulp bij zoeken naar sport"
    where = f" in {gemeente}" if gemeente else ""
    return f"Hulp bij zoeken: {sport or 'sport'}{where}"


def body(form: dict[str, Any], labels: dict[str, dict[str, str]], loket: str) -> str:
    """The mail's text: a greeting, one line for each choice made, then the person's question.
    Nothing else: no page, no search words, no other field."""
    lines = [f"Beste {loket},", "", _ASK, ""]
    beperkingen = [labels["beperking"][b] for b in form["beperking"] if b in labels["beperking"]]
    facts = [
        ("Gemeente", labels["gemeente"].get(form["gemeente"], "")),
        ("Beperking", ", ".join(beperkingen)),
        ("Leeftijd", GROUP_NAMES.get(form["leeftijdsgroep"], "")),
        ("Sport", labels["sport"].get(form["sport"], "")),
    ]
    chosen = [f"{name}: {value}" for name, value in facts if value]
    if chosen:
        lines += [*chosen, ""]
    vraag = clean_text(form["vraag"])
    if vraag:
        lines += ["Mijn vraag:", vraag, ""]
    return "\n".join(lines)


_ASK = "Ik zoek een sport of een manier om te bewegen. Kunnen jullie met mij meedenken?"


def mail(
    form: dict[str, Any], labels: dict[str, dict[str, str]], loket: dict[str, str]
) -> dict[str, Any]:
    """The mail to the desk: subject, text and the mailto: link (line ends as %0D%0A)."""
    onderwerp = subject(form, labels)
    tekst = body(form, labels, loket["naam"])
    href = (
        f"mailto:{address(loket['email'])}?subject={encode(onderwerp)}"
        f"&body={encode(tekst.replace(chr(10), chr(13) + chr(10)))}"
    )
    return {"onderwerp": onderwerp, "tekst": tekst, "href": href}


def blank_mail(loket: dict[str, str]) -> str:
    """The plain mailto: link for a browser without JavaScript: the same questions, to fill in
    in the mail program. (Only the build writes it, so it has no twin in desk.js.)"""
    lines = [f"Beste {loket['naam']},", "", _ASK, ""]
    lines += ["Gemeente:", "Beperking:", "Leeftijd:", "Sport (als je die al weet):", ""]
    lines += ["Mijn vraag:", ""]
    tekst = "\r\n".join(lines)
    onderwerp = encode(subject(empty_form(), _NO_LABELS))
    return f"mailto:{address(loket['email'])}?subject={onderwerp}&body={encode(tekst)}"


_NO_LABELS: dict[str, dict[str, str]] = {"sport": {}, "gemeente": {}, "beperking": {}}

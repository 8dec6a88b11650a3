"""Turn validated plain data into the typed model. Runs only when validation found no errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..base import dutch, events
from ..base.dates import as_date, is_stale
from ..base.markdown_safe import render
from ..base.slugs import slugify
from ..base.vocabulary import (
    ICONEN,
    NIVEAU,
    ONDERSTEUNING,
    PER,
    ROLLEN,
    SOORT,
    STATUS,
    TOEGANKELIJKHEID,
    VORM,
    Term,
    Vocabulary,
)
from ..twins import finder_rules
from .objects import (
    Aanbod,
    Aanmelden,
    Contact,
    Evenement,
    Gemeente,
    Kosten,
    Locatie,
    Partner,
    Plaats,
    Proefles,
    Regio,
    Tijd,
    Vraag,
    Vrijwilligers,
)
from .volunteers import TAKEN

Data = dict[str, Any]


def _term(slug: str, labels: dict[str, str]) -> Term:
    return Term(slug, labels[slug], labels[slug], icoon=ICONEN.get(slug, ""))


def _terms(slugs: list[str] | None, labels: dict[str, str]) -> list[Term]:
    return [_term(slug, labels) for slug in slugs or []]


def contact(data: Data | None) -> Contact:
    data = data or {}
    telefoon = data.get("telefoon", "")
    return Contact(
        naam=data.get("naam", ""),
        email=data.get("email", ""),
        telefoon=telefoon,
        telefoon_link=dutch.tel_link(telefoon) if telefoon else "",
        website=data.get("website", ""),
        adres=data.get("adres", ""),
        email_link=dutch.mail_link(data["email"]) if data.get("email") else "",
    )


def regio(data: Data) -> Regio:
    gemeenten = [
        Gemeente(g["naam"], slugify(g["naam"]), *map(float, g["coordinaten"]))
        for g in data["gemeenten"]
    ]
    plaatsen = [
        Plaats(p["naam"], slugify(p["naam"]), p["gemeente"], *map(float, p["coordinaten"]))
        for p in data.get("plaatsen", [])
    ]
    return Regio(
        naam=data["naam"],
        loket=contact(data["loket"]),
        gemeenten=gemeenten,
        plaatsen=plaatsen,
        voorbeeld=bool(data.get("voorbeeld", False)),
        licentie=data.get("licentie", "CC BY 4.0"),
    )


def partner(slug: str, data: Data, body: str, source_path: str, region: Regio) -> Partner:
    gemeente = region.gemeente(data["gemeente"]) if data.get("gemeente") else None
    return Partner(
        slug=slug,
        naam=data["naam"],
        soort=_term(data["soort"], SOORT),
        rollen=_terms(data.get("rollen"), ROLLEN),
        gemeente=gemeente,
        website=data.get("website", ""),
        contact=contact(data.get("contact")),
        beschrijving_html=render(body),
        source_path=source_path,
        url=f"partners/{slug}/",
    )


def _kosten(data: Data | None) -> Kosten | None:
    if data is None:
        return None
    amount = float(data["bedrag"])
    per = data.get("per", "")
    gratis = amount == 0
    tekst = "Gratis" if gratis else f"{dutch.bedrag(amount)} {PER.get(per, '')}".strip()
    return Kosten(amount, per, data.get("toelichting", ""), gratis, tekst)


def _proefles(value: bool | Data | None) -> Proefles | None:
    if value is None or value is False:
        return None
    details = value if isinstance(value, dict) else {}
    gratis = bool(details.get("gratis", False))
    tekst = "Gratis proefles" if gratis else "Proefles mogelijk"
    return Proefles(gratis, details.get("toelichting", ""), tekst)


def _locatie(data: Data, region: Regio) -> Locatie:
    lat, lon = map(float, data["coordinaten"])
    return Locatie(
        naam=data["naam"],
        adres=data["adres"],
        postcode=dutch.postcode(str(data["postcode"])),
        plaats=data["plaats"],
        gemeente=region.gemeente(data["gemeente"]),
        lat=lat,
        lon=lon,
        kaart_url=f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
    )


def _meld_url(region: Regio, titel: str, slug: str) -> str:
    """'Klopt er iets niet?': an e-mail to the regional desk with the offer named."""
    if not region.loket.email:
        return ""
    tekst = f"Over het aanbod '{titel}' ({slug}):\n\nDit klopt niet:\n"
    return dutch.mailto(region.loket.email, f"Klopt er iets niet? {titel}", tekst)


def _vrijwilligers(data: Data | None, titel: str, contact: Data) -> Vrijwilligers | None:
    """The tasks in plain words; the mail goes to the offer's own contact."""
    if data is None:
        return None
    email = contact.get("email", "")
    mail_url = dutch.mailto(email, f"Ik wil helpen als vrijwilliger: {titel}") if email else ""
    return Vrijwilligers(
        gezocht=_terms(data["gezocht"], TAKEN),
        toelichting=data.get("toelichting", ""),
        mail_url=mail_url,
    )


def aanbod(
    slug: str,
    data: Data,
    source_path: str,
    context: tuple[Regio, Vocabulary, dict[str, Partner]],
    today: dt.date,
) -> Aanbod:
    region, vocabulary, partners = context
    ages = data.get("leeftijd", {})
    checked = as_date(data["laatst_gecontroleerd"])
    assert checked is not None  # validated
    return Aanbod(
        slug=slug,
        titel=data["titel"],
        sport=vocabulary.sporten[data["sport"]],
        aanbieder=partners[data["aanbieder"]],
        beperkingen=[vocabulary.beperkingen[b] for b in data["beperkingen"]],
        samenvatting=data["samenvatting"],
        beschrijving_html=render(data.get("beschrijving", "")),
        leeftijd_min=ages.get("min"),
        leeftijd_max=ages.get("max"),
        leeftijd_tekst=finder_rules.age_text(ages.get("min"), ages.get("max")),
        niveau=_terms(data.get("niveau"), NIVEAU),
        vorm=_term(data["vorm"], VORM) if data.get("vorm") else None,
        locatie=_locatie(data["locatie"], region),
        tijden=[
            Tijd(t["dag"], t["van"], t["tot"], t.get("toelichting", ""))
            for t in data.get("tijden", [])
        ],
        op_afspraak=bool(data.get("op_afspraak", False)),
        kosten=_kosten(data.get("kosten")),
        proefles=_proefles(data.get("proefles")),
        toegankelijkheid=_terms(data.get("toegankelijkheid"), TOEGANKELIJKHEID),
        ondersteuning=_terms(data.get("ondersteuning"), ONDERSTEUNING),
        toegankelijkheid_toelichting=data.get("toegankelijkheid_toelichting", ""),
        vervoer=data.get("vervoer", ""),
        status=_term(data.get("status", "actief"), STATUS),
        contact=contact(data["contact"]),
        laatst_gecontroleerd=checked,
        gecontroleerd_tekst=dutch.datum(checked),
        verouderd=is_stale(checked, today),
        source_path=source_path,
        url=f"aanbod/{slug}/",
        meld_url=_meld_url(region, data["titel"], slug),
        fields=data,
        vrijwilligers=_vrijwilligers(data.get("vrijwilligers"), data["titel"], data["contact"]),
        vorige_namen=tuple(data.get("vorige_namen", ())),
    )


def _aanmelden(data: Data | None, first: dt.date, today: dt.date, status: str) -> Aanmelden | None:
    """Registration; open on the build day unless full, cancelled, over or past its deadline."""
    if data is None:
        return None
    deadline = as_date(data.get("uiterlijk"))
    telefoon = data.get("telefoon", "")
    still = today <= (deadline or first)
    return Aanmelden(
        url=data.get("url", ""),
        email=data.get("email", ""),
        telefoon=telefoon,
        telefoon_link=dutch.tel_link(telefoon) if telefoon else "",
        uiterlijk=deadline,
        uiterlijk_tekst=events.dag_tekst(deadline) if deadline else "",
        toelichting=data.get("toelichting", ""),
        open=still and status == events.DEFAULT_STATUS,
        email_link=dutch.mail_link(data["email"]) if data.get("email") else "",
    )


def _event_kosten(data: Data | None) -> Kosten | None:
    if data is None:
        return None
    amount = float(data["bedrag"])
    return Kosten(amount, "", data.get("toelichting", ""), amount == 0, events.kosten_tekst(amount))


def evenement(
    slug: str,
    data: Data,
    source_path: str,
    context: tuple[Regio, Vocabulary, dict[str, Partner]],
    today: dt.date,
) -> Evenement:
    region, vocabulary, partners = context
    first = as_date(data["datum"])
    assert first is not None  # validated
    last = as_date(data.get("tot_datum")) or first
    tijd = data.get("tijd", {})
    status = data.get("status", events.DEFAULT_STATUS)
    return Evenement(
        slug=slug,
        titel=data["titel"],
        soort=_term(data["soort"], events.SOORT),
        organisator=partners[data["organisator"]],
        samenvatting=data["samenvatting"],
        beschrijving_html=render(data.get("beschrijving", "")),
        datum=first,
        tot_datum=last,
        van=tijd.get("van", ""),
        tot=tijd.get("tot", ""),
        wanneer=events.wanneer(first, last, tijd.get("van", ""), tijd.get("tot", "")),
        voorbij=events.is_over(last, today),
        status=_term(status, events.STATUS),
        sport=vocabulary.sporten[data["sport"]] if data.get("sport") else None,
        beperkingen=[vocabulary.beperkingen[b] for b in data["beperkingen"]],
        doelgroep=_terms(data.get("doelgroep", [events.DEFAULT_DOELGROEP]), events.DOELGROEP),
        locatie=_locatie(data["locatie"], region),
        kosten=_event_kosten(data.get("kosten")),
        aanmelden=_aanmelden(data.get("aanmelden"), first, today, status),
        toegankelijkheid=_terms(data.get("toegankelijkheid"), TOEGANKELIJKHEID),
        ondersteuning=_terms(data.get("ondersteuning"), ONDERSTEUNING),
        toegankelijkheid_toelichting=data.get("toegankelijkheid_toelichting", ""),
        vervoer=data.get("vervoer", ""),
        contact=contact(data["contact"]),
        source_path=source_path,
        url=f"agenda/{slug}/",
        ics_url=f"agenda/{slug}.ics",
        fields=data,
        vorige_namen=tuple(data.get("vorige_namen", ())),
    )


def vraag(slug: str, data: Data, region: Regio, vocabulary: Vocabulary) -> Vraag:
    """A demand record as the analysis counts it (its 'toelichting' stays out of the model)."""
    day = as_date(data["datum"])
    assert day is not None  # validated
    return Vraag(
        slug=slug,
        datum=day,
        gemeente=region.gemeente(data["gemeente"]),
        beperkingen=tuple(data["beperkingen"]),
        leeftijdsgroep=data["leeftijdsgroep"],
        sport=vocabulary.sporten[data["sport"]] if data.get("sport") else None,
        uitkomst=data.get("uitkomst", "open"),
        aanbod=data.get("aanbod", ""),
    )

"""Synthetic regions for the benchmark: many offers, made up from the project's own lists.

Deterministic (seeded), so two runs measure the same input. Written to a temporary folder,
never into the repository.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SITE_FILES = ("mkdocs.yml", "content", "overrides", "hooks", "lijsten", "toolkit")
BEPERKINGEN = [
    key
    for key in yaml.safe_load((ROOT / "lijsten" / "beperkingen.yml").read_text(encoding="utf-8"))
    if key != "iedereen"
]
DAGEN = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
WOORDEN = [
    "samen",
    "sporten",
    "bewegen",
    "groep",
    "training",
    "plezier",
    "rustig",
    "tempo",
    "begeleiding",
    "vrijwilligers",
    "kennismaken",
    "oefenen",
    "spelen",
    "lekker",
    "buiten",
    "binnen",
    "sterk",
    "fit",
    "gezellig",
    "ervaren",
    "trainer",
    "aangepast",
    "materiaal",
    "kleine",
    "groep",
    "iedere",
    "week",
    "proberen",
    "welkom",
    "jongeren",
    "volwassenen",
    "senioren",
]


def copy_site_code(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WOORDEN) for _ in range(words)).capitalize() + "."


def make_region(target: Path, offers: int, seed: int = 7) -> Path:
    """The project's site code, the demo region's regio.yml, and `offers` synthetic offers."""
    rng = random.Random(seed)
    copy_site_code(target)
    shutil.copy(ROOT / "regio.yml", target / "regio.yml")
    regio = yaml.safe_load((ROOT / "regio.yml").read_text(encoding="utf-8"))
    sports = list(yaml.safe_load((ROOT / "lijsten" / "sporten.yml").read_text(encoding="utf-8")))
    (target / "partners").mkdir()
    (target / "offers").mkdir()
    partners = [f"partner-{i:04d}" for i in range(max(10, offers // 10))]
    names = "De Vliet,Kwiek,Samen Sterk,De Wielers,Olympia,Vios,De Hoefslag,Vitesse,Sparta,Hercules"
    for slug in partners:
        name = (
            f"{rng.choice(['Sportclub', 'Vereniging', 'Stichting'])} {rng.choice(names.split(','))}"
        )
        body = f"---\nnaam: {name}\nsoort: sportaanbieder\n---\n"
        (target / "partners" / f"{slug}.md").write_text(body + _sentence(rng, 20), "utf-8")
    for i in range(offers):
        gemeente = rng.choice(regio["gemeenten"])
        lat, lon = gemeente["coordinaten"]
        # a postcode and a spot that agree with the gemeente (check/place_agreement.py)
        codes = gemeente.get("postcodes")
        number = int(codes[0].split("-")[0]) if codes else 8000 + i % 900
        sport = rng.choice(sports)
        offer = {
            "titel": f"{sport.capitalize()} {rng.choice(WOORDEN)} in {gemeente['naam']}",
            "sport": sport,
            "aanbieder": rng.choice(partners),
            "beperkingen": sorted(rng.sample(BEPERKINGEN, rng.randint(1, 3))),
            "samenvatting": _sentence(rng, 12),
            "beschrijving": "\n\n".join(_sentence(rng, 25) for _ in range(3)),
            "leeftijd": {"min": rng.choice([0, 6, 12, 18])},
            "locatie": {
                "naam": f"Sporthal {i}",
                "adres": f"Sportlaan {i % 200 + 1}",
                "postcode": f"{number} AB",
                "plaats": gemeente["naam"],
                "gemeente": gemeente["naam"],
                "coordinaten": [
                    round(lat + rng.uniform(-0.01, 0.01), 5),
                    round(lon + rng.uniform(-0.01, 0.01), 5),
                ],
            },
            "tijden": [{"dag": rng.choice(DAGEN), "van": "10:00", "tot": "11:00"}],
            "kosten": {"bedrag": rng.choice([0, 5, 25, 60]), "per": "maand"},
            "proefles": rng.random() < 0.5,
            "toegankelijkheid": ["rolstoeltoegankelijk"] if rng.random() < 0.6 else [],
            "contact": {"email": f"club{i}@example.org"},
            "laatst_gecontroleerd": "2026-10-01",
        }
        text = yaml.safe_dump(offer, allow_unicode=True, sort_keys=False)
        (target / "offers" / f"aanbod-{i:05d}.yml").write_text(text, "utf-8")
    return target


def make_bare_material(target: Path, pages: int, seed: int = 7) -> Path:
    """A plain Material site with `pages` Markdown pages of about 150 words, for comparison."""
    rng = random.Random(seed)
    docs = target / "docs"
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        "site_name: Kaal\ntheme:\n  name: material\n  language: nl\n"
        "plugins:\n  - search\nnav:\n  - index.md\n",
        "utf-8",
    )
    (docs / "index.md").write_text("# Kaal\n", "utf-8")
    for i in range(pages):
        text = f"# Pagina {i}\n\n" + "\n\n".join(_sentence(rng, 30) for _ in range(5))
        (docs / f"p{i:05d}.md").write_text(text, "utf-8")
    return target


def make_largest_input(target: Path) -> Path:
    """The demo region plus one file of each kind at the largest `make check` accepts (issue #23):
    an offer, an event and a partner whose texts are as long as allowed and made of the Markdown
    that is slowest to render (brackets), each file padded with comments to just under 1 MB."""
    copy_site_code(target)
    for name in ("regio.yml", "offers", "partners", "agenda", "vragen"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy(source, target / name)
    offer, event = (_without_description(path) for path in _first_offer_and_event())
    partner = next(p for p in sorted((ROOT / "partners").glob("[!_]*.md")))
    fields = partner.read_text(encoding="utf-8").split("---")[1]
    comment = "# " + "x" * 97 + "\n"
    files = {
        # YAML refuses more than 40 unclosed brackets, so the slowest a YAML text can hold
        "offers/grootst.yml": f"{offer}beschrijving: |-\n  {'[](' * 1000}\n",
        "agenda/grootst.yml": f"{event}beschrijving: |-\n  {'[](' * 1000}\n",
        # a partner's text may hold 200 '[': each one left open makes the converter read on
        "partners/grootst.md": f"---{fields}{{padding}}---\n{'[' * 200}{'a' * 4799}\n",
    }
    for relative, text in files.items():
        padding = comment * ((999_000 - len(text.encode("utf-8"))) // len(comment))
        text = text.replace("{padding}", padding) if "{padding}" in text else padding + text
        (target / relative).write_text(text, encoding="utf-8")
    return target


def _first_offer_and_event() -> tuple[Path, Path]:
    return (
        next(iter(sorted((ROOT / "offers").glob("[!_]*.yml")))),
        next(iter(sorted((ROOT / "agenda").glob("[!_]*.yml")))),
    )


def _without_description(path: Path) -> str:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("beschrijving", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)

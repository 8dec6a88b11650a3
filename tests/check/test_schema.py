"""The shipped schemas are valid draft-07, agree with the core's labels, and the core stays pure."""

import ast
import json
import re

import pytest
from jsonschema import Draft7Validator

from conftest import REPO
from sportwijzer.base import vocabulary
from sportwijzer.check import vocabulary_load
from sportwijzer.check.schema import SCHEMA_DIR, load_schema

CORE = REPO / "hooks" / "sportwijzer"


@pytest.mark.parametrize("kind", ["offer", "partner", "regio", "lijst", "leeftijden"])
def test_schemas_are_valid_draft_07_with_dutch_titles(kind):
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    for name, prop in schema.get("properties", {}).items():
        assert prop.get("title") and prop.get("description"), name


def _enum(kind, *path):
    node = load_schema(kind)["properties"]
    for key in path:
        node = node[key]
    return node["items"]["enum"] if "items" in node else node["enum"]


@pytest.mark.parametrize(
    ("labels", "kind", "path"),
    [
        (vocabulary.TOEGANKELIJKHEID, "offer", ("toegankelijkheid",)),
        (vocabulary.ONDERSTEUNING, "offer", ("ondersteuning",)),
        (vocabulary.NIVEAU, "offer", ("niveau",)),
        (vocabulary.VORM, "offer", ("vorm",)),
        (vocabulary.STATUS, "offer", ("status",)),
        (vocabulary.PER, "offer", ("kosten", "properties", "per")),
        (vocabulary.SOORT, "partner", ("soort",)),
        (vocabulary.ROLLEN, "partner", ("rollen",)),
    ],
)
def test_every_value_in_a_schema_has_a_dutch_label(labels, kind, path):
    assert list(labels) == _enum(kind, *path)


def test_the_impairment_list_matches_the_data_contract():
    assert vocabulary_load.BEPERKINGEN == (
        "lichamelijk",
        "rolstoel",
        "visueel",
        "auditief",
        "verstandelijk",
        "chronisch",
        "psychisch",
        "autisme",
        "nah",
        "iedereen",
    )


def test_the_project_lists_are_valid_and_hold_the_required_sports():
    vocab, problems = vocabulary_load.load_vocabulary(REPO)
    assert problems == []
    required = [
        "atletiek",
        "badminton",
        "basketbal",
        "boccia",
        "boogschieten",
        "dansen",
        "fietsen",
        "fitness",
        "goalball",
        "golf",
        "handbal",
        "hockey",
        "judo",
        "klimmen",
        "paardrijden",
        "roeien",
        "rolstoelbasketbal",
        "rolstoeldansen",
        "rolstoelhockey",
        "rolstoeltennis",
        "showdown",
        "schaatsen",
        "tafeltennis",
        "tennis",
        "voetbal",
        "wandelen",
        "watersport",
        "zeilen",
        "zwemmen",
    ]
    assert set(required) <= set(vocab.sporten)
    assert "basketbal" in vocab.sporten["rolstoelbasketbal"].woorden
    assert "rolstoel" in vocab.sporten["rolstoelbasketbal"].woorden
    assert set(vocab.beperkingen) == set(vocabulary_load.BEPERKINGEN)


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module or ""


def test_the_hook_file_stays_a_thin_shim():
    """Eight events, each a call or two into the core (on_page_content and on_post_build hand
    the rendered pages to the site's search)."""
    hook = REPO / "hooks" / "sportwijzer_hook.py"
    text = hook.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 105
    functions = re.findall(r"^def (\w+)", text, re.M)
    assert [f for f in functions if not f.startswith("on_")] == []
    assert not re.search(r"^\s+(for|while) ", text.split("def on_page_content")[1], re.M)

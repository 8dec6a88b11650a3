import datetime as dt

import pytest
import yaml

from sportwijzer.check import yamlread
from sportwijzer.check.yamlread import parse_yaml

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(autouse=True, params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request, monkeypatch):
    """Every test runs with PyYAML's own parser and with LibYAML: both must say the same."""
    monkeypatch.setattr(yamlread, "_LOADER", request.param)


def messages(text: str, first_line: int = 1) -> list[str]:
    return [p.format() for p in parse_yaml(text, "x.yml", first_line)[1]]


def test_keeps_the_line_of_every_key_and_item():
    document, problems = parse_yaml("a: 1\nb:\n  c: [x, y]\n  d:\n    - e\n    - f\n", "x.yml")
    assert problems == []
    assert document.line(("a",)) == 1
    assert document.line(("b", "c")) == 3
    assert document.line(("b", "d", 1)) == 6
    assert document.line(("b", "nope")) == 2  # the nearest parent


def test_keeps_scalars_as_written():
    document, _ = parse_yaml("postcode: 80211\nbedrag: 42.50\n", "x.yml")
    assert document.data == {"postcode": 80211, "bedrag": 42.5}
    assert document.text(("postcode",), 80211) == "80211"
    assert document.text(("bedrag",), 42.5) == "42.50"


def test_duplicate_key_is_an_error_at_the_second_line():
    assert messages("titel: a\nsport: b\ntitel: c\n") == [
        "x.yml:3: veld 'titel' staat twee keer in dit bestand (ook op regel 1); laat er één staan"
    ]


def test_duplicate_nested_key_names_the_full_field():
    text = "locatie:\n  naam: a\n  naam: b\n"
    assert messages(text) == [
        "x.yml:3: veld 'locatie.naam' staat twee keer in dit bestand (ook op regel 2); "
        "laat er één staan"
    ]


def alias_bomb() -> str:
    """'Billion laughs': nine levels of nine aliases each, 9^9 values once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_after_a_bounded_number_of_nodes(monkeypatch):
    """The reader stops at MAX_NODES values, not at 9^9 (bench/guards.py times it)."""
    built = []
    build = yamlread._Builder.build

    def counting(self, node, path, depth):
        built.append(node)
        return build(self, node, path, depth)

    monkeypatch.setattr(yamlread._Builder, "build", counting)
    document, problems = parse_yaml(alias_bomb(), "x.yml")
    assert document is None
    assert [p.message for p in problems] == [
        "het bestand wordt veel te groot door verwijzingen (& en *); schrijf de waarden uit"
    ]
    assert len(built) == yamlread.MAX_NODES + 1


@pytest.mark.parametrize(("aliases", "refused"), [(3, False), (4, True)])
def test_every_value_an_alias_repeats_counts_towards_the_bound(monkeypatch, aliases, refused):
    """a: 4 values (the list and its 3 items), b: 1 plus 4 for each *a, the document 1: 18 with
    three aliases, 22 with four; the bound is 20."""
    monkeypatch.setattr(yamlread, "MAX_NODES", 20)
    text = "a: &a [1, 2, 3]\nb: [" + ", ".join(["*a"] * aliases) + "]\n"
    document, problems = parse_yaml(text, "x.yml")
    assert (document is None, bool(problems)) == (refused, refused)


def test_a_small_alias_is_fine():
    document, problems = parse_yaml("a: &x [1, 2]\nb: *x\n", "x.yml")
    assert problems == []
    assert document.data == {"a": [1, 2], "b": [1, 2]}


def test_recursive_alias_and_deep_nesting_are_refused():
    assert messages("a: &a [*a]\n") == ["x.yml:1: het bestand is te diep genest"]
    assert messages("[" * 5000) == ["x.yml:1: het bestand is te diep genest"]
    # LibYAML would crash the whole process on this one, so we never hand it over
    assert messages("a: " + "[" * 200_000 + "]" * 200_000) == [
        "x.yml:1: het bestand is te diep genest"
    ]
    deep_block = "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "k: 1\n"
    assert messages(deep_block) == [
        "x.yml:42: het bestand is te diep genest"
    ]  # where it got too deep


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "titel: a\nbeperkingen: [visueel\nsport: b\n",
            "x.yml:2: de YAML klopt hier niet: een lijst die met [ begint, wordt niet goed met ] "
            "afgesloten",
        ),
        (
            "a:\n  b: 1\n c: 2\n",
            "x.yml:3: de YAML klopt hier niet: de inspringing klopt niet; zet velden van één "
            "groep recht onder elkaar",
        ),
        (
            'a: "open\nb: 2\n',
            "x.yml:1: de YAML klopt hier niet: een aanhalingsteken of haakje wordt niet afgesloten",
        ),
        (
            "titel: Zwemmen: voor iedereen\n",
            "x.yml:1: in de tekst staat een dubbele punt met een spatie erna, en YAML leest dat "
            'als een nieuw veld; zet de tekst tussen aanhalingstekens: titel: "Zwemmen: voor '
            'iedereen"',
        ),
        (
            "a: 1\n---\nb: 2\n",
            "x.yml:2: de YAML klopt hier niet: het bestand bevat meer dan één document (---); "
            "maak er één van",
        ),
        (
            "a: *nergens\n",
            "x.yml:1: de YAML klopt hier niet: een verwijzing (*) naar een anker (&) "
            "dat niet bestaat",
        ),
    ],
)
def test_syntax_errors_get_one_dutch_line_with_their_line(text, expected):
    assert messages(text) == [expected]


def test_line_numbers_shift_for_front_matter():
    assert messages("naam: a\nnaam: b\n", first_line=2) == [
        "x.yml:3: veld 'naam' staat twee keer in dit bestand (ook op regel 2); laat er één staan"
    ]


def test_empty_and_comment_only_files_are_refused():
    assert messages("") == ["x.yml:1: het bestand is leeg; vul de velden in"]
    assert messages("# alleen uitleg\n") == ["x.yml:1: het bestand is leeg; vul de velden in"]


def test_unquoted_values_are_read_as_yaml_1_2_reads_them():
    """As the editors do: times and yes/no stay text, a leading-zero number is a number."""
    text = "van: 10:00\ntot: 09:30\ntel: 0201234567\na: no\nb: On\nc: 0o14\nd: 1_000\ne: ~\n"
    document, problems = parse_yaml(text, "x.yml")
    assert problems == []
    assert document.data == {
        "van": "10:00",
        "tot": "09:30",
        "tel": 201234567,
        "a": "no",
        "b": "On",
        "c": 12,
        "d": "1_000",
        "e": None,
    }
    assert document.text(("tel",), 201234567) == "0201234567"


def test_quoted_and_tagged_values_keep_their_type():
    document, _ = parse_yaml("a: \"0201234567\"\nb: 'no'\nc: !!str 0123\nd: 2026-9-14\n", "x.yml")
    assert document.data == {"a": "0201234567", "b": "no", "c": "0123", "d": "2026-9-14"}


def test_dates_become_dates_and_impossible_dates_stay_text():
    document, _ = parse_yaml("d: 2026-09-14\n", "x.yml")
    assert document.data == {"d": dt.date(2026, 9, 14)}
    document, problems = parse_yaml("a: 1\nd: 2026-13-45\n", "x.yml")
    assert problems == []
    assert document.data == {"a": 1, "d": "2026-13-45"}


def test_python_tags_are_refused():
    assert messages("a: !!python/object:os.system ls\n") == [
        "x.yml:1: '!!python/object:os.system' is een onbekend YAML-label; haal het weg"
    ]
    assert messages("a: !!python/tuple [1, 2]\n") == [
        "x.yml:1: '!!python/tuple' is een onbekend YAML-label; haal het weg"
    ]


def test_keys_must_be_plain_text():
    assert messages("[a, b]: 1\n") == ["x.yml:1: een veldnaam moet gewone tekst zijn"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n\tb: 2\n", ["x.yml:2: hier staat een tab; spring in met spaties"]),
        ("a:\tb\n", ["x.yml:1: let op: hier staat een tab; schrijf een spatie"]),
        ("a: [b,\tc]\n", ["x.yml:1: let op: hier staat een tab; schrijf een spatie"]),
        (
            "a: b\t\nc: d\n",
            ["x.yml:1: let op: hier staat een tab aan het eind van de regel; haal hem weg"],
        ),
        ('a: "b\tc"\nd: |\n  e\tf\n', []),
        ("a:b\nc: d\n", ["x.yml:1: na de dubbele punt hoort een spatie: schrijf 'a: b'"]),
        ("a: 10:00\nb: https://example.org\n", []),
        (
            "a: 'b c\nd: e\n",
            [
                "x.yml:1: een waarde die met ' begint, moet ook met ' eindigen; zet de hele tekst "
                'tussen dubbele aanhalingstekens: a: "\'b c"'
            ],
        ),
        (
            "a: b #c\n",
            [
                "x.yml:1: veld 'a': na ' #' leest YAML de rest als commentaar, dus staat er nu "
                "alleen 'b'; zet de tekst tussen aanhalingstekens: a: \"b #c\""
            ],
        ),
        ("a: b # c\nd: e#f\n", []),
    ],
)
def test_the_source_text_names_the_cause_with_both_parsers(text, expected):
    assert messages(text) == expected


def test_a_tab_between_words_is_read_as_a_space_by_both_parsers():
    document, _ = parse_yaml("titel:\tZwemmen\nb: [1,\t2]\n", "x.yml")
    assert document.data == {"titel": "Zwemmen", "b": [1, 2]}

import codecs
import os

from conftest import TODAY, write
from sportwijzer.check.load import discover, read_front_matter_file, read_text, read_yaml_file
from sportwijzer.site import load_site


def lines(problems):
    return [p.format() for p in problems]


def test_reads_utf8_with_or_without_bom(tmp_path):
    write(tmp_path, "a.yml", codecs.BOM_UTF8 + "naam: Súdwest-Fryslân\n".encode())
    write(tmp_path, "b.yml", "naam: Súdwest-Fryslân\n")
    for name in ("a.yml", "b.yml"):
        document, problems = read_yaml_file(tmp_path, name)
        assert problems == []
        assert document.data == {"naam": "Súdwest-Fryslân"}


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    write(tmp_path, "offers/a.yml", "titel: ok\nplaats: Sn\xe9ek\n".encode("latin-1"))
    text, problems = read_text(tmp_path, "offers/a.yml")
    assert text is None
    assert lines(problems) == [
        "offers/a.yml:2: bestand is geen UTF-8-tekst (deze regel heeft een teken dat niet klopt); "
        "sla het op met de codering UTF-8"
    ]


def test_symlinks_are_refused_as_files_and_as_folders(tmp_path):
    outside = write(tmp_path, "geheim.yml", "titel: geheim\n")
    write(tmp_path, "offers/echt.yml", "titel: x\n")
    os.symlink(outside, tmp_path / "offers" / "link.yml")
    found, problems = discover(tmp_path, "offers", (".yml",))
    assert found == ["offers/echt.yml"]
    assert lines(problems) == [
        "offers/link.yml: is een snelkoppeling (symlink) en wordt niet gelezen; zet het bestand "
        "zelf in de map"
    ]
    os.symlink(tmp_path / "offers", tmp_path / "partners")
    found, problems = discover(tmp_path, "partners", (".md",))
    assert found == []
    assert [p.path for p in problems] == ["partners/"]


def test_templates_hidden_files_are_skipped_and_the_rest_is_sorted(tmp_path):
    for name in ("b.yml", "a.yaml", "_voorbeeld.yml", ".verborgen.yml"):
        write(tmp_path, f"offers/{name}", "x: 1\n")
    found, problems = discover(tmp_path, "offers", (".yml", ".yaml"))
    assert found == ["offers/a.yaml", "offers/b.yml"]
    assert problems == []


def test_names_must_be_slugs_and_unique(tmp_path):
    for name in ("Hoofdletters En Spaties.yml", "zwemmen.yml", "zwemmen.yaml", "oud.txt"):
        write(tmp_path, f"offers/{name}", "x: 1\n")
    (tmp_path / "offers" / "archief").mkdir()
    found, problems = discover(tmp_path, "offers", (".yml", ".yaml"))
    assert found == [
        "offers/Hoofdletters En Spaties.yml",
        "offers/zwemmen.yaml",
        "offers/zwemmen.yml",
    ]
    assert lines(problems) == [
        "offers/archief/: mappen in offers/ worden niet gelezen; zet de bestanden direct in "
        "offers/",
        "offers/oud.txt: alleen bestanden die eindigen op .yml of .yaml worden gelezen; "
        "hernoem het bestand, of zet een _ voor de naam als het geen gegevens zijn",
        "offers/Hoofdletters En Spaties.yml: bestandsnaam mag alleen kleine letters, cijfers en "
        "streepjes bevatten, zoals 'hoofdletters-en-spaties.yml'",
        "offers/zwemmen.yml: heeft dezelfde naam als offers/zwemmen.yaml; elke naam mag maar één "
        "keer voorkomen",
    ]


def test_missing_folder_is_no_problem(tmp_path):
    assert discover(tmp_path, "offers", (".yml",)) == ([], [])


def test_front_matter_fields_body_and_lines(tmp_path):
    write(
        tmp_path,
        "partners/club.md",
        "---\nnaam: Club\nsoort: sportaanbieder\n---\n\nOver **ons**.\n",
    )
    source, problems = read_front_matter_file(tmp_path, "partners/club.md")
    assert problems == []
    assert source.slug == "club"
    assert source.document.data == {"naam": "Club", "soort": "sportaanbieder"}
    assert source.document.line(("soort",)) == 3
    assert source.body == "Over **ons**.\n"


def test_markdown_without_front_matter_is_refused(tmp_path):
    """The file is still there, unread (document None): offers that name it get no line."""
    write(tmp_path, "partners/a.md", "Geen velden hier.\n")
    write(tmp_path, "partners/b.md", "---\nGeen velden hier.\n")
    for name in ("a", "b"):
        source, problems = read_front_matter_file(tmp_path, f"partners/{name}.md")
        assert (source.slug, source.document) == (name, None)
        assert lines(problems) == [
            f"partners/{name}.md:1: het bestand begint niet met de velden: zet bovenaan een regel "
            "---, dan naam en soort, zoals 'naam: Zwemclub De Vliet' en 'soort: sportaanbieder', "
            "en dan weer een regel ---"
        ]


def test_fields_without_their_closing_line_say_where_it_goes(tmp_path):
    write(tmp_path, "partners/b.md", "---\nnaam: Club\n")
    source, problems = read_front_matter_file(tmp_path, "partners/b.md")
    assert (source.slug, source.document) == ("b", None)
    assert lines(problems) == [
        "partners/b.md:2: de velden bovenaan worden niet afgesloten; zet onder regel 2 (het "
        "laatste veld) een regel ---"
    ]


def test_a_content_page_whose_front_matter_does_not_parse_stops_the_build(region):
    """MkDocs would publish it with its front matter as text, and say nothing."""
    write(region, "content/privacy.md", "---\ntitle: Privacy\ndescription: Kort: niets.\n---\n")
    write(region, "content/hulp/goed.md", '---\ntitle: Goed\ndescription: "Kort: ja."\n---\n')
    write(region, "content/zonder.md", "# Geen velden\n\nGewone tekst: mag.\n")
    result = load_site(region, today=TODAY)
    assert [p.format() for p in result.problems if p.is_error] == [
        "content/privacy.md:3: in de tekst staat een dubbele punt met een spatie erna, en YAML "
        "leest dat als een nieuw veld; zet de tekst tussen aanhalingstekens: "
        'description: "Kort: niets."'
    ]
    assert result.site is None


def test_every_content_page_of_the_repository_has_front_matter_that_parses(demo):
    assert not [p for p in demo.problems if p.path.startswith("content/")]

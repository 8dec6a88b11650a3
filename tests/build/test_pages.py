"""The assembled model and the generated pages, read straight from the core."""

import yaml

from conftest import TODAY
from sportwijzer.build.pages import all_pages
from sportwijzer.site import load_site


def site_of(region):
    result = load_site(region, today=TODAY)
    assert result.ok, result.problems
    return result.site


def test_offer_values_are_ready_to_show(region):
    offer = site_of(region).aanbod["g-judo-zwolle"]
    assert offer.sport.naam == "Judo"
    assert [b.naam for b in offer.beperkingen] == ["Verstandelijke beperking", "Autisme"]
    assert offer.locatie.postcode == "8011 AB"
    assert offer.locatie.gemeente.slug == "zwolle"
    assert offer.kosten.tekst == "€ 25 per maand"
    assert offer.proefles.tekst == "Gratis proefles"
    assert offer.gecontroleerd_tekst == "1 oktober 2026"
    assert not offer.verouderd
    assert offer.url == "aanbod/g-judo-zwolle/"
    assert offer.fields["laatst_gecontroleerd"] == "2026-10-01"
    assert offer.aanbieder.naam == "Judoclub De Mat"


def test_free_and_stale_and_stopped(region):
    site = site_of(region)
    wandelen = site.aanbod["wandelen-kampen"]
    assert wandelen.kosten.gratis and wandelen.kosten.tekst == "Gratis"
    assert wandelen.verouderd
    assert not site.aanbod["zwemmen-gestopt"].is_published
    assert [a.slug for a in site.gepubliceerd] == [
        "g-judo-zwolle",
        "wandelen-kampen",
        "zitvolleybal-wachtlijst",
    ]


def test_partners_know_their_published_offers(region):
    site = site_of(region)
    assert [a.slug for a in site.partners["judoclub-de-mat"].aanbod] == ["g-judo-zwolle"]
    assert site.partners["welzijn-kampen"].gemeente is None


def test_region_and_desk(region):
    regio = site_of(region).regio
    assert regio.naam == "Regio Testvallei"
    assert [g.slug for g in regio.gemeenten] == ["zwolle", "kampen", "olst-wijhe"]
    assert regio.loket.telefoon_link == "tel:+31381112233"
    assert regio.licentie == "CC BY 4.0"
    assert not regio.voorbeeld


def test_generated_pages_name_their_template_source_and_search(region):
    pages = {p.src_uri: p for p in all_pages(site_of(region))}
    assert sorted(p for p in pages if p.startswith(("aanbod/", "partners/"))) == [
        "aanbod/g-judo-zwolle.md",
        "aanbod/index.md",
        "aanbod/wandelen-kampen.md",
        "aanbod/zitvolleybal-wachtlijst.md",
        "aanbod/zwemmen-gestopt.md",
        "partners/index.md",
        "partners/judoclub-de-mat.md",
        "partners/welzijn-kampen.md",
    ]
    assert pages["aanbod/zwemmen-gestopt.md"].template == "aanbod-gestopt.html"  # keeps its link
    judo = pages["aanbod/g-judo-zwolle.md"]
    assert judo.edit_uri == "../offers/g-judo-zwolle.yml"
    assert judo.context["aanbod"].titel == "G-judo bij De Mat"
    front = yaml.safe_load(judo.markdown().split("---")[1])
    assert front == {
        "title": "G-judo bij De Mat",
        "template": "aanbod.html",
        "description": "Judo in een vaste groep met twee trainers die ervaring hebben.",
        "search": {"exclude": True},
    }
    assert pages["aanbod/index.md"].in_nav and pages["aanbod/index.md"].edit_uri is None


def test_pages_outside_the_navigation_share_a_sidebar_per_folder(region):
    pages = {p.src_uri: p for p in all_pages(site_of(region))}
    offers = [p for uri, p in pages.items() if uri.startswith("aanbod/") and uri.count("/") == 1]
    offers = [p for p in offers if p.template == "aanbod.html"]
    slots = {p.template_context()["sw_nav"].key for p in offers}
    assert slots == {"nav:aanbod"}
    assert len({id(p.cache) for p in pages.values()}) == 1  # one cache for the whole build
    assert "sw_nav" not in pages["aanbod/index.md"].template_context()  # in the navigation
    first, second = (p.template_context()["sw_nav"] for p in offers[:2])
    assert first.html() is None
    assert first.keep("<nav>zij</nav>") == "<nav>zij</nav>" and second.html() == "<nav>zij</nav>"
    partner = next(p for uri, p in pages.items() if p.template == "partner.html")
    assert partner.template_context()["sw_nav"].html() is None  # another folder, its own sidebar


def test_a_header_is_kept_around_its_title_only_when_the_title_shows_once():
    from sportwijzer.build.blockcache import BlockCache

    slot = BlockCache().slot("header:aanbod")
    assert slot.around("Judo") is None
    html = "<header><b>Site</b><span>Judo</span></header>"
    assert slot.keep_around(html, "Judo") == html
    assert slot.around("Zwemmen") == "<header><b>Site</b><span>Zwemmen</span></header>"
    other = BlockCache().slot("header:aanbod")
    other.keep_around("<header>Site Site</header>", "Site")  # twice: not kept
    assert other.around("x") is None


def test_pages_share_cached_parts_only_with_pages_in_the_same_folder():
    from sportwijzer.build.blockcache import folder_key

    assert folder_key("aanbod/judo.md") == folder_key("aanbod/zwemmen.md") == "aanbod"
    assert folder_key("aanbod/pagina/2/index.md") == "aanbod/pagina"
    assert folder_key("aanbod/index.md") == folder_key("privacy.md") == ""
    assert folder_key("index.md") not in {folder_key("privacy.md"), folder_key("aanbod/x.md")}

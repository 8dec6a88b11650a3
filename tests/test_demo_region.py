"""The demo region shipped in the repository: valid, and rich enough to show every feature."""

from collections import Counter

from sportwijzer.base.vocabulary import SOORT
from sportwijzer.check.vocabulary_load import BEPERKINGEN


def test_demo_has_the_promised_size_and_coverage(demo):
    site = demo.site
    assert len(site.partners) >= 15
    assert {p.soort.slug for p in site.partners.values()} == set(SOORT)
    assert len(site.aanbod) >= 80
    impairments = Counter(b.slug for a in site.aanbod.values() for b in a.beperkingen)
    assert set(impairments) == set(BEPERKINGEN)
    assert len({a.sport.slug for a in site.aanbod.values()}) >= 20
    municipalities = {a.locatie.gemeente.naam for a in site.aanbod.values()}
    assert municipalities == {g.naam for g in site.regio.gemeenten}


def test_demo_has_stale_and_stopped_offers_and_says_it_is_sample_data(demo):
    site = demo.site
    stale = [a for a in site.aanbod.values() if a.verouderd]
    assert 2 <= len(stale) <= 10
    assert len([p for p in demo.problems if not p.is_error]) == len(stale)
    assert [a.status.slug for a in site.aanbod.values()].count("gestopt") == 1
    assert site.regio.voorbeeld is True
    emails = [a.contact.email for a in site.aanbod.values() if a.contact.email]
    assert all(email.endswith("@example.org") for email in emails)


def test_demo_site_builds_strict(demo_build):
    assert "WARNING" not in demo_build.log
    html = demo_build.page("")
    assert "Dit is een voorbeeld." in html
    assert "Regio IJssel-Vecht" in html

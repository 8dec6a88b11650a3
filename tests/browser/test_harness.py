"""The harness itself: the server answers like GitHub Pages, the guard catches, axe finds."""

from __future__ import annotations

from urllib.parse import urljoin

from .harness import Guard, axe_violations, fetch, format_violations, origin

TRACKER = "https://tracker.invalid"  # a reserved name: even a leak could not reach anyone


def test_the_server_serves_the_site_only_below_its_sub_path(server, built_site):
    root = origin(server)
    not_found_page = (built_site / "404.html").read_bytes()

    assert fetch(server).status == 200
    for outside in ("/", "/index.html", "/aanbod/"):
        answer = fetch(root + outside)
        assert answer.status == 404, outside
        assert answer.body != not_found_page, outside
    unknown = fetch(urljoin(server, "bestaat-niet/"))
    assert (unknown.status, unknown.body) == (404, not_found_page)
    assert fetch(urljoin(server, "assets/")).status == 404  # no directory listings
    assert fetch(urljoin(server, "aanbod")).status == 301  # to aanbod/, not followed


def test_the_guard_aborts_and_reports_everything_off_the_origin(browser, server):
    guard = Guard(base_url=server)
    # bypass_csp: the site's own policy would stop these requests first; here the guard is tested
    context = browser.new_context(service_workers="block", bypass_csp=True)
    try:
        guard.watch(context)
        page = context.new_page()
        page.goto(server, wait_until="networkidle")
        # The error thrown from a timer comes after the evaluation: wait for it, as the guard
        # sees it (its own listener on the context runs first).
        with context.expect_event("weberror"):
            outcome = page.evaluate(
                """async tracker => {
                    const img = document.createElement('img');
                    img.src = tracker + '/pixel.gif';
                    const loaded = new Promise(done => { img.onerror = img.onload = done; });
                    document.body.append(img);
                    await loaded;
                    console.error('boom');
                    setTimeout(() => { throw new Error('kapot'); });
                    try {
                        await fetch(tracker + '/collect');
                        return 'sent';
                    } catch {
                        return 'blocked';
                    }
                }""",
                TRACKER,
            )
    finally:
        context.close()

    assert outcome == "blocked"
    assert guard.third_party == [
        f"GET {TRACKER}/pixel.gif (image)",
        f"GET {TRACKER}/collect (fetch)",
    ]
    assert len(guard.console_errors) == 1 and guard.console_errors[0].startswith("boom")
    assert any("kapot" in error for error in guard.page_errors), guard.page_errors
    assert len(guard.problems()) == 3


def test_axe_finds_and_describes_violations_of_wcag_and_of_best_practice(page):
    page.set_content('<html lang="nl"><title>t</title><main><img src="data:,"></main></html>')
    violations = axe_violations(page)
    assert sorted(v["id"] for v in violations) == ["image-alt", "page-has-heading-one"]
    report = format_violations(violations)
    assert "- image-alt (critical): Images must have alternative text" in report
    assert "    at img" in report

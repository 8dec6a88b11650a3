"""Sportwijzer's core: the region's data in, checked, and the site's pages and files out.

It never imports MkDocs; `hooks/sportwijzer_hook.py` is the thin shim that calls it.

Layers, lowest first. A module imports only from its own layer or a lower one
(tests/test_layers.py reads this map and checks every module, sub-packages included):

0 base: problems, slugs, dates, geo, telefoon, dutch, finder_rules, query_reading, agenda_rules,
  zelftest, desk, agenda, valuehints, jsontext, markdown_safe, textrules, suppression,
  telling_layout, plain_language, markdown_contract, git_state, graph_digest, reuse, gc_pause
1 read and check: yamlsource, yamlread, load, schema, vocabulary, vocabulary_load, validate,
  place_agreement, event_rules, demand_rules, demand_register, telling_rules, invulhulp, stray,
  symlinks, example_values, markup_rules, datakinds, prose, link_rules
2 model: toolkit, model, volunteers, assemble, toolkit_load, site
3 derive: filters, nearby, search, query_lexicon, page_text, finder_pages, finder_data, finder,
  jsonld, export, calendar_ics, analysis, demand_analysis, demand_telling, agenda_pages,
  desk_page, blockcache, redirects, pages, csp, front_matter, vendor, outputs, preview
4 tools: freshness, issueform, asking, nieuw, nieuw_evenement, nieuw_partner, cli, __main__

Rules that the browser needs too have one Python module here (finder_rules, query_reading,
agenda_rules, desk, zelftest) and one JavaScript module in content/javascripts/, tested against
each other. The tests' Python twins of what the browser computes from the built files (the
finder's select and the text search) are not here: they live in tests/finder_oracle.py.
"""

"""Sportwijzer's core: the region's data in, checked, and the site's pages and files out. It
never imports MkDocs (hooks/sportwijzer_hook.py is the thin shim that calls it). Its folders are
floors, lowest first: twins/, base/, then check/ beside model/, finder/, build/, and tools/;
site.py is the front door that reads, checks and assembles a region. A module imports its own
folder and the floors below it, nothing higher, and check/ and model/ never import each other
(tests/test_layers.py)."""

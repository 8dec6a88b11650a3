"""The finder and the site's search: which offers match, what is nearby, the files and static
pages of aanbod/, and the search index."""

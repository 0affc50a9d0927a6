"""Corpus builds: many documents and line dumps, in parallel, cached per document, robust to bad inputs.

sources: what the documents are (files, .html pages, .jsonl/.tsv records); html: main
text of a saved page; cache: per-document results keyed by content; parallel: the
worker pool; progress: the terminal bar; report: build-report.json.
"""

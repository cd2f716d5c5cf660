"""Presentation without a request: labels, local times, the message catalogue, field metadata
and the Jinja environment.

The web pages, the terminal, and (later) the clinician report and calendar all read their
words and formats from here, so one fact is worded one way wherever a person meets it.
Nothing here opens a database or reads a request; modules import only the standard library
and the domain's vocabularies (Jinja only inside :mod:`acumat.present.jinja`).
"""

"""Files other programs (and other acumat databases) can read: one module per format.

``json_io`` and ``csv_io`` write a whole diary and read it back losslessly; ``records``
holds the entry shape both share; ``formats`` is the registry naming each format once (its
name, suffix, media type, writer, reader and whether it round-trips). Pure text in, text
out: no database, no files.
"""

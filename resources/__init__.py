"""The app's shipped data as package data: translations (``translations/*_ja.qm``, compiled from
the ``.ts`` sources beside them) and trained models (``models/``). Read them through
``core.paths.resource_path``, never by a path relative to a source file."""

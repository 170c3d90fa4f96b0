"""Getting started: a new architecture repository, new entity files, schemas for editors.

- :mod:`eacheck.scaffold.editor_schemas` builds the JSON Schemas editors use for completion,
  hover help and inline errors, in Swedish or English (``eacheck schema``);
- :mod:`eacheck.scaffold.starter_repository` writes a ready-to-use repository (``eacheck init``);
- :mod:`eacheck.scaffold.new_entity` writes one new entity file (``eacheck new``).

Nothing here ever overwrites a file an architect wrote.
"""

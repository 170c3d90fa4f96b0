"""`eacheck import`: the inventory a group already has, from a spreadsheet or an ArchiMate model.

The steps, each its own module:

- :mod:`~eacheck.importing.mapping`: the mapping file, checked, with its lines;
- :mod:`~eacheck.importing.sheets`: workbooks and CSV files read safely, row by row;
- :mod:`~eacheck.importing.rows` (spreadsheets) and :mod:`~eacheck.importing.archimate`
  (ArchiMate exchange files): rows or elements to candidate entities;
- :mod:`~eacheck.importing.plan`: the candidates checked by eacheck's own loader against the
  repository as it would be, and what would be created and changed;
- :mod:`~eacheck.importing.layout`, :mod:`~eacheck.loading.yaml_writing` and
  :mod:`~eacheck.importing.update`: where new files go, how they are written, and the in-place
  edit of existing ones;
- :mod:`~eacheck.importing.writing`: all of it written, or none of it.

All or nothing (SPEC §7): a plan with any problem is never written.
"""

from __future__ import annotations

from pathlib import Path

from eacheck.importing.plan import ImportPlan, plan
from eacheck.importing.problems import Problem, Where


def spreadsheet(source, table_file: Path, mapping_file: Path, progress=None) -> ImportPlan:
    """The plan for importing ``table_file`` (.xlsx or .csv) through ``mapping_file`` into the
    repository ``source``."""
    from eacheck.importing import mapping, rows

    label = table_file.name
    mapping_label = mapping_file.as_posix()

    def read(names: rows.Names):
        spec, problems = mapping.read(mapping_file, mapping_label)
        if spec is None:
            return [], problems
        # The sheets and columns are checked even when the mapping has problems, so that
        # one run reports both; rows are read only when neither has any.
        tables, found = rows.read_tables(spec, table_file, label, progress)
        problems += found
        if problems:
            return [], problems
        return rows.candidates(tables, names), problems

    return plan(source, read, label, progress)


def archimate_model(source, model_file: Path, language: str, progress=None) -> ImportPlan:
    """The plan for importing an ArchiMate 3.1 exchange file into the repository ``source``."""
    from eacheck.importing import archimate

    result_notes = []

    def read(names):
        candidates, problems, notes = archimate.read(model_file, model_file.name, language)
        result_notes.extend(notes)
        return candidates, problems

    result = plan(source, read, model_file.name, progress)
    result.notes += result_notes
    return result


__all__ = ["ImportPlan", "Problem", "Where", "archimate_model", "spreadsheet"]

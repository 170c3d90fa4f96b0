"""The floor: parse every YAML file of a repository with PyYAML's CSafeLoader, in one process.

    python benchmarks/floor.py REPOSITORY

Nothing eacheck does can avoid reading the files, so every eacheck figure is given as a
ratio to this.
"""

import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1])
documents = 0
for folder in ("architecture", "principles"):
    for path in sorted((root / folder).rglob("*.y*ml")):
        for _ in yaml.load_all(path.read_bytes(), Loader=yaml.CSafeLoader):
            documents += 1
print(documents)

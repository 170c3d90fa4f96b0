from eacheck.cli import run

run()

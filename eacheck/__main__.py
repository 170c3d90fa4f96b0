from eacheck.cli import main

main()

"""eacheck: keeps the application landscape of a municipal group honest."""

__version__ = "0.1.0"

"""Figures computed from a landscape: what the quarterly report and other views are built on."""

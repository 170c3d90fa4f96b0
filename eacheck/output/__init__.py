"""Output: how findings and reports are written for people and for other tools."""

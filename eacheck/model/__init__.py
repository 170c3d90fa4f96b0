"""The architecture model: entities, the landscape, JSON Schemas, references."""

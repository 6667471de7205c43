"""Flows: the only layer that calls several stages (review sync, action sync, minutes, demo)."""

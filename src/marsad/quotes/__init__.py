"""Reported speech: who said what (quotes with speakers, cues and outlets)."""

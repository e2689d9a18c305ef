"""Collecting what students hand in: submitted folders and LMS archives, read as untrusted files."""

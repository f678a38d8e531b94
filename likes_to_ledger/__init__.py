"""Tooling for the Likes to Ledger course: the `course` command and its helpers."""

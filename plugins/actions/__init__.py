"""Placeholder until the actions plugin lands (owned by its issue)."""


def register() -> None:
    """Connect nothing yet."""

"""Placeholder until the charts plugin lands (owned by its issue)."""


def register() -> None:
    """Connect nothing yet."""

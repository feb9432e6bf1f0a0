"""Placeholder until the outcomes plugin lands (owned by its issue)."""


def register() -> None:
    """Connect nothing yet."""

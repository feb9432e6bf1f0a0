"""Placeholder until the legislators plugin lands (owned by its issue)."""


def register() -> None:
    """Connect nothing yet."""

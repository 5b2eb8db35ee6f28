"""The base of every error a service raises with a message meant for the user."""


class DomainError(Exception):
    """A refused action; ``message`` is already translated for the person who asked."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

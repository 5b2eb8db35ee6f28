"""What every part's forms share."""

from collections.abc import Mapping

from django import forms

from staffroom.core.errors import DomainError


def add_domain_error(
    form: forms.Form, error: DomainError, aliases: Mapping[str, str] | None = None
) -> None:
    """Show a service's refusal beside the field it names, or above the form when the form
    has no such field (a service may name a field only some of its forms show).

    ``aliases`` maps a service's field name to the form field that stands for it (the
    service's ``starts_at`` is the form's ``date``)."""
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)

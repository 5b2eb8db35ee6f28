"""``add_domain_error``: a service's refusal lands beside the field it names, or above
the form when the form has no such field."""

from django import forms

from staffroom.core.errors import DomainError
from staffroom.core.forms import add_domain_error


class DateForm(forms.Form):
    date = forms.DateField()
    note = forms.CharField(required=False)


def bound() -> DateForm:
    form = DateForm({"date": "2026-12-03", "note": "Bring the slides"})
    assert form.is_valid()
    return form


def test_add_domain_error_puts_the_message_beside_the_named_field():
    form = bound()
    add_domain_error(form, DomainError("Too long.", field="note"))
    assert form.errors == {"note": ["Too long."]}
    assert form.data["note"] == "Bring the slides"


def test_add_domain_error_puts_a_message_for_an_unknown_field_above_the_form():
    form = bound()
    add_domain_error(form, DomainError("Not on this form.", field="starts_at"))
    assert form.non_field_errors() == ["Not on this form."]
    assert set(form.errors) == {"__all__"}


def test_add_domain_error_puts_a_message_without_a_field_above_the_form():
    form = bound()
    add_domain_error(form, DomainError("Refused."))
    assert form.non_field_errors() == ["Refused."]


def test_add_domain_error_follows_an_alias_to_the_form_field():
    form = bound()
    add_domain_error(form, DomainError("In the past.", field="starts_at"), {"starts_at": "date"})
    assert form.errors == {"date": ["In the past."]}


def test_add_domain_error_puts_an_alias_to_a_missing_field_above_the_form():
    form = bound()
    add_domain_error(form, DomainError("Bad rule.", field="rrule"), {"rrule": "recurrence"})
    assert form.non_field_errors() == ["Bad rule."]

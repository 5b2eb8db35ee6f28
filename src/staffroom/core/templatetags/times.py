"""``{{ moment|when }}``, ``{{ moment|when:"l j F Y" }}`` and
``{% when_span start end %}``: see ``core.times``. Use them (or ``|time``) rather than a
hard-coded clock such as ``g:i A``, which shows a Spanish reader an English 12-hour time."""

from django import template

from staffroom.core import times

register = template.Library()


@register.filter(expects_localtime=True)
def when(value, date_format: str = "D j M Y") -> str:
    return times.when(value, date_format) if value else ""


@register.simple_tag
def when_span(start, end, date_format: str = "l j F Y") -> str:
    return times.when_span(start, end, date_format)

from django import template

from staffroom.core.navigation import nav_links

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav_links(context) -> list[tuple[str, str, int]]:
    return nav_links(context["user"])

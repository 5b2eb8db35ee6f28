"""Writes about people: profiles, schools, preferences."""

from django.db import transaction

from staffroom.accounts.models import (
    GRADE_BANDS,
    SUBJECTS,
    GradeBand,
    Profile,
    School,
    Subject,
    User,
)
from staffroom.core.markdown import render_markdown


def profile_ensure(*, user: User) -> Profile:
    """Every user has exactly one profile; create it if a path (admin, shell) skipped it."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def school_find_or_create(*, name: str, district: str, state: str, locale: str) -> School:
    """Reuse the school another colleague already described, matching names without case."""
    school = School.objects.filter(
        name__iexact=name.strip(), district__iexact=district.strip(), state=state
    ).first()
    if school is None:
        school = School.objects.create(
            name=name.strip(), district=district.strip(), state=state, locale=locale
        )
    return school


@transaction.atomic
def profile_update(
    *,
    actor: User,
    display_name: str,
    pronouns: str,
    role: str,
    subjects: list[Subject],
    grade_bands: list[GradeBand],
    years_in_profession: int | None,
    languages: str,
    bio: str,
    time_zone: str,
    language: str,
    school: dict | None,
) -> Profile:
    """Save what ``actor`` says about themselves; ``school`` is ``None`` to clear it."""
    actor.display_name = display_name.strip()
    actor.time_zone = time_zone
    actor.language = language
    actor.save(update_fields=["display_name", "time_zone", "language"])
    profile = profile_ensure(user=actor)
    profile.pronouns = pronouns.strip()
    profile.role = role
    profile.years_in_profession = years_in_profession
    profile.languages = languages.strip()
    profile.bio = bio
    profile.bio_html = render_markdown(bio)
    profile.school = school_find_or_create(**school) if school else None
    profile.save()
    profile.subjects.set(subjects)
    profile.grade_bands.set(grade_bands)
    return profile


def user_set_language(*, actor: User, language: str) -> None:
    actor.language = language
    actor.save(update_fields=["language"])


def vocabulary_ensure() -> None:
    """Make sure the fixed lists of subjects and grade bands are in the database. A
    migration loads them; this puts back any that are missing (a test database that
    was emptied between tests, a table cleared by hand)."""
    for model, entries in ((Subject, SUBJECTS), (GradeBand, GRADE_BANDS)):
        present = set(model.objects.values_list("code", flat=True))
        missing = [
            model(code=code, position=position)
            for position, (code, _label) in enumerate(entries)
            if code not in present
        ]
        if missing:
            model.objects.bulk_create(missing)

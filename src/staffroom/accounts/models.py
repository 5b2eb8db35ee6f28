"""People: the user (keyed by email), their profile, and their school."""

import secrets
import string
import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

_PUBLIC_ID_ALPHABET = string.ascii_letters + string.digits


def new_public_id() -> str:
    """An opaque id of 12 letters and digits (71 bits): URLs never carry sequential
    keys (DESIGN rule 1). No "-" or "_", so an id is never read as a command-line
    option (``staffroom import-attendance -x1...``) and always selects cleanly."""
    return "".join(secrets.choice(_PUBLIC_ID_ALPHABET) for _ in range(12))


@cache
def known_time_zones() -> frozenset[str]:
    # Listing the zones reads the disk; they do not change while the process runs.
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("“%(zone)s” is not a time zone we know."), params={"zone": value})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an email address. ``display_name`` is how others see them;
    a deleted account keeps its row, renamed, so posts stay attributed to "former member"."""

    email = models.EmailField(_("email"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True,
        help_text=_("Leave empty to follow your browser."),
    )  # fmt: skip
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), auto_now_add=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name

    def get_full_name(self):
        return self.display_name


class Locale(models.TextChoices):
    """The four NCES locale categories."""

    CITY = "city", _("City")
    SUBURB = "suburb", _("Suburb")
    TOWN = "town", _("Town")
    RURAL = "rural", _("Rural")


class State(models.TextChoices):
    AL = "AL", "Alabama"
    AK = "AK", "Alaska"
    AZ = "AZ", "Arizona"
    AR = "AR", "Arkansas"
    CA = "CA", "California"
    CO = "CO", "Colorado"
    CT = "CT", "Connecticut"
    DE = "DE", "Delaware"
    DC = "DC", "District of Columbia"
    FL = "FL", "Florida"
    GA = "GA", "Georgia"
    HI = "HI", "Hawaii"
    ID = "ID", "Idaho"
    IL = "IL", "Illinois"
    IN = "IN", "Indiana"
    IA = "IA", "Iowa"
    KS = "KS", "Kansas"
    KY = "KY", "Kentucky"
    LA = "LA", "Louisiana"
    ME = "ME", "Maine"
    MD = "MD", "Maryland"
    MA = "MA", "Massachusetts"
    MI = "MI", "Michigan"
    MN = "MN", "Minnesota"
    MS = "MS", "Mississippi"
    MO = "MO", "Missouri"
    MT = "MT", "Montana"
    NE = "NE", "Nebraska"
    NV = "NV", "Nevada"
    NH = "NH", "New Hampshire"
    NJ = "NJ", "New Jersey"
    NM = "NM", "New Mexico"
    NY = "NY", "New York"
    NC = "NC", "North Carolina"
    ND = "ND", "North Dakota"
    OH = "OH", "Ohio"
    OK = "OK", "Oklahoma"
    OR = "OR", "Oregon"
    PA = "PA", "Pennsylvania"
    PR = "PR", "Puerto Rico"
    RI = "RI", "Rhode Island"
    SC = "SC", "South Carolina"
    SD = "SD", "South Dakota"
    TN = "TN", "Tennessee"
    TX = "TX", "Texas"
    UT = "UT", "Utah"
    VT = "VT", "Vermont"
    VA = "VA", "Virginia"
    WA = "WA", "Washington"
    WV = "WV", "West Virginia"
    WI = "WI", "Wisconsin"
    WY = "WY", "Wyoming"


class School(models.Model):
    """A school as its staff describe it; the same name may exist in different districts."""

    name = models.CharField(_("school name"), max_length=120)
    district = models.CharField(_("district"), max_length=120, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=State.choices)
    locale = models.CharField(_("locale"), max_length=8, choices=Locale.choices)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "district", "state"], name="school_unique_in_district"
            )
        ]

    def __str__(self):
        return self.name


SUBJECTS = [
    ("early-childhood", _("Early childhood")),
    ("elementary", _("Elementary (all subjects)")),
    ("ela", _("English language arts")),
    ("math", _("Mathematics")),
    ("science", _("Science")),
    ("biology", _("Biology")),
    ("chemistry", _("Chemistry")),
    ("physics", _("Physics")),
    ("earth-science", _("Earth and space science")),
    ("social-studies", _("Social studies")),
    ("world-languages", _("World languages")),
    ("esl", _("English as a second language")),
    ("arts", _("Arts and music")),
    ("pe-health", _("Physical education and health")),
    ("cte", _("Career and technical education")),
    ("computer-science", _("Computer science")),
    ("special-education", _("Special education")),
    ("counseling", _("Counseling and student support")),
    ("library", _("Library and media")),
]

GRADE_BANDS = [
    ("prek", _("Pre-K")),
    ("k-2", _("K–2")),
    ("3-5", _("Grades 3–5")),
    ("6-8", _("Grades 6–8")),
    ("9-12", _("Grades 9–12")),
    ("adult", _("Adult and post-secondary")),
]


class Subject(models.Model):
    """A subject people teach. The rows mirror ``SUBJECTS`` (loaded by a migration) so
    that filters and "people who teach what I teach" can join on them."""

    code = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return str(dict(SUBJECTS).get(self.code, self.code))


class GradeBand(models.Model):
    """A band of grades; the rows mirror ``GRADE_BANDS``."""

    code = models.SlugField(unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return str(dict(GRADE_BANDS).get(self.code, self.code))


class ProfessionalRole(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    COUNSELOR = "counselor", _("School counselor")
    SPECIAL_EDUCATOR = "special_educator", _("Special educator")
    NURSE = "nurse", _("School nurse")
    PARAPROFESSIONAL = "paraprofessional", _("Paraprofessional")
    SCHOOL_LEADER = "school_leader", _("Principal or school leader")
    DISTRICT_LEADER = "district_leader", _("District leader")
    OTHER = "other", pgettext_lazy("professional role", "Other")


BIO_MAX_LENGTH = 1000


class Profile(models.Model):
    """What a person tells their colleagues about their work. One per user."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    pronouns = models.CharField(_("pronouns"), max_length=30, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=ProfessionalRole.choices, default=ProfessionalRole.TEACHER
    )
    subjects = models.ManyToManyField(Subject, blank=True, verbose_name=_("subjects taught"))
    grade_bands = models.ManyToManyField(GradeBand, blank=True, verbose_name=_("grade bands"))
    years_in_profession = models.PositiveSmallIntegerField(
        _("years in the profession"), null=True, blank=True
    )
    languages = models.CharField(
        _("languages"), max_length=120, blank=True, help_text=_("For example: English, Spanish")
    )
    bio = models.TextField(_("short bio"), max_length=BIO_MAX_LENGTH, blank=True)
    bio_html = models.TextField(editable=False, blank=True)
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.SET_NULL, related_name="profiles"
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years_in_profession__lte=70), name="profile_years_plausible"
            )
        ]

    def __str__(self):
        return str(self.user)

from django.db import migrations

SUBJECT_CODES = [
    "early-childhood", "elementary", "ela", "math", "science", "biology", "chemistry",
    "physics", "earth-science", "social-studies", "world-languages", "esl", "arts",
    "pe-health", "cte", "computer-science", "special-education", "counseling", "library",
]  # fmt: skip
GRADE_BAND_CODES = ["prek", "k-2", "3-5", "6-8", "9-12", "adult"]


def load(apps, schema_editor):
    Subject = apps.get_model("accounts", "Subject")
    GradeBand = apps.get_model("accounts", "GradeBand")
    for position, code in enumerate(SUBJECT_CODES):
        Subject.objects.update_or_create(code=code, defaults={"position": position})
    for position, code in enumerate(GRADE_BAND_CODES):
        GradeBand.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

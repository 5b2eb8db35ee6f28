"""Materials get an opaque public id, so their URLs carry no sequential key."""

from django.db import migrations, models

import staffroom.accounts.models


def fill_public_ids(apps, schema_editor):
    Material = apps.get_model("meetings", "Material")
    for material in Material.objects.filter(public_id="").only("pk").iterator():
        material.public_id = staffroom.accounts.models.new_public_id()
        material.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="material",
            name="public_id",
            field=models.CharField(default="", editable=False, max_length=16),
            preserve_default=False,
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="material",
            name="public_id",
            field=models.CharField(
                default=staffroom.accounts.models.new_public_id,
                editable=False,
                max_length=16,
                unique=True,
            ),
        ),
    ]

"""Attendance changes name their session and person, so the audit outlives the record
(marking someone absent deletes their attendance); guests without an email may be
recorded (only guests' emails are unique in a session)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_session_and_person(apps, schema_editor):
    AttendanceChange = apps.get_model("meetings", "AttendanceChange")
    for change in AttendanceChange.objects.select_related("attendance").iterator():
        change.session_id = change.attendance.session_id
        change.user_id = change.attendance.user_id
        change.guest_name = change.attendance.guest_name
        change.save(update_fields=["session", "user", "guest_name"])


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0003_registration'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='attendancechange',
            options={'ordering': ['-at', '-pk']},
        ),
        migrations.RemoveConstraint(
            model_name='attendance',
            name='attendance_one_per_guest',
        ),
        migrations.AddField(
            model_name='attendancechange',
            name='guest_name',
            field=models.CharField(blank=True, max_length=120),
        ),
        migrations.AddField(
            model_name='attendancechange',
            name='session',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='attendance_changes', to='meetings.session'),
        ),
        migrations.AddField(
            model_name='attendancechange',
            name='user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='attendancechange',
            name='attendance',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='changes', to='meetings.attendance'),
        ),
        migrations.RunPython(fill_session_and_person, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='attendancechange',
            name='session',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendance_changes', to='meetings.session'),
        ),
        migrations.AddIndex(
            model_name='attendancechange',
            index=models.Index(fields=['session', '-at'], name='meetings_at_session_d3d106_idx'),
        ),
        migrations.AddConstraint(
            model_name='attendance',
            constraint=models.UniqueConstraint(condition=models.Q(('user__isnull', True), models.Q(('guest_email', ''), _negated=True)), fields=('session', 'guest_email'), name='attendance_one_per_guest'),
        ),
    ]

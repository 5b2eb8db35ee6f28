from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0003_attachments_shares_subscriptions_conversations"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="thread",
            index=models.Index(
                fields=["community", "kind", "answer", "closed", "locked", "created_at"],
                name="thread_unanswered",
            ),
        ),
    ]

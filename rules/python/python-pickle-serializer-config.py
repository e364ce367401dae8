# ruleid: python-pickle-serializer-config
SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"
# ok: python-pickle-serializer-config
SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"

app.conf.update(
    # ruleid: python-pickle-serializer-config
    task_serializer="pickle",
    # ruleid: python-pickle-serializer-config
    accept_content=["json", "pickle"],
    # ok: python-pickle-serializer-config
    result_serializer="json",
)
# ok: python-pickle-serializer-config
CELERY_ACCEPT_CONTENT = ["json"]

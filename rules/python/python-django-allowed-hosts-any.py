# ruleid: python-django-allowed-hosts-any
ALLOWED_HOSTS = ["*"]
# ok: python-django-allowed-hosts-any
ALLOWED_HOSTS = ["example.com", ".example.com"]
# ok: python-django-allowed-hosts-any
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")

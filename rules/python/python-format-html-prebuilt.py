from django.utils.html import format_html


def badge(user):
    # ruleid: python-format-html-prebuilt
    return format_html(f"<b>{user.name}</b>")


def badge2(user):
    # ruleid: python-format-html-prebuilt
    return format_html("<b>%s</b>" % user.name)


def badge3(user):
    # ruleid: python-format-html-prebuilt
    return format_html("<b>{}</b>".format(user.name))


def badge_ok(user):
    # ok: python-format-html-prebuilt
    return format_html("<b>{}</b>", user.name)

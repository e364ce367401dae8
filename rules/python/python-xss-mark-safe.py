# ruleid: python-xss-mark-safe
return mark_safe(f"<b>{comment.text}</b>")
# ruleid: python-xss-mark-safe
html = Markup("<a href='%s'>" % url)
# ok: python-xss-mark-safe
return mark_safe("<br>")
# ok: python-xss-mark-safe
return format_html("<b>{}</b>", comment.text)

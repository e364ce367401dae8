# ruleid: python-jinja-autoescape-off
env = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ok: python-jinja-autoescape-off
env = Environment(loader=loader, autoescape=select_autoescape())
# ruleid: python-jinja-autoescape-off
# fixed: env = Environment(loader=FileSystemLoader("t"), autoescape=True)
env = Environment(loader=FileSystemLoader("t"), autoescape=False)

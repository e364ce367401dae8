# ruleid: python-jinja-autoescape-off
env = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ok: python-jinja-autoescape-off
env = Environment(loader=loader, autoescape=select_autoescape())

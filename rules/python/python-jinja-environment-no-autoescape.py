import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: python-jinja-environment-no-autoescape
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
# ok: python-jinja-environment-no-autoescape
env2 = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))
# ok: python-jinja-environment-no-autoescape
env3 = Environment(loader=FileSystemLoader("templates"), autoescape=True)

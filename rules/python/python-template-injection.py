# ruleid: python-template-injection
return render_template_string(f"<h1>Hello {name}</h1>")
# ruleid: python-template-injection
return render_template_string(request.args["tpl"])
# ok: python-template-injection
return render_template_string("<h1>Hello {{ name }}</h1>", name=name)

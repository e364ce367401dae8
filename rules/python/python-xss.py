from django.http import HttpResponse
from django.utils.html import escape, format_html
from markupsafe import Markup


def greet(request):
    name = request.GET.get("name", "")
    body = "<h1>Hello " + name + "</h1>"
    # ruleid: python-xss
    return HttpResponse(body)


def greet_safe(request):
    name = request.GET.get("name", "")
    # ok: python-xss
    return HttpResponse("<h1>Hello " + escape(name) + "</h1>")


def greet_format(request):
    # ok: python-xss
    return HttpResponse(format_html("<h1>Hello {}</h1>", request.GET.get("name")))


@app.route("/bio")
def bio():
    text = request.form["bio"]
    # ruleid: python-xss
    html = Markup("<p>%s</p>" % text)
    # ok: python-xss
    note = Markup("<p>static</p>")
    return render_template("bio.html", html=html, note=note)

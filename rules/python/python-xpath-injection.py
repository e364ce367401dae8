from lxml import etree


def lookup(request):
    name = request.GET["name"]
    expr = "//user[@name='" + name + "']"
    # ruleid: python-xpath-injection
    nodes = DOC.xpath(expr)
    # ok: python-xpath-injection
    nodes = DOC.xpath("//user[@name=$n]", n=name)
    return nodes

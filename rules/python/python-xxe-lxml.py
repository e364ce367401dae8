from lxml import etree
from flask import request


@app.route("/import", methods=["POST"])
def import_xml():
    body = request.get_data()
    # ruleid: python-xxe-lxml
    doc = etree.fromstring(body)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: python-xxe-lxml
    doc2 = etree.fromstring(body, parser)
    # ok: python-xxe-lxml
    conf = etree.parse("/etc/app/config.xml")
    return str(len(doc) + len(doc2) + len(conf.getroot()))

import xml.sax
from xml.sax.handler import feature_external_ges

from lxml import etree

# ruleid: python-xml-external-entities-enabled
parser = etree.XMLParser(resolve_entities=True)
# ruleid: python-xml-external-entities-enabled
loose = etree.XMLParser(load_dtd=True, no_network=False)
# ok: python-xml-external-entities-enabled
strict = etree.XMLParser(resolve_entities=False, no_network=True)

sax = xml.sax.make_parser()
# ruleid: python-xml-external-entities-enabled
sax.setFeature(feature_external_ges, True)
# ok: python-xml-external-entities-enabled
sax.setFeature(xml.sax.handler.feature_external_ges, False)
# ok: python-xml-external-entities-enabled
sax.setFeature(xml.sax.handler.feature_namespaces, True)

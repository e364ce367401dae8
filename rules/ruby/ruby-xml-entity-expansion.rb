require "nokogiri"
require "rexml/document"
# ruleid: ruby-xml-entity-expansion
doc = Nokogiri::XML(xml, nil, nil, Nokogiri::XML::ParseOptions::HUGE)
# ruleid: ruby-xml-entity-expansion
REXML::Security.entity_expansion_limit = 100_000_000
# ok: ruby-xml-entity-expansion
REXML::Security.entity_expansion_limit = 1000
# ok: ruby-xml-entity-expansion
doc = Nokogiri::XML(xml, nil, nil, Nokogiri::XML::ParseOptions::DEFAULT_XML)

require "nokogiri"
# ruleid: ruby-xml-external-entities
doc = Nokogiri::XML(xml, nil, nil, Nokogiri::XML::ParseOptions::NOENT | Nokogiri::XML::ParseOptions::DTDLOAD)
# ruleid: ruby-xml-external-entities
doc = Nokogiri::XML(xml) { |config| config.strict.noent }
# ok: ruby-xml-external-entities
doc = Nokogiri::XML(xml) { |config| config.strict.nonet }
# ok: ruby-xml-external-entities
doc = Nokogiri::XML(xml, nil, nil, Nokogiri::XML::ParseOptions::STRICT)

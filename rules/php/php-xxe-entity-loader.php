<?php
function parse_upload(string $xml)
{
    // ruleid: php-xxe-entity-loader
    libxml_disable_entity_loader(false);
    $dom = new DOMDocument();
    // ruleid: php-xxe-entity-loader
    $dom->substituteEntities = true;
    $reader = new XMLReader();
    // ruleid: php-xxe-entity-loader
    $reader->setParserProperty(XMLReader::SUBST_ENTITIES, true);
    // ok: php-xxe-entity-loader
    libxml_disable_entity_loader(true);
    // ok: php-xxe-entity-loader
    $dom->substituteEntities = false;
    // ok: php-xxe-entity-loader
    $reader->setParserProperty(XMLReader::VALIDATE, true);
}

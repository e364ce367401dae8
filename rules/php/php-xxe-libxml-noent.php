<?php
function import_feed(string $xml)
{
    // ruleid: php-xxe-libxml-noent
    $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
    $dom = new DOMDocument();
    // ruleid: php-xxe-libxml-noent
    $dom->loadXML($xml, LIBXML_DTDLOAD | LIBXML_NONET);
    // ok: php-xxe-libxml-noent
    $safe = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET);
    // ok: php-xxe-libxml-noent
    $opts = LIBXML_NONET & ~LIBXML_NOENT;
    // ok: php-xxe-libxml-noent
    // never pass LIBXML_NOENT here
    return [$doc, $safe, $opts];
}

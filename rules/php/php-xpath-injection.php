<?php
function find($xpath)
{
    $expr = "//user[@name='" . $_GET['name'] . "']";
    // ruleid: php-xpath-injection
    $nodes = $xpath->query($expr);
    // ok: php-xpath-injection
    $all = $xpath->query("//user");
    return [$nodes, $all];
}

<?php
function legacy()
{
    // ruleid: php-parse-str-without-result
    parse_str($_SERVER['QUERY_STRING']);
    // ok: php-parse-str-without-result
    parse_str($_SERVER['QUERY_STRING'], $params);
    // ok: php-parse-str-without-result
    $q = http_build_query(['a' => 1]);
    return [$params, $q];
}

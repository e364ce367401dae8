<?php
function search(array $lines)
{
    $q = $_GET['q'];
    // ruleid: php-regex-injection
    $hits = preg_grep('/' . $q . '/i', $lines);
    // ruleid: php-regex-injection
    $ok = preg_match("/^{$_POST['pattern']}$/", 'subject');
    // ok: php-regex-injection
    $safe = preg_grep('/' . preg_quote($q, '/') . '/i', $lines);
    // ok: php-regex-injection
    $m = preg_match('/^[a-z]+$/', $q);
    return [$hits, $ok, $safe, $m];
}

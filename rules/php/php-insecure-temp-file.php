<?php
function export(string $csv)
{
    // ruleid: php-insecure-temp-file
    file_put_contents('/tmp/export.csv', $csv);
    // ruleid: php-insecure-temp-file
    $fh = fopen(sys_get_temp_dir() . '/report.pdf', 'w');
    // ok: php-insecure-temp-file
    $tmp = tempnam(sys_get_temp_dir(), 'exp');
    // ok: php-insecure-temp-file
    file_put_contents($tmp, $csv);
    // ok: php-insecure-temp-file
    $lock = fopen('/tmp/app.lock', 'x');
    return [$fh, $lock];
}
// ok: php-insecure-temp-file
// file_put_contents('/tmp/debug.log', print_r($_POST, true), FILE_APPEND);

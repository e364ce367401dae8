<?php
function fetch_page()
{
    $url = $_GET['url'];
    // ruleid: php-escapeshellcmd-argument-injection
    $cmd = escapeshellcmd("curl " . $url);
    exec($cmd, $out);
    // ruleid: php-escapeshellcmd-argument-injection
    system(escapeshellcmd("wkhtmltopdf {$_POST['page']} /tmp/out.pdf"));
    // ok: php-escapeshellcmd-argument-injection
    exec("curl -- " . escapeshellarg($url), $out);
    // ok: php-escapeshellcmd-argument-injection
    system(escapeshellcmd("/usr/bin/uptime"));
    return $out;
}

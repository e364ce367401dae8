<?php
function probe()
{
    $host = $_GET['host'];
    // ruleid: php-ssrf-socket
    $fp = fsockopen($host, 80, $errno, $errstr, 2);
    // ruleid: php-ssrf-socket
    $h = get_headers($_POST['url']);
    // ruleid: php-ssrf-socket
    $soap = new SoapClient($_GET['wsdl']);
    // ok: php-ssrf-socket
    $local = fsockopen('127.0.0.1', 6379);
    $allowed = ['api.example.com', 'cdn.example.com'];
    $target = $_GET['target'];
    if (!in_array($target, $allowed, true)) {
        return null;
    }
    // ok: php-ssrf-socket
    $ok = fsockopen($target, 443);
    return [$fp, $h, $soap, $local, $ok];
}

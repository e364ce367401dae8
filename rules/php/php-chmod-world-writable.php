<?php
function publish(string $path)
{
    // ruleid: php-chmod-world-writable
    chmod($path, 0777);
    // ruleid: php-chmod-world-writable
    chmod($path . '/cache', 0666);
    // ok: php-chmod-world-writable
    chmod($path, 0644);
    // ok: php-chmod-world-writable
    chmod($path, 0755);
    // ok: php-chmod-world-writable
    mkdir($path . '/logs', 0777, true);
}

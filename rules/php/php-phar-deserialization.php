<?php
function thumb_info()
{
    $path = $_GET['img'];
    // ruleid: php-phar-deserialization
    if (file_exists($path)) {
        // ruleid: php-phar-deserialization
        $size = getimagesize($path);
    }
    $name = basename($_GET['img']);
    // ok: php-phar-deserialization
    $exists = file_exists('/var/www/uploads/' . $name);
    // ok: php-phar-deserialization
    $cfg = is_file(__DIR__ . '/config.php');
    return [$size ?? null, $exists, $cfg];
}

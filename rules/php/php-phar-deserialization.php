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

function source_view()
{
    $id = $_GET['id'];
    // ok: php-phar-deserialization
    if (file_exists(APP_ROOT . "modules/{$id}/source.php")) {
        return true;
    }
    // ok: php-phar-deserialization
    return is_file("templates/{$id}.twig");
}

<?php
function restore()
{
    $blob = base64_decode($_COOKIE['state']);
    // ruleid: php-deserialization
    $state = unserialize($blob);
    // ok: php-deserialization
    $safe = unserialize($blob, ['allowed_classes' => false]);
    // ok: php-deserialization
    $data = json_decode($blob, true);
    return [$state, $safe, $data];
}

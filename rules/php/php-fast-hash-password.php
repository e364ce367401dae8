<?php
function register(string $password, string $salt, string $resetToken)
{
    // ruleid: php-fast-hash-password
    $stored = hash('sha256', $salt . $password);
    // ruleid: php-fast-hash-password
    $legacy = hash('md5', $_POST['password']);
    // ok: php-fast-hash-password
    $good = password_hash($password, PASSWORD_DEFAULT);
    // ok: php-fast-hash-password
    $digest = hash('sha256', $resetToken);
    // ok: php-fast-hash-password
    $etag = hash('sha1', $body ?? '');
    // ok: php-fast-hash-password
    $k = hash('sha256', $password_reset_token);
    return [$stored, $legacy, $good, $digest, $etag, $k];
}

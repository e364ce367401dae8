<?php
function legacy_hash(string $password)
{
    // ruleid: php-crypt-weak-salt
    $a = crypt($password, 'ab');
    // ruleid: php-crypt-weak-salt
    $b = crypt($password, '$1$rasmusle$');
    // ruleid: php-crypt-weak-salt
    $c = crypt($password);
    // ok: php-crypt-weak-salt
    $d = crypt($password, '$2y$12$' . substr(strtr(base64_encode(random_bytes(16)), '+', '.'), 0, 22));
    // ok: php-crypt-weak-salt
    $ok = hash_equals($d, crypt($password, $d));
    return [$a, $b, $c, $ok];
}

<?php
function enc(string $key, string $data, string $iv)
{
    // ruleid: php-weak-cipher
    $a = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
    // ruleid: php-weak-cipher
    $b = openssl_decrypt($data, 'BF-CBC', $key, 0, $iv);
    // ruleid: php-weak-cipher
    $r = openssl_encrypt($data, 'rc4', $key);
    // ok: php-weak-cipher
    $c = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
    // ok: php-weak-cipher
    $d = openssl_encrypt($data, 'des-ecb', $key);
    return [$a, $b, $c, $d, $r];
}

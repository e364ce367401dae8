<?php
function enc(string $key, string $data)
{
    // ruleid: php-static-iv
    $a = openssl_encrypt($data, 'aes-256-cbc', $key, 0, '1234567890123456');
    // ruleid: php-static-iv
    $b = openssl_encrypt($data, 'aes-256-cbc', $key, OPENSSL_RAW_DATA, str_repeat("\0", 16));
    $iv = random_bytes(openssl_cipher_iv_length('aes-256-cbc'));
    // ok: php-static-iv
    $c = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
    // ok: php-static-iv
    $d = openssl_decrypt($a, 'aes-256-cbc', $key, 0, $iv);
    return [$a, $b, $c, $d];
}

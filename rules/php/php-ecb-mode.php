<?php
function enc(string $key, string $data)
{
    // ruleid: php-ecb-mode
    $a = openssl_encrypt($data, 'aes-128-ecb', $key);
    // ruleid: php-ecb-mode
    $cipher = 'AES-256-ECB';
    // ruleid: php-ecb-mode
    $aes = new AES(AES::MODE_ECB);
    // ok: php-ecb-mode
    $b = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
    // ok: php-ecb-mode
    $c = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
    return [$a, $b, $c, $aes, $cipher];
}

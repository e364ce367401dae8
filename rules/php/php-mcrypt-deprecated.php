<?php
function enc(string $key, string $data)
{
    // ruleid: php-mcrypt-deprecated
    $out = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, $iv);
    // ruleid: php-mcrypt-deprecated
    $td = mcrypt_module_open('rijndael-128', '', 'cbc', '');
    // ok: php-mcrypt-deprecated
    $enc = mcrypt_generic($td, $data);
    // ok: php-mcrypt-deprecated
    $has = function_exists('mcrypt_encrypt');
    // ok: php-mcrypt-deprecated
    $box = sodium_crypto_secretbox($data, $nonce, $key);
    return [$out, $td, $has, $box];
}

<?php
function keys()
{
    // ruleid: php-small-rsa-key
    $weak = openssl_pkey_new(['private_key_bits' => 1024, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
    // ruleid: php-small-rsa-key
    $sec = RSA::createKey(512);
    // ok: php-small-rsa-key
    $good = openssl_pkey_new(['private_key_bits' => 3072, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
    // ok: php-small-rsa-key
    $g2 = RSA::createKey(4096);
    return [$weak, $sec, $good, $g2];
}

<?php
function connect($ch)
{
    // ruleid: php-tls-old-protocol
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1);
    // ruleid: php-tls-old-protocol
    curl_setopt($ch, CURLOPT_SSLVERSION, 3);
    // ruleid: php-tls-old-protocol
    $ctx = stream_context_create(['ssl' => ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT]]);
    // ok: php-tls-old-protocol
    curl_setopt($ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
    // ok: php-tls-old-protocol
    $ctx2 = stream_context_create(['ssl' => ['crypto_method' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT]]);
    $m = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;
    // ok: php-tls-old-protocol
    $m |= STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT;
    // ok: php-tls-old-protocol
    $any = STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;
    return [$ctx, $ctx2, $m, $any];
}

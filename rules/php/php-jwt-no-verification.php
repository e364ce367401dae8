<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;

function user_from(string $jwt, string $key)
{
    // ruleid: php-jwt-no-verification
    $claims = JWT::decode($jwt);
    // ruleid: php-jwt-no-verification
    $old = JWT::decode($jwt, $key, false);
    // ruleid: php-jwt-no-verification
    $header = ['alg' => 'none', 'typ' => 'JWT'];
    // ok: php-jwt-no-verification
    $good = JWT::decode($jwt, new Key($key, 'HS256'));
    // ok: php-jwt-no-verification
    $v5 = JWT::decode($jwt, $key, ['HS256']);
    return [$claims, $old, $good, $v5, $header];
}

<?php
function remember(string $token)
{
    // ruleid: php-cookie-without-flags
    setcookie('remember_token', $token, time() + 86400 * 30, '/');
    // ruleid: php-cookie-without-flags
    setcookie('session_id', $token, 0, '/', '', false, true);
    // ok: php-cookie-without-flags
    setcookie('remember_token', $token, ['expires' => time() + 86400, 'path' => '/', 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
    // ok: php-cookie-without-flags
    setcookie('remember_token', $token, time() + 86400, '/', '', true, true);
    // ok: php-cookie-without-flags
    setcookie('lang', 'en', time() + 86400, '/');
    // ok: php-cookie-without-flags
    setcookie('session_id', '', time() - 3600, '/');
}

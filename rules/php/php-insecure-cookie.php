<?php
// ruleid: php-insecure-cookie
    'secure' => false,
// ruleid: php-insecure-cookie
ini_set('session.cookie_httponly', '0');
// ok: php-insecure-cookie
'secure' => env('SESSION_SECURE_COOKIE', true),

<?php
function check(string $given, string $stored, string $password)
{
    // ruleid: php-type-juggling-compare
    if (md5($password) == $stored) {
        return true;
    }
    // ruleid: php-type-juggling-compare
    if ($given != hash_hmac('sha256', $password, 'k')) {
        return false;
    }
    // ruleid: php-type-juggling-compare
    if (strcmp($_POST['password'], $stored) == 0) {
        return true;
    }
    // ok: php-type-juggling-compare
    if (hash_equals($stored, hash_hmac('sha256', $given, 'k'))) {
        return true;
    }
    // ok: php-type-juggling-compare
    if (md5($password) === $stored) {
        return true;
    }
    // ok: php-type-juggling-compare
    return password_verify($password, $stored);
}

<?php
// ruleid: php-weak-crypto
$hash = md5($password);
// ruleid: php-weak-crypto
$token = md5(uniqid(mt_rand(), true));
// ok: php-weak-crypto
$hash = password_hash($password, PASSWORD_DEFAULT);
// ok: php-weak-crypto
$etag = md5($body);

<?php
// ruleid: php-code-injection
eval($_POST['code']);
// ruleid: php-code-injection
$cart = unserialize($_COOKIE['cart']);
// ok: php-code-injection
$cart = json_decode($_COOKIE['cart'], true);
// ok: php-code-injection
$obj = unserialize($data, ['allowed_classes' => false]);

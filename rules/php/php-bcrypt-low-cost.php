<?php
// ruleid: php-bcrypt-low-cost
$h = password_hash($password, PASSWORD_BCRYPT, ['cost' => 4]);
// ok: php-bcrypt-low-cost
$h2 = password_hash($password, PASSWORD_BCRYPT, ['cost' => 12]);
// ok: php-bcrypt-low-cost
$h3 = password_hash($password, PASSWORD_DEFAULT);

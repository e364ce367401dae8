<?php
function token()
{
    // ruleid: php-predictable-seed
    mt_srand(time());
    // ruleid: php-predictable-seed
    srand(12345);
    // ok: php-predictable-seed
    mt_srand();
    // ok: php-predictable-seed
    $n = random_int(0, 999999);
    return $n;
}

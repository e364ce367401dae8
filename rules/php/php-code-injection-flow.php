<?php
function calc()
{
    $expr = $_POST['expr'];
    // ruleid: php-code-injection-flow
    $result = eval('return ' . $expr . ';');
    $fn = $_GET['fn'];
    // ruleid: php-code-injection-flow
    $out = call_user_func($fn, 1);
    // ok: php-code-injection-flow
    $fixed = call_user_func('strtoupper', $expr);
    // ok: php-code-injection-flow
    $data = json_decode($_POST['data'], true);
    return [$result, $out, $fixed, $data];
}
